// The rules' warnings about an amount (response.warnings: "Bedoel je € 12.000? …" with the
// suggested text), each under its field with a button that puts the suggestion in the field.
// The box is made here, so the rows the visitor adds get one too; all of it is text.

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
  fix.dataset.kmoFix = name;
  fix.textContent = FIX_LABEL;
  fix.setAttribute("aria-describedby", text.id);
  box.append(text, fix);
  return box;
}

/** Show the warnings of a response under their fields; remove those no longer there. */
export function showFieldWarnings(form, response) {
  const warnings = new Map();
  for (const warning of Array.isArray(response && response.warnings) ? response.warnings : []) {
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
    const suggestion = typeof warning.suggestion === "string" ? warning.suggestion : "";
    box.dataset.kmoSuggestion = suggestion;
    box.querySelector("button").hidden = suggestion === "";
    describe(control, `kmo-warning-${name}`, true);
  }
}

/** The field a fix button corrects, with the suggestion put in; null when there is nothing to do. */
export function applySuggestion(form, button) {
  const box = button.closest("[data-kmo-warning-for]");
  const control = box && form.focusTarget(box.dataset.kmoWarningFor);
  if (!control || !box.dataset.kmoSuggestion) return null;
  control.value = box.dataset.kmoSuggestion;
  return control;
}
