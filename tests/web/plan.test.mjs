// The services of a year plan in the field table: URL keys date_2, cost_2, … (row 1 keeps date,
// cost, …), the request as a plan from two rows on, and errors of services[i] at their fields.
import assert from "node:assert/strict";
import test from "node:test";

import { MAX_ROWS, fieldOfError, planName, planRowOf, queryFrom, requestFrom, rowCounts, stateFromQuery } from "../../calculator/web/fields.mjs";

const PLAN_URL =
  "service=advies&theme=cybersecurity&cost=10000&date=2026-11-02" +
  "&service_2=opleiding&theme_2=innovatie&cost_2=8.000&date_2=2027-01-10" +
  "&service_3=advies&theme_3=cybersecurity&cost_3=6000&date_3=2026-03-02&size=klein&received=500";

test("a URL with rows 2.. gives a plan: services in the order given, company and received once", () => {
  const state = stateFromQuery(new URLSearchParams(PLAN_URL));
  assert.equal(rowCounts(state.keys()).service, 3);
  assert.equal(state.get("cost_2"), "8.000");
  assert.deepEqual(requestFrom(state), {
    company: { size: "klein" },
    checklist: {},
    received: "500",
    services: [
      { service: "advies", theme: "cybersecurity", cost: "10000", date: "2026-11-02" },
      { service: "opleiding", theme: "innovatie", cost: "8.000", date: "2027-01-10" },
      { service: "advies", theme: "cybersecurity", cost: "6000", date: "2026-03-02" },
    ],
  });
  // No top-level service fields in a plan.
  for (const key of ["date", "service", "theme", "cost"]) assert.equal(key in requestFrom(state), false);
});

test("state -> URL -> state keeps every row; the URL keys are row 1's and date_2, …", () => {
  const state = stateFromQuery(new URLSearchParams(PLAN_URL));
  const query = queryFrom(state);
  assert.deepEqual(new URLSearchParams(query).getAll("cost_3"), ["6000"]);
  assert.equal(queryFrom(stateFromQuery(new URLSearchParams(query))), query);
  assert.match(query, /^service=advies&theme=cybersecurity&cost=10000&date=2026-11-02&service_2=/);
});

test("one row is a single request, as before; an empty row 2 still makes a plan", () => {
  const single = stateFromQuery(new URLSearchParams("service=advies&theme=cybersecurity&cost=100&size=klein"));
  assert.equal(rowCounts(single.keys()).service, undefined);
  assert.deepEqual(requestFrom(single), { company: { size: "klein" }, checklist: {}, service: "advies", theme: "cybersecurity", cost: "100" });
  assert.equal(queryFrom(single), "service=advies&theme=cybersecurity&cost=100&size=klein");
  const empty = new Map([...single, ["service_2", ""], ["cost_2", ""]]);
  assert.deepEqual(requestFrom(empty).services, [{ service: "advies", theme: "cybersecurity", cost: "100" }, {}]);
  assert.equal(new URLSearchParams(queryFrom(empty)).get("service_2"), "");
});

test("row names: suffixes 2 to 20 only, as the form writes them", () => {
  assert.equal(planName("cost", 0), "cost");
  assert.equal(planName("cost", 2), "cost_3");
  assert.deepEqual(planRowOf("theme_20"), { part: "theme", index: 19 });
  for (const name of ["cost_1", "cost_21", "cost_02", "cost", "fee_2"]) assert.equal(planRowOf(name), null, name);
  const state = stateFromQuery(new URLSearchParams("cost=1&cost_21=5&cost_02=3&cost_20=7"));
  assert.equal(rowCounts(state.keys()).service, MAX_ROWS);
  assert.equal(state.has("cost_21"), false);
  assert.equal(requestFrom(state).services.length, MAX_ROWS);
});

test("errors and warnings of a row go to its field", () => {
  const cases = {
    "services[2].cost": "cost_3", "services[1].date": "date_2", "services[0].theme": "theme",
    "services.3.service": "service_4", "services[20].cost": null, "services[1].colour": null,
    services: null, cost: "cost", "company.partners.0.share": "partner_share_0",
  };
  for (const [path, name] of Object.entries(cases)) assert.equal(fieldOfError(path), name, path);
});
