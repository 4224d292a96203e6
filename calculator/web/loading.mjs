// What #kmo-result shows while the runtime starts and when it cannot: the share of the runtime's
// bytes received (a <progress> and "3,2 van 6,4 MB"), and the failure's Dutch title.
//
// The bar and its text follow every update; screen readers hear about it only at a quarter, a
// half and three quarters (a live region of its own), not at every update. Once every byte is in,
// the interpreter starts (seconds on a phone): the text says so and the bar moves on its own
// (indeterminate) instead of standing still at full.

const megabytes = new Intl.NumberFormat("nl-BE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MB = 1e6;
const MILESTONES = [0.25, 0.5, 0.75];
export const STARTING = "De rekenhulp start…";

export const FAILURE_TITLES = Object.freeze({
  traag: "De rekenhulp laadt niet of te traag in je browser.",
  laden: "De rekenhulp kan op dit moment niet rekenen.",
  antwoord: "De rekenhulp gaf geen antwoord.",
});

/** "3,2 van 6,4 MB"; "" while the total is not known. */
export function progressText({ received, total }) {
  if (!(total > 0)) return "";
  return `${megabytes.format(Math.min(received, total) / MB)} van ${megabytes.format(total / MB)} MB`;
}

/** The last milestone (0.25, 0.5, 0.75) reached, or 0. */
export function milestone({ received, total }) {
  if (!(total > 0)) return 0;
  return MILESTONES.filter((share) => received / total >= share).pop() || 0;
}

const spoken = new WeakMap(); // result element -> last milestone announced

/** Show the download's progress in the loading part of `result` (#kmo-result). */
export function showProgress(result, progress) {
  const bar = result.querySelector('[data-kmo-out="progress"]');
  const text = result.querySelector('[data-kmo-out="loading-bytes"]');
  const live = result.querySelector('[data-kmo-out="loading-status"]');
  const known = progress.total > 0;
  if (progress.done) {
    const label = result.querySelector('[data-kmo-out="loading-label"]');
    if (label) label.textContent = STARTING;
    if (bar) bar.removeAttribute("value");
    if (text) text.textContent = "";
    if (live && live.textContent !== STARTING) live.textContent = STARTING;
    return;
  }
  if (bar) {
    if (known) {
      bar.max = progress.total;
      bar.value = Math.min(progress.received, progress.total);
    } else {
      bar.removeAttribute("value"); // indeterminate until the worker knows what it needs
    }
  }
  if (text) text.textContent = progressText(progress);
  const reached = milestone(progress);
  if (live && reached > (spoken.get(result) || 0)) {
    spoken.set(result, reached);
    live.textContent = `Rekenhulp voor ${Math.round(reached * 100)}% geladen.`;
  }
}

/** Put the failure's title in place (data-error too); returns the title. */
export function showFailureTitle(result, kind) {
  const text = FAILURE_TITLES[kind] || FAILURE_TITLES.laden;
  const title = result.querySelector('[data-kmo-out="error-title"]');
  if (title) title.textContent = text;
  result.dataset.error = kind;
  return text;
}
