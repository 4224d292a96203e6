// The compact bar with the current answer that stays in view on a phone while the visitor edits
// the form (calculator.css shows it on narrow screens only, never in print). Its link goes to the
// result; it is not a live region: the screen reader hears the answer from the status region alone.
// It says what the panel says, in the rules' own words and amount format: the answer's headline;
// without a size, the amount per size; while an amount is doubtful, the question, with the fix.

import { firstDoubt, offerFix } from "./warnings.mjs";

const TEXTS = {
  loading: "Rekenhulp wordt geladen…",
  error: "De rekenhulp rekent nu niet",
  invalid: "Vul je gegevens aan",
};

/** The bar's text for a response, or for "loading" / "error" when there is none. */
export function barText(response, state) {
  if (!response) return TEXTS[state] || TEXTS.loading;
  const doubt = firstDoubt(response);
  if (doubt) return String(doubt.message || "");
  if (response.ok !== true) return String((response.by_size && response.by_size.headline) || TEXTS.invalid);
  return String((response.answer && response.answer.headline) || "");
}

export function showBar(root, response, state) {
  const text = root.querySelector("[data-kmo-bar-text]");
  if (text) text.textContent = barText(response, state);
  const fix = root.querySelector("[data-kmo-bar-fix]");
  if (fix) offerFix(fix, response && firstDoubt(response));
}
