// The browser modules of issue 19 that run without a page: the year the received question names,
// the link's values without what the visitor changed, what the bar says, and the loading text once
// every byte is in.
import assert from "node:assert/strict";
import test from "node:test";

import { barText } from "../../calculator/web/bar.mjs";
import { createDownloads } from "../../calculator/web/downloads.mjs";
import { requestFrom, stateFromQuery } from "../../calculator/web/fields.mjs";
import { editedNames, linkState, today } from "../../calculator/web/link.mjs";
import { showProgress, STARTING } from "../../calculator/web/loading.mjs";
import { questionYear, yearLabel } from "../../calculator/web/received.mjs";
import { firstDoubt } from "../../calculator/web/warnings.mjs";

test("the received question names the year answered for, else the earliest application date's", () => {
  assert.equal(questionYear("", ["2027-01-05"]), "2027");
  assert.equal(questionYear("", ["2027-01-05", "2026-11-02", ""]), "2026", "a plan: the earliest row");
  assert.equal(questionYear("2026", ["2027-01-05"]), "2026", "the year the visitor answered for stays");
  assert.equal(questionYear("", ["", "not a date"]), "");
  assert.equal(yearLabel("Hoeveel steun kreeg je al in {jaar}?", "2026"), "Hoeveel steun kreeg je al in 2026?");
  assert.equal(yearLabel("Hoeveel steun kreeg je al in {jaar}?", ""), null);
});

test("the request and the link carry received_year, the request as a number", () => {
  const state = stateFromQuery(new URLSearchParams("service=advies&received=5000&received_year=2026"));
  assert.equal(state.get("received_year"), "2026");
  const request = requestFrom(state);
  assert.equal(request.received_year, 2026);
  assert.equal(request.received, "5000");
});

test("no size is chosen by default: a request without one leaves the company empty", () => {
  const request = requestFrom(stateFromQuery(new URLSearchParams("service=advies&theme=cybersecurity&cost=12000")));
  assert.deepEqual(request.company, {});
});

test("the link's values leave out every field the visitor changed", () => {
  const state = linkState("?service=advies&theme=cybersecurity&cost=12000", new Set(["service", "theme"]));
  assert.equal(state.has("service"), false);
  assert.equal(state.has("theme"), false);
  assert.equal(state.get("cost"), "12000");
  assert.deepEqual([...editedNames({})], [], "nothing changed before the first input event");
  assert.deepEqual([...editedNames({ kmoEdited: new Set(["cost"]) })], ["cost"]);
  assert.equal(today(new Date(2026, 11, 4)), "2026-12-04");
});

const doubtful = {
  ok: true,
  eligible: false,
  answer: { headline: "Geen steun: een advies moet minstens € 500 kosten, zonder btw." },
  warnings: [{ field: "cost", message: "We lezen € 12,00. Bedoel je € 1.200?", read: "12.00", suggestion: "1200" }],
};

test("while an amount is doubtful the bar asks, and gives no verdict", () => {
  assert.equal(barText(doubtful), "We lezen € 12,00. Bedoel je € 1.200?");
  assert.equal(firstDoubt(doubtful).suggestion, "1200");
  assert.equal(firstDoubt({ ...doubtful, warnings: [] }), null);
  assert.equal(barText({ ...doubtful, warnings: [] }), doubtful.answer.headline, "the answer's own words and amounts");
});

test("without a size the bar gives the amount per size, never one size's", () => {
  const headline = "Als kleine onderneming krijg je € 5.400 steun, als middelgrote € 4.200.";
  assert.equal(barText({ ok: false, errors: [{ field: "company" }], by_size: { headline, sizes: [] } }), headline);
  assert.equal(barText({ ok: false, errors: [{ field: "cost" }] }), "Vul je gegevens aan");
});

/** A #kmo-result with the loading part's outputs, as plain objects. */
function loadingResult() {
  const parts = {
    "loading-label": { textContent: "Rekenhulp wordt geladen…" },
    progress: { value: 0, max: 0, removeAttribute(name) { delete this[name]; } },
    "loading-bytes": { textContent: "" },
    "loading-status": { textContent: "" },
  };
  return { parts, querySelector: (selector) => parts[/data-kmo-out="([\w-]+)"/.exec(selector)[1]] };
}

test("once every byte is in, the loading text says the calculator starts and the bar does not stand still", () => {
  const result = loadingResult();
  showProgress(result, { received: 750, total: 1000, done: false });
  assert.equal(result.parts["loading-status"].textContent, "Rekenhulp voor 75% geladen.");
  assert.equal(result.parts.progress.value, 750);
  showProgress(result, { received: 1000, total: 1000, done: true });
  assert.equal(result.parts["loading-label"].textContent, STARTING);
  assert.equal(result.parts["loading-status"].textContent, STARTING);
  assert.equal("value" in result.parts.progress, false, "indeterminate: it moves on its own");
  assert.equal(STARTING, "De rekenhulp start…");
});

test("the runtime's files are fetched at low priority, after the page's own", async () => {
  const asked = [];
  const downloads = createDownloads({
    sizes: {},
    report: () => {},
    fetcher: async (url, init) => {
      asked.push(init.priority);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
  });
  await downloads.download("pyodide-lock.json", "https://example.invalid/pyodide-lock.json");
  assert.deepEqual(asked, ["low"]);
});
