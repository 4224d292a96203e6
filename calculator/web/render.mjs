// The rules' answer in #kmo-result, the errors next to their fields, and what a screen reader hears.
// Every amount, percentage and date shown is formatted by the rules package (response.display,
// deadlines[].date_display): nothing is formatted here. All output is set as text, never as HTML.
//
// #kmo-result carries the answer for tests and the benchmark: data-state ("loading" | "ready" |
// "error"), data-ok, data-size, data-eligible, data-rate-percent, data-support, data-errors (the
// error fields), data-pending while an answer to the current form is awaited.

import { fieldOfError } from "./fields.mjs";

// Reason groups (response.reasons[].group): the size block, and deadlines (shown from
// response.deadlines instead); every other group goes to the reasons block.
const SIZE_GROUP = "grootte";
const DEADLINE_GROUP = "termijn";
const ANSWER_KEYS = ["size", "eligible", "ratePercent", "support", "ok", "errors"];

function out(result, name) {
  return result.querySelector(`[data-kmo-out="${name}"]`);
}

function shown(text) {
  return text === undefined || text === null || text === "" ? "–" : String(text);
}

/** An http(s) URL from the response, or null: nothing else becomes a link. */
function safeLink(text) {
  if (typeof text !== "string") return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function listItems(list, items, render) {
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    render(li, item);
    return li;
  }));
}

/** Show one part of the result: "loading", "error", or "ready" with its part ("ready" | "invalid"). */
export function setState(result, state, readyPart) {
  result.dataset.state = state;
  for (const part of result.querySelectorAll(".kmo-result__part")) {
    const name = part.dataset.kmoPart;
    part.hidden = state === "ready" ? name !== readyPart : name !== state;
  }
  if (state !== "ready") for (const key of ANSWER_KEYS) delete result.dataset[key];
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

/** A computed answer: verdict, figures, reasons by group, deadlines. */
export function showAnswer(result, response, sizeLabel) {
  setState(result, "ready", "ready");
  const data = result.dataset;
  data.ok = "true";
  delete data.errors;
  data.size = String(response.size ?? "");
  data.eligible = response.eligible ? "true" : "false";
  data.ratePercent = String(response.rate_percent ?? "");
  data.support = String(response.support ?? "");

  const verdict = out(result, "verdict");
  verdict.textContent = response.eligible
    ? "Deze aanvraag komt in aanmerking voor de kmo-portefeuille."
    : "Deze aanvraag komt niet in aanmerking voor de kmo-portefeuille.";
  verdict.classList.toggle("kmo-verdict--no", !response.eligible);
  verdict.classList.toggle("kmo-verdict--yes", !!response.eligible);

  const display = response.display || {};
  out(result, "size").textContent = shown(sizeLabel);
  out(result, "rate").textContent = shown(display.rate);
  out(result, "support").textContent = shown(display.support);
  out(result, "own_share").textContent = shown(display.own_share);
  out(result, "cap_remaining").textContent = shown(display.cap_remaining);

  const reasons = Array.isArray(response.reasons) ? response.reasons : [];
  const other = reasons.filter((reason) => reason.group !== SIZE_GROUP && reason.group !== DEADLINE_GROUP);
  const fill = (name, items) => {
    listItems(out(result, name), items, (li, item) => {
      li.textContent = String(item.message || "");
      if (item.blocking) li.classList.add("kmo-list__blocking");
      const source = safeLink(item.source);
      if (source) {
        const link = document.createElement("a");
        link.href = source;
        link.rel = "noopener noreferrer external";
        link.textContent = "bron";
        if (item.source_title) link.title = String(item.source_title);
        li.append(document.createTextNode(" ("), link, document.createTextNode(")"));
      }
    });
    result.querySelector(`[data-kmo-block="${name}"]`).hidden = items.length === 0;
  };
  fill("size-reasons", reasons.filter((reason) => reason.group === SIZE_GROUP));
  // What stands in the way first, then the rest.
  fill("reasons", other.filter((reason) => reason.blocking).concat(other.filter((reason) => !reason.blocking)));
  out(result, "reasons-title").textContent = response.eligible ? "Goed om te weten" : "Waarom niet";

  const deadlines = Array.isArray(response.deadlines) ? response.deadlines : [];
  listItems(out(result, "deadlines"), deadlines, (li, item) => {
    if (item.date_display) {
      const strong = document.createElement("strong");
      strong.textContent = String(item.date_display);
      li.append(strong, document.createTextNode(`: ${String(item.message || "")}`));
    } else {
      li.textContent = String(item.message || "");
    }
  });
  result.querySelector('[data-kmo-block="deadlines"]').hidden = deadlines.length === 0;
  out(result, "summary").textContent = String(response.summary || "");
}

/**
 * Each error next to its field (aria-invalid, aria-describedby), once the visitor has been there:
 * touched or typed in the field, or chose what the error is about (the figures of the company).
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
    for (const control of form.controls(name)) {
      const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== box.id);
      if (show) {
        control.setAttribute("aria-invalid", "true");
        described.push(box.id);
      } else {
        control.removeAttribute("aria-invalid");
      }
      if (described.length) control.setAttribute("aria-describedby", described.join(" "));
      else control.removeAttribute("aria-describedby");
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

/** The sentence a screen reader hears for an answer. */
export function spoken(response) {
  if (!response || response.ok !== true) {
    const first = response && Array.isArray(response.errors) && response.errors[0];
    return `Nog niet volledig. ${first ? String(first.message || "") : ""}`;
  }
  if (response.summary) return String(response.summary);
  const display = response.display || {};
  return response.eligible
    ? `Steun ${shown(display.support)}, eigen bijdrage ${shown(display.own_share)}.`
    : "Deze aanvraag komt niet in aanmerking.";
}
