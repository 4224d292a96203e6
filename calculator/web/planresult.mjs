// The answer to a year plan in #kmo-result, after its headline: a table with one line per service in
// the order of application (response.order), the totals, what is left of the cap per calendar year
// (response.years), under "Wat moet je nu doen" each service's own steps and dates (visible, and
// printed), and in "Details en bronnen" each service's reasons. Every
// amount, percentage and date comes formatted from the rules package (display fields); the service
// and theme are shown by the labels of the form's own choices. All of it is set as text.

import { listItems, out, shown, stepText, traced } from "./dom.mjs";
import { planName } from "./fields.mjs";

// The rule trace's groups shown once for the plan (the size) or as "what to do now" (the deadlines).
const SHOWN_ELSEWHERE = new Set(["grootte", "termijn"]);
const NO_SUPPORT = "Geen steun";

const list = (value) => (Array.isArray(value) ? value : []);

function cell(row, label, text, tag = "td") {
  const element = document.createElement(tag);
  element.setAttribute("role", tag === "th" ? "rowheader" : "cell");
  if (tag === "th") element.scope = "row";
  element.dataset.label = label;
  element.textContent = shown(text);
  row.append(element);
  return element;
}

function tableRow(body, cells) {
  const row = document.createElement("tr");
  row.setAttribute("role", "row");
  for (const [label, text, tag] of cells) cell(row, label, text, tag);
  body.append(row);
  return row;
}

/** "Advies – Cybersecurity": the service and theme of a row, by the labels the form shows. */
function what(form, index, service) {
  const kind = form.choiceText(planName("service", index), service.service);
  const theme = form.choiceText(planName("theme", index), service.theme);
  return [kind, theme].filter(Boolean).join(" – ");
}

/** The plan's table, years and per-service details (the caller has shown the headline). */
export function showPlan(result, response, form) {
  const services = list(response.services);
  const order = list(response.order).filter((index) => services[index]);
  const display = response.display || {};

  const rows = out(result, "plan-rows");
  rows.replaceChildren();
  for (const index of order) {
    const service = services[index];
    const shownRow = service.display || {};
    const line = tableRow(rows, [
      ["Datum", shownRow.date, "th"],
      ["Dienst", `Dienst ${index + 1}: ${what(form, index, service)}`],
      ["Steunpercentage", service.eligible ? shownRow.rate_line : NO_SUPPORT],
      ["Steun", shownRow.support],
      ["Eigen deel", shownRow.own_share],
    ]);
    line.classList.toggle("kmo-plan__no", !service.eligible);
  }
  out(result, "plan-support").textContent = shown(display.total_support);
  out(result, "plan-own-share").textContent = shown(display.total_own_share);

  const years = out(result, "plan-years");
  years.replaceChildren();
  for (const year of list(response.years)) {
    const money = year.display || {};
    tableRow(years, [
      ["Jaar", String(year.year ?? ""), "th"],
      ["Jaarplafond", money.cap],
      ["Al ontvangen", money.received],
      ["Steun in je plan", money.support],
      ["Nog over", money.remaining],
    ]);
  }

  out(result, "plan-steps").replaceChildren(...order.map((index) => serviceSteps(form, index, services[index])));
  out(result, "plan-details").replaceChildren(...order.map((index) => serviceDetails(index, services[index])));
}

/** "Dienst 2, 5 januari 2027": a service's heading (its date from the rules). */
function titled(section, text) {
  const title = document.createElement("h4");
  title.textContent = text;
  section.append(title);
}

/** One service under "Wat moet je nu doen": apply by, pay the own share by, finish by. */
function serviceSteps(form, index, service) {
  const section = document.createElement("section");
  section.className = "kmo-plan__steps-service";
  titled(section, `Dienst ${index + 1}, ${shown(service.display && service.display.date)}: ${what(form, index, service)}`);
  section.append(listOf(list(service.answer && service.answer.next), stepText));
  return section;
}

/** One service in the details: its title, its own answer and how it was computed. */
function serviceDetails(index, service) {
  const section = document.createElement("section");
  section.className = "kmo-plan__service";
  titled(section, `Dienst ${index + 1}, ${shown(service.display && service.display.date)}`);
  const headline = document.createElement("p");
  headline.textContent = String((service.answer && service.answer.headline) || "");
  const reasons = list(service.reasons).filter((reason) => !SHOWN_ELSEWHERE.has(reason.group));
  section.append(headline, listOf(reasons, traced));
  return section;
}

function listOf(items, render) {
  const ul = document.createElement("ul");
  ul.className = "kmo-list";
  listItems(ul, items, render);
  return ul;
}
