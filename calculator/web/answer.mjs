// A computed answer in #kmo-result, the answer first: the headline (verdict and amounts, or the one
// reason that decides a "no"), why, what to do now, what was assumed, then the closed "Details en
// bronnen" with the figures and the full rule trace. Every text comes from the rules package
// (response.answer, response.display, response.reasons, response.deadlines); nothing is decided or
// formatted here, and all of it is set as text.

import { datedText, listItems, out, shown, stepText, traced } from "./dom.mjs";
import { showPlan } from "./planresult.mjs";
import { setState } from "./render.mjs";

// Reason groups (response.reasons[].group) in the rule trace: the size, the deadlines (shown from
// response.deadlines), and every other group.
const SIZE_GROUP = "grootte";
const DEADLINE_GROUP = "termijn";

function fill(result, name, items, render) {
  listItems(out(result, name), items, render);
  result.querySelector(`[data-kmo-block="${name}"]`).hidden = items.length === 0;
}

/** A line of the answer that is there only sometimes (hidden without text). */
function line(result, name, text) {
  const element = out(result, name);
  element.textContent = String(text || "");
  element.hidden = !text;
}

function plain(li, text) {
  li.textContent = String(text ?? "");
}

const list = (value) => (Array.isArray(value) ? value : []);

/** A single request's answer, or a year plan's (response.services): then its table replaces the
 * figures, why and the trace of one service (planresult.mjs). */
export function showAnswer(result, response, form) {
  setState(result, "ready", "ready");
  const plan = Array.isArray(response.services);
  const data = result.dataset;
  data.ok = "true";
  delete data.errors;
  data.size = String(response.size ?? "");
  data.eligible = response.eligible ? "true" : "false";
  data.ratePercent = plan ? "" : String(response.rate_percent ?? "");
  data.support = String((plan ? response.total_support : response.support) ?? "");

  const answer = response.answer || {};
  const headline = out(result, "headline");
  headline.textContent = String(answer.headline || "");
  headline.classList.toggle("kmo-answer--yes", !!response.eligible);
  headline.classList.toggle("kmo-answer--no", !response.eligible);
  line(result, "received-line", answer.received_line);
  line(result, "new-year-line", answer.new_year && answer.new_year.line);
  fill(result, "why", plan ? [] : list(answer.why), plain);
  // What to do now stays (the provider number is in it); a plan lists each service's own steps.
  const steps = list(answer.next);
  listItems(out(result, "next"), steps, stepText);
  out(result, "next").hidden = steps.length === 0;
  out(result, "assumed").textContent = String(answer.assumed_line || "");
  result.querySelector('[data-kmo-block="assumed"]').hidden = !answer.assumed_line;

  const display = response.display || {};
  out(result, "size").textContent = shown(display.size);
  out(result, "rate").textContent = shown(display.rate_line);
  for (const name of ["support", "own_share", "cap_remaining"]) out(result, name).textContent = shown(display[name]);
  for (const single of result.querySelectorAll("[data-kmo-single]")) single.hidden = plan;
  result.querySelector("[data-kmo-plan]").hidden = !plan;

  const reasons = list(response.reasons);
  const other = reasons.filter((reason) => reason.group !== SIZE_GROUP && reason.group !== DEADLINE_GROUP);
  fill(result, "size-reasons", plan ? list(response.size_reasons) : reasons.filter((reason) => reason.group === SIZE_GROUP), traced);
  // What stands in the way first, then the rest.
  fill(result, "reasons", other.filter((reason) => reason.blocking).concat(other.filter((reason) => !reason.blocking)), traced);
  fill(result, "deadlines", list(response.deadlines), datedText);
  if (plan) showPlan(result, response, form);
  else for (const name of ["plan-details", "plan-steps"]) out(result, name).replaceChildren();
}
