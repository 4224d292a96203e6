// The parts of #kmo-result, the errors next to their fields, and what a screen reader hears. The
// computed answer itself is shown by answer.mjs, the amount warnings by warnings.mjs. Every amount,
// percentage and date shown is formatted by the rules package: nothing is formatted here. All
// output is set as text, never as HTML.
//
// #kmo-result carries the answer for tests and the benchmark: data-state ("loading" | "ready" |
// "error"), data-part (the part shown when ready: "ready", "doubt", "sizes" or "invalid"), data-ok, data-size, data-eligible, data-rate-percent, data-support, data-errors (the
// error fields), data-rows (the services: 1 for a single request, more for a year plan),
// data-pending while an answer to the current form is awaited. For a plan data-support is its total.

import { describe, listItems, out } from "./dom.mjs";
import { fieldOfError } from "./fields.mjs";
import { firstDoubt, offerFix } from "./warnings.mjs";

const ANSWER_KEYS = ["size", "eligible", "ratePercent", "support", "ok", "errors", "rows"];

/** Show one part of the result: "loading", "error", or "ready" with its part ("ready" | "invalid"). */
export function setState(result, state, readyPart) {
  result.dataset.state = state;
  if (state === "ready") result.dataset.part = readyPart;
  else delete result.dataset.part;
  for (const part of result.querySelectorAll(".kmo-result__part")) {
    const name = part.dataset.kmoPart;
    part.hidden = state === "ready" ? name !== readyPart : name !== state;
  }
  if (state !== "ready") for (const key of ANSWER_KEYS) delete result.dataset[key];
}

/** An amount the rules read with doubt: the question and its fix, no verdict on that reading. */
export function showDoubt(result, response, doubt) {
  setState(result, "ready", "doubt");
  for (const key of ANSWER_KEYS) delete result.dataset[key];
  out(result, "doubt").textContent = String(doubt.message || "");
  offerFix(result.querySelector('[data-kmo-part="doubt"] [data-kmo-fix]'), doubt);
}

/** No size chosen: the amount for each size (response.by_size), with the size question here. */
export function showSizes(result, response) {
  setState(result, "ready", "sizes");
  for (const key of ANSWER_KEYS) delete result.dataset[key];
  result.dataset.ok = "false";
  result.dataset.errors = (Array.isArray(response.errors) ? response.errors : []).map((error) => String(error.field || "")).join(" ");
  out(result, "by-size").textContent = String(response.by_size.headline || "");
}

/** An answer that could not be computed: the list of what to fix, each a link to its field. */
export function showInvalid(result, response, form) {
  setState(result, "ready", "invalid");
  const errors = Array.isArray(response && response.errors) ? response.errors : [];
  result.dataset.ok = "false";
  result.dataset.errors = errors.map((error) => String(error.field || "")).join(" ");
  listItems(out(result, "errors"), errors, (li, error) => {
    const name = fieldOfError(error.field);
    const target = name && form.focusTarget(name);
    if (!target || !target.id) {
      li.textContent = String(error.message || "");
      return;
    }
    const link = document.createElement("a");
    link.href = `#${target.id}`;
    link.textContent = String(error.message || "");
    link.addEventListener("click", (event) => {
      event.preventDefault();
      form.reveal(target);
      target.focus();
    });
    li.append(link);
  });
}

/**
 * Each error next to its field (aria-invalid, aria-describedby), once the visitor has been there:
 * touched or typed in the field, or chose what the error is about (the figures of the company).
 * A field in a closed section is shown with its error.
 */
export function showFieldErrors(form, response, touched) {
  const messages = new Map();
  const errors = response && response.ok !== true && Array.isArray(response.errors) ? response.errors : [];
  for (const error of errors) {
    const name = fieldOfError(error.field);
    if (!name || messages.has(name)) continue;
    const typed = form.controls(name).some((c) => c.type !== "radio" && c.value !== "");
    if (typed || touched.has(name) || touched.has(String(error.field))) messages.set(name, String(error.message || ""));
  }
  for (const box of form.form.querySelectorAll(".kmo-field-error[data-kmo-error-for]")) {
    const name = box.dataset.kmoErrorFor;
    const message = messages.get(name);
    const show = message !== undefined;
    box.hidden = !show;
    box.textContent = show ? message : "";
    if (show) form.reveal(box);
    for (const control of form.controls(name)) {
      if (show) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      describe(control, box.id, show);
    }
  }
}

/** What the live region says: politely once typing pauses, and only when the text changes. */
export class Announcer {
  constructor(region, pauseMs) {
    this.region = region;
    this.pauseMs = pauseMs;
    this.timer = null;
    this.said = "";
  }

  say(text, now = false) {
    if (!this.region) return;
    clearTimeout(this.timer);
    const speak = () => {
      if (text !== this.said) {
        this.said = text;
        this.region.textContent = text;
      }
    };
    if (now) speak();
    else this.timer = setTimeout(speak, this.pauseMs);
  }

  stop() {
    clearTimeout(this.timer);
  }
}

/** The sentence a screen reader hears for an answer: the doubt, the headline (per size without
 * one), or what is missing. */
export function spoken(response) {
  const doubt = firstDoubt(response);
  if (doubt) return String(doubt.message || "");
  if (response && response.ok !== true && response.by_size) return String(response.by_size.headline || "");
  if (!response || response.ok !== true) {
    const first = response && Array.isArray(response.errors) && response.errors[0];
    return `Nog niet volledig. ${first ? String(first.message || "") : ""}`;
  }
  return String((response.answer && response.answer.headline) || "");
}
