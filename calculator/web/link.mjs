// The link's values (?service=advies&theme=…) go into the calculator's form as soon as the page is
// parsed, and never over a field the visitor changed.
//
// The calculator page loads this module right after its form (rekenhulp.html, an async module):
// it runs as soon as it is in, before the calculator mounts. An inline script in the same <head> (main.html) records the name of every field the
// visitor changes from the first input event on (window.kmoEdited); a field named there keeps
// what the visitor put in. calculator.mjs calls applyLink() again when it mounts: after Material's
// instant navigation this module does not run again, and on a form done here it does nothing.

import { stateFromQuery } from "./fields.mjs";
import { Form } from "./form.mjs";

/** The names of the fields the visitor changed in this document (empty before the first edit). */
export function editedNames(scope = globalThis) {
  return scope.kmoEdited instanceof Set ? scope.kmoEdited : new Set();
}

/** "2026-12-04": a date input's text for today, in the visitor's time zone. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A service's date starts at today, as the form says ("We vullen vandaag in"). */
export function fillDates(within) {
  for (const date of within.querySelectorAll('input[type="date"]')) if (!date.value) date.value = today();
}

/** The state of a link without the fields the visitor changed. */
export function linkState(search, edited) {
  const state = stateFromQuery(new URLSearchParams(search));
  for (const name of edited) state.delete(name);
  return state;
}

/** Put the link's values into a form (a Form of form.mjs), once per form element. */
export function applyLink(form, search = location.search, edited = editedNames()) {
  const element = form.form;
  if (element.dataset.kmoLinked) return;
  element.dataset.kmoLinked = "true";
  form.restore(linkState(search, edited));
  fillDates(element);
  form.updateVisibility();
  form.updateAssumed();
}

const element = globalThis.document && document.querySelector("[data-kmo-rekenhulp] form");
if (element) {
  applyLink(new Form(element));
  performance.mark?.("kmo:link-applied");
}
