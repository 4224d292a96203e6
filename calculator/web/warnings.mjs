// The rules' warnings about an amount (response.warnings: "We lezen € 12,00. Bedoel je € 1.200?"
// with the suggested text), each under its field with a button that puts the suggestion in the
// field. The box is made here, so the rows the visitor adds get one too; all of it is text. While a
// warning is open the panel and the bar ask it too (firstDoubt), and give no verdict.

import { describe } from "./dom.mjs";
import { fieldOfError } from "./fields.mjs";

const FIX_LABEL = "Ja, pas het bedrag aan";

function makeBox(name) {
  const box = document.createElement("div");
  box.className = "kmo-field-warning";
  box.dataset.kmoWarningFor = name;
  const text = document.createElement("p");
  text.id = `kmo-warning-${name}`;
  const fix = document.createElement("button");
  fix.type = "button";
  fix.className = "md-button kmo-button";
  fix.textContent = FIX_LABEL;
  fix.setAttribute("aria-describedby", text.id);
  box.append(text, fix);
  return box;
}

/** The rules' amount warnings of a response: those about a field. */
function doubts(response) {
  return (Array.isArray(response && response.warnings) ? response.warnings : []).filter((warning) => warning && warning.field);
}

/** The first open amount warning, or null: while there is one, no verdict is shown. */
export function firstDoubt(response) {
  return doubts(response)[0] || null;
}

/** A fix button for a doubtful amount (hidden when there is none or it suggests nothing). */
export function offerFix(button, doubt) {
  const suggestion = doubt && typeof doubt.suggestion === "string" ? doubt.suggestion : "";
  button.hidden = suggestion === "";
  button.dataset.kmoFix = suggestion ? String(doubt.field || "") : "";
  button.dataset.kmoSuggestion = suggestion;
}

/** Show the warnings of a response under their fields; remove those no longer there. */
export function showFieldWarnings(form, response) {
  const warnings = new Map();
  for (const warning of doubts(response)) {
    const name = fieldOfError(warning.field);
    if (name && !warnings.has(name)) warnings.set(name, warning);
  }
  for (const box of form.form.querySelectorAll("[data-kmo-warning-for]")) {
    const name = box.dataset.kmoWarningFor;
    if (warnings.has(name)) continue;
    for (const control of form.controls(name)) describe(control, `kmo-warning-${name}`, false);
    box.remove();
  }
  for (const [name, warning] of warnings) {
    const control = form.focusTarget(name);
    const field = control && control.closest(".kmo-field");
    if (!field) continue;
    let box = field.querySelector(`[data-kmo-warning-for="${name}"]`);
    if (!box) {
      box = makeBox(name);
      field.append(box);
    }
    box.querySelector("p").textContent = String(warning.message || "");
    offerFix(box.querySelector("button"), warning);
    describe(control, `kmo-warning-${name}`, true);
  }
}

/** The field a fix button (offerFix) corrects, with the suggestion put in; null when there is
 * nothing to do. The button names the warning's field as the rules do ("services[1].cost"). */
export function applySuggestion(form, button) {
  const name = fieldOfError(button.dataset.kmoFix);
  const control = name && form.focusTarget(name);
  if (!control || !button.dataset.kmoSuggestion) return null;
  control.value = button.dataset.kmoSuggestion;
  return control;
}
