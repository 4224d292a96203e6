// The question about support already received names its calendar year: every year has its own
// cap, so "Hoeveel steun kreeg je al in 2026?". The year is the one the visitor answered for
// (received_year, set when they fill in the amount), else that of the application date (in a plan
// the earliest). Which year counts is the rules' decision: the browser only names it in the label.

const YEAR = /^\d{4}$/;
const DATE = /^(\d{4})-\d{2}-\d{2}$/;
export const RECEIVED = "received";
export const RECEIVED_YEAR = "received_year";

/** The year the question is about ("" when there is none yet): answered, else the earliest date's. */
export function questionYear(answered, dates) {
  if (YEAR.test(answered)) return answered;
  const years = dates.map((date) => DATE.exec(date)).filter(Boolean).map((match) => match[1]).sort();
  return years[0] || "";
}

/** The label for a year from its template ("… in {jaar}, …"); null without a year. */
export function yearLabel(template, year) {
  return year && template ? template.replace("{jaar}", year) : null;
}

/** The dates of the services in a form state (date, date_2, …). */
function datesOf(state) {
  return [...state].filter(([name]) => name === "date" || name.startsWith("date_")).map(([, text]) => text);
}

/**
 * After an edit: the amount ties itself to the year its question named when the visitor filled it
 * in (and lets go when emptied); then the label names the year. form: a Form of form.mjs.
 */
export function followReceived(form, editedName) {
  const year = form.control(RECEIVED_YEAR);
  const label = form.form.querySelector(`label[for="kmo-${RECEIVED}"]`);
  if (!year || !label) return;
  const state = form.state();
  if (editedName === RECEIVED) {
    const amount = form.value(RECEIVED).trim();
    if (amount === "") year.value = "";
    else if (!year.value) year.value = questionYear("", datesOf(state));
  }
  label.dataset.kmoLabel ??= label.textContent;
  label.textContent = yearLabel(year.dataset.kmoYearLabel, questionYear(year.value, datesOf(state))) ?? label.dataset.kmoLabel;
}
