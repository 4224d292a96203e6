// What the visitor entered, in words: the list in the printout, and the message the contact page
// gets from "Vraag ECX een offerte". Values are shown as typed, choices by their label,
// the date as the rules package wrote it (response.display.date) once there is an answer.

import { assumedAnswer, rowOf } from "./fields.mjs";

// The lines the contact message repeats, besides the answer.
const ADVICE_FIELDS = ["service", "theme", "cost", "date", "received"];

function labelOf(form, name) {
  const element = form.focusTarget(name);
  const box = element && element.parentElement && element.parentElement.closest("[data-kmo-short]");
  if (box) return box.dataset.kmoShort;
  const label = element && element.labels && element.labels[0];
  return label ? label.textContent.trim() : name;
}

function valueOf(form, name, text, response) {
  const element = form.control(name);
  if (element && element.tagName === "SELECT") {
    const option = [...element.options].find((o) => o.value === text);
    return option ? option.textContent.replace(/^[\s\u00a0–-]+/, "").trim() : text;
  }
  if (element && !element.tagName) {
    const radio = [...element].find((r) => r.value === text);
    if (radio && radio.dataset.kmoShort) return radio.dataset.kmoShort;
    const label = radio && radio.closest("label");
    return label ? label.textContent.trim() : text;
  }
  if (name === "date" && response && response.ok === true && response.display) return String(response.display.date);
  return text;
}

/** [{name, label, value}] for every answer of the state that is not empty or assumed. */
export function inputLines(form, state, response) {
  const lines = [];
  for (const [name, text] of state || []) {
    if (text === "" || assumedAnswer(name, text)) continue;
    const row = rowOf(name);
    const label = row ? `${form.rowTitle(row.row, row.index)}: ${labelOf(form, name)}` : labelOf(form, name);
    lines.push({ name, label, value: row ? text : valueOf(form, name, text, response) });
  }
  return lines;
}

/** The inputs and the address of the simulation, for the printout. */
export function fillPrint(result, lines, href) {
  const list = result.querySelector('[data-kmo-out="inputs"]');
  if (list) {
    list.replaceChildren(...lines.map(({ label, value }) => {
      const wrap = document.createElement("div");
      const dt = document.createElement("dt");
      const dd = document.createElement("dd");
      dt.textContent = label;
      dd.textContent = value;
      wrap.append(dt, dd);
      return wrap;
    }));
  }
  const url = result.querySelector('[data-kmo-out="printed-url"]');
  if (url) url.textContent = `Deze simulatie online: ${href}`;
}

/** The contact page's address with the simulation as plain text (?simulatie=…). */
export function adviceHref(base, lines, response, href) {
  const parts = ["Simulatie kmo-portefeuille"];
  for (const name of ADVICE_FIELDS) {
    const line = lines.find((l) => l.name === name);
    if (line) parts.push(`${line.label}: ${line.value}`);
  }
  if (response && response.ok === true) {
    const display = response.display || {};
    parts.push(`Grootte: ${display.size}`);
    parts.push(`Steun: ${display.support} (${display.rate_line})`);
    parts.push(`Eigen deel: ${display.own_share}`);
    if (response.answer && response.answer.headline) parts.push(String(response.answer.headline));
  } else {
    parts.push("De simulatie is nog niet volledig ingevuld.");
  }
  parts.push(`Link: ${href}`);
  const url = new URL(base, href);
  url.searchParams.set("simulatie", parts.join("\n"));
  return url.href;
}
