// The compact bar with the current answer that stays in view on a phone while the visitor edits
// the form (calculator.css shows it on narrow screens only, never in print). It is a link to the
// result, not a live region: the screen reader hears the answer from the status region alone.
// Amounts come formatted from the rules package (response.display).

const TEXTS = {
  loading: "Rekenhulp wordt geladen…",
  error: "De rekenhulp rekent nu niet",
  invalid: "Vul je gegevens aan",
  no: "Geen steun",
};

/** The bar's text for a response, or for "loading" / "error" when there is none. */
export function barText(response, state) {
  if (!response) return TEXTS[state] || TEXTS.loading;
  if (response.ok !== true) return TEXTS.invalid;
  if (!response.eligible) return TEXTS.no;
  const display = response.display || {};
  // A year plan: its totals.
  const plan = Array.isArray(response.services);
  return `Steun ${plan ? display.total_support : display.support} · zelf ${plan ? display.total_own_share : display.own_share}`;
}

export function showBar(root, response, state) {
  const text = root.querySelector("[data-kmo-bar-text]");
  if (text) text.textContent = barText(response, state);
}
