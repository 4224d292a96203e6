// The field map (calculator/web/fields.mjs): one table drives the request, the URL and the restore.
// Run with `node --test tests/web/`.

import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_ROWS, fieldOfError, queryFrom, readState, requestFrom, rowCounts, stateFromQuery } from "../../calculator/web/fields.mjs";

const figures = new Map([
  ["service", "opleiding"],
  ["theme", "innovatie"],
  ["cost", "7.500,50"],
  ["date", "2026-05-04"],
  ["company", "figures"],
  ["fte", "12,5"],
  ["turnover", "€ 1.500.000"],
  ["balance_sheet_total", ""],
  ["prev_fte", "11"],
  ["prev_turnover", ""],
  ["prev_balance_sheet_total", ""],
  ["partner_share_0", "30"],
  ["partner_fte_0", "4"],
  ["partner_turnover_0", ""],
  ["partner_balance_sheet_total_0", ""],
  ["partner_share_1", ""],
  ["partner_fte_1", ""],
  ["partner_turnover_1", ""],
  ["partner_balance_sheet_total_1", ""],
  ["linked_share_0", "60"],
  ["linked_fte_0", ""],
  ["linked_turnover_0", "100.000"],
  ["linked_balance_sheet_total_0", ""],
  ["legal_form", "ja"],
  ["flanders", "nee"],
  ["main_activity", "ja"],
  ["public_share", ""],
  ["maatwerkbedrijf", "nee"],
  ["received", ""],
]);

test("the request holds every answer as typed, in the paths of the JSON contract", () => {
  assert.deepEqual(requestFrom(figures), {
    company: {
      fte: "12,5",
      turnover: "€ 1.500.000",
      previous: { fte: "11" },
      partners: [{ share: "30", fte: "4" }, {}],
      linked: [{ share: "60", turnover: "100.000" }],
    },
    checklist: { flanders: false },
    service: "opleiding",
    theme: "innovatie",
    cost: "7.500,50",
    date: "2026-05-04",
  });
});

test("a known size sends the size and leaves the figures out", () => {
  const state = new Map([["company", "size"], ["size", "middelgroot"], ["public_share", "10"], ["cost", "1000"]]);
  assert.deepEqual(requestFrom(state), { company: { size: "middelgroot", public_share: "10" }, checklist: {}, cost: "1000" });
});

test("the form's state is read for the fields in use only", () => {
  const values = { company: "size", size: "klein", fte: "99", partner_share_0: "30", cost: "500" };
  const state = readState((name) => values[name] ?? "", { partner: 1 });
  assert.equal(state.get("size"), "klein");
  assert.equal(state.has("fte"), false);
  assert.equal(state.has("partner_share_0"), false);
  assert.equal(state.get("cost"), "500");
  const asFigures = readState((name) => ({ ...values, company: "figures" })[name] ?? "", { partner: 1 });
  assert.equal(asFigures.get("fte"), "99");
  assert.equal(asFigures.get("partner_share_0"), "30");
  assert.equal(asFigures.has("size"), false);
});

test("the URL leaves out what is empty or as the form starts, but keeps empty rows", () => {
  const params = new URLSearchParams(queryFrom(figures));
  assert.equal(params.get("company"), "figures");
  assert.equal(params.get("flanders"), "nee");
  assert.equal(params.has("legal_form"), false);
  assert.equal(params.has("balance_sheet_total"), false);
  assert.equal(params.get("partner_share_1"), "");
  assert.equal(params.has("partner_fte_1"), false);
  assert.equal(params.get("turnover"), "€ 1.500.000");
  const sized = new URLSearchParams(queryFrom(new Map([["company", "size"], ["size", "klein"], ["legal_form", "ja"]])));
  assert.deepEqual([...sized], [["size", "klein"]]);
});

test("state -> URL -> state gives back every answer that was not empty or a default", () => {
  const back = stateFromQuery(new URLSearchParams(queryFrom(figures)));
  const defaults = { legal_form: "ja", flanders: "ja", main_activity: "ja", maatwerkbedrijf: "nee" };
  const kept = [...figures].filter(([name, text]) => text !== "" && defaults[name] !== text);
  assert.deepEqual([...back].filter(([, text]) => text !== ""), kept);
  // The empty row is restored as a row.
  assert.deepEqual(rowCounts(back.keys()), { partner: 2, linked: 1 });
  assert.deepEqual(requestFrom(new Map([...back, ["legal_form", "ja"], ["main_activity", "ja"]])), requestFrom(figures));
  assert.equal(queryFrom(back), queryFrom(figures));
});

