// What the visitor entered, in words: the list in the printout, and the message the contact page
// gets from "Vraag ECX een offerte". Values are shown as typed, choices by their label,
// the date as the rules package wrote it (response.display.date, a plan's per service) once there
// is an answer. A year plan lists every service.

import { deadlineLines } from "./agenda.mjs";
import { PLAN, PLAN_PARTS, assumedAnswer, planRowOf, rowCounts, rowOf } from "./fields.mjs";

// The lines the contact message repeats, besides the answer (and every service of a plan).
const ADVICE_FIELDS = ["service", "theme", "cost", "date", "received"];

function labelOf(form, name) {
  const element = form.focusTarget(name);
  const box = element && element.parentElement && element.parentElement.closest("[data-kmo-short]");
  if (box) return box.dataset.kmoShort;
  const label = element && element.labels && element.labels[0];
  return label ? label.textContent.trim() : name;
}

/** The service of a plan a field belongs to ({index, part}), or null (not a plan, or another field). */
function serviceOf(name, plan) {
  const row = planRowOf(name);
  if (row) return row;
  return plan && PLAN_PARTS.includes(name) ? { index: 0, part: name } : null;
}

function valueOf(form, name, text, response, service) {
  const answer = service && response && response.ok === true ? (response.services || [])[service.index] : response;
  const part = service ? service.part : name;
  if (part === "date" && answer && response.ok === true && answer.display) return String(answer.display.date);
  return form.choiceText(name, text);
}

/** [{name, label, value, service}] for every answer of the state that is not empty or assumed; in a
 * plan each service's fields are titled "Dienst 2: Prijs zonder btw". */
export function inputLines(form, state, response) {
  const lines = [];
  const plan = (rowCounts((state || new Map()).keys())[PLAN] || 1) > 1;
  for (const [name, text] of state || []) {
    if (text === "" || assumedAnswer(name, text)) continue;
    const service = serviceOf(name, plan);
    const row = service ? null : rowOf(name);
    if (service) {
      const label = `${form.rowTitle(PLAN, service.index)}: ${form.partLabel(PLAN, service.part)}`;
      lines.push({ name, label, value: valueOf(form, name, text, response, service), service: true });
    } else if (row) {
      lines.push({ name, label: `${form.rowTitle(row.row, row.index)}: ${labelOf(form, name)}`, value: text });
    } else {
      lines.push({ name, label: labelOf(form, name), value: valueOf(form, name, text, response, null) });
    }
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
  for (const line of lines) {
    if (line.service || ADVICE_FIELDS.includes(line.name)) parts.push(`${line.label}: ${line.value}`);
  }
  if (response && response.ok === true) {
    const display = response.display || {};
    parts.push(`Grootte: ${display.size}`);
    if (Array.isArray(response.services)) {
      response.services.forEach((service, index) => {
        const shown = service.display || {};
        parts.push(`Dienst ${index + 1}: steun ${shown.support} (${shown.rate_line}), eigen deel ${shown.own_share}`);
      });
      parts.push(`Steun in totaal: ${display.total_support}`);
      parts.push(`Eigen deel in totaal: ${display.total_own_share}`);
    } else {
      parts.push(`Steun: ${display.support} (${display.rate_line})`);
      parts.push(`Eigen deel: ${display.own_share}`);
    }
    if (response.answer && response.answer.headline) parts.push(String(response.answer.headline));
    parts.push(...deadlineLines(response)); // the dates of the calendar file
  } else {
    parts.push("De simulatie is nog niet volledig ingevuld.");
  }
  parts.push(`Link: ${href}`);
  const url = new URL(base, href);
  url.searchParams.set("simulatie", parts.join("\n"));
  return url.href;
}