test("restoring: unknown keys are ignored, figures imply the figures mode, rows are capped", () => {
  const state = stateFromQuery(new URLSearchParams("fte=3&colour=blue&__proto__=x&partner_fte_99=1&linked_share_2=60"));
  assert.equal(state.get("company"), "figures");
  assert.equal(state.get("fte"), "3");
  assert.equal(state.has("colour"), false);
  assert.equal(state.has("__proto__"), false);
  assert.deepEqual(rowCounts(state.keys()), { partner: 0, linked: 3 });
  assert.equal(state.get("linked_share_2"), "60");
  assert.equal(rowCounts(["partner_share_" + (MAX_ROWS - 1)]).partner, MAX_ROWS);
  assert.equal(rowCounts(["partner_share_07"]).partner, 0);
  // A size in the URL wins over figures without an explicit mode; the figures are kept, not sent.
  const sized = stateFromQuery(new URLSearchParams("size=klein&fte=3"));
  assert.equal(sized.get("company"), "size");
  assert.equal(sized.get("fte"), "3");
  assert.deepEqual(requestFrom(sized).company, { size: "klein" });
  assert.equal(queryFrom(sized), "size=klein");
});

test("kmo_* tuning parameters stay out of the state and the request, and stay in the URL", () => {
  const params = new URLSearchParams("kmo_stall=3000&cost=100");
  const state = stateFromQuery(params);
  assert.equal([...state.keys()].some((key) => key.startsWith("kmo_")), false);
  assert.equal(JSON.stringify(requestFrom(state)).includes("kmo_"), false);
  assert.equal(queryFrom(state, params), "kmo_stall=3000&cost=100");
  assert.equal(queryFrom(state, new URLSearchParams("other=1")), "cost=100");
});

test("each error of the response points at the field that shows it", () => {
  assert.equal(fieldOfError("cost"), "cost");
  assert.equal(fieldOfError("company.fte"), "fte");
  assert.equal(fieldOfError("company.previous.turnover"), "prev_turnover");
  assert.equal(fieldOfError("company.partners.0.share"), "partner_share_0");
  assert.equal(fieldOfError("company.linked.12.balance_sheet_total"), "linked_balance_sheet_total_12");
  assert.equal(fieldOfError("checklist.flanders"), "flanders");
  assert.equal(fieldOfError("company.public_share"), "public_share");
  // The company as a whole (figures chosen, none filled in): its first figure.
  assert.equal(fieldOfError("company"), "fte");
  assert.equal(fieldOfError("request"), null);
  assert.equal(fieldOfError(""), null);
});

test("a maatwerkbedrijf is sent as company.maatwerkbedrijf, and its default 'nee' stays out of the URL", () => {
  const yes = new Map([["company", "size"], ["size", "middelgroot"], ["maatwerkbedrijf", "ja"]]);
  assert.deepEqual(requestFrom(yes).company, { size: "middelgroot", maatwerkbedrijf: true });
  assert.equal(new URLSearchParams(queryFrom(yes)).get("maatwerkbedrijf"), "ja");
  const no = new Map([...yes, ["maatwerkbedrijf", "nee"]]);
  assert.equal(new URLSearchParams(queryFrom(no)).has("maatwerkbedrijf"), false);
  assert.equal(stateFromQuery(new URLSearchParams(queryFrom(yes))).get("maatwerkbedrijf"), "ja");
});

test("yes/no answers at their default and an empty public share stay out of the request: the rules assume them", () => {
  const untouched = new Map([
    ["service", "advies"], ["theme", "cybersecurity"], ["cost", "12000"], ["date", ""],
    ["company", "size"], ["size", "klein"],
    ["legal_form", "ja"], ["flanders", "ja"], ["main_activity", "ja"], ["public_share", ""], ["maatwerkbedrijf", "nee"],
    ["received", ""],
  ]);
  assert.deepEqual(requestFrom(untouched), {
    company: { size: "klein" }, checklist: {}, service: "advies", theme: "cybersecurity", cost: "12000",
  });
  // An answer the visitor changed is sent, also a "ja" back after a "nee" is not: it is the default again.
  const changed = new Map([...untouched, ["main_activity", "nee"], ["public_share", "0"], ["maatwerkbedrijf", "ja"]]);
  assert.deepEqual(requestFrom(changed).checklist, { main_activity: false });
  assert.deepEqual(requestFrom(changed).company, { size: "klein", public_share: "0", maatwerkbedrijf: true });
  // The URL leaves out the same defaults, so a shared link gives the same request.
  assert.deepEqual(requestFrom(stateFromQuery(new URLSearchParams(queryFrom(changed)))), requestFrom(changed));
  assert.deepEqual(requestFrom(stateFromQuery(new URLSearchParams(queryFrom(untouched)))), requestFrom(untouched));
});
