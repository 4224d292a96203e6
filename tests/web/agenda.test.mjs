// The agenda button's logic: which answers have dated steps (the button is hidden without), the
// hand-off's lines with the same dates, the download as a text/calendar Blob with its name, and the
// runtime's calendar call to the worker.
import assert from "node:assert/strict";
import test from "node:test";

import { FILE_NAME, MIME_TYPE, datedSteps, deadlineLines, download } from "../../calculator/web/agenda.mjs";
import { createRuntime } from "../../calculator/web/runtime.mjs";
import { manualTimers } from "./timers.mjs";

const APPLY = { date: null, date_display: null, message: "Dien je aanvraag online in, …", code: "aanvraag" };
const PAY = { date: "2026-04-01", date_display: "1 april 2026", message: "Stort je eigen bijdrage …", code: "eigen_bijdrage" };
const FINISH = { date: "2027-12-31", date_display: "31 december 2027", message: "Rond de dienst af …", code: "afronding" };
// A reached cap: the date of the new one.
const NEW_CAP = { date: "2027-01-01", date_display: "1 januari 2027", message: "Op 1 januari 2027 begint een nieuw jaarplafond.", code: "nieuw_plafond" };

const single = (next) => ({ ok: true, answer: { next } });

test("a single request's dated steps, without the undated one", () => {
  assert.deepEqual(datedSteps(single([APPLY, PAY, FINISH])), [
    { service: null, step: PAY },
    { service: null, step: FINISH },
  ]);
});

test("no dated step: none (the button stays hidden)", () => {
  assert.deepEqual(datedSteps(single([APPLY])), []);
  assert.deepEqual(datedSteps(single([{ ...APPLY, code: undefined }])), []);
  assert.deepEqual(datedSteps({ ok: false, errors: [] }), []);
  assert.deepEqual(datedSteps(null), []);
});

test("a plan's steps per service, by the service's place in the plan", () => {
  const plan = { ok: true, answer: { next: [] }, services: [single([APPLY, PAY, FINISH]), single([NEW_CAP]), single([PAY])] };
  assert.deepEqual(datedSteps(plan).map(({ service, step }) => [service, step.date]), [
    [0, "2026-04-01"],
    [0, "2027-12-31"],
    [1, "2027-01-01"],
    [2, "2026-04-01"],
  ]);
  assert.deepEqual(deadlineLines(plan), [
    "Dienst 1: eigen bijdrage storten uiterlijk 1 april 2026, afronden en opdracht tot betaling geven uiterlijk 31 december 2027",
    "Dienst 2: Op 1 januari 2027 begint een nieuw jaarplafond.",
    "Dienst 3: eigen bijdrage storten uiterlijk 1 april 2026",
  ]);
});

test("the hand-off line of a single request", () => {
  assert.deepEqual(deadlineLines(single([APPLY, PAY, FINISH])), [
    "Termijnen: eigen bijdrage storten uiterlijk 1 april 2026, afronden en opdracht tot betaling geven uiterlijk 31 december 2027",
  ]);
  assert.deepEqual(deadlineLines(single([APPLY])), []);
});

test("the download: a text/calendar Blob behind a link named kmo-portefeuille-termijnen.ics, clicked", async () => {
  const made = [];
  const doc = {
    body: { append: (link) => made.push(link) },
    createElement: () => ({ clicked: 0, removed: false, click() { this.clicked += 1; }, remove() { this.removed = true; } }),
  };
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  const blobs = [];
  const revoked = [];
  URL.createObjectURL = (blob) => (blobs.push(blob), "blob:test/1");
  URL.revokeObjectURL = (url) => revoked.push(url);
  try {
    download("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", doc, (fn) => fn());
  } finally {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  }
  const [link] = made;
  assert.equal(link.download, FILE_NAME);
  assert.equal(FILE_NAME, "kmo-portefeuille-termijnen.ics");
  assert.equal(link.href, "blob:test/1");
  assert.deepEqual([link.clicked, link.removed], [1, true]);
  assert.equal(blobs[0].type, MIME_TYPE);
  assert.equal(MIME_TYPE, "text/calendar");
  assert.equal(await blobs[0].text(), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  assert.deepEqual(revoked, ["blob:test/1"]);
});

test("the runtime asks the worker for the calendar by id, beside the answers", async () => {
  const sent = [];
  const worker = Object.assign(new EventTarget(), { postMessage: (data) => sent.push(data), terminate() {} });
  const rt = createRuntime({ worker, timers: manualTimers(), stallMs: 1000 });
  const say = (data) => worker.dispatchEvent(new MessageEvent("message", { data }));
  say({ type: "ready", ms: 1 });
  const text = rt.calendar({ cost: "1" }, "http://127.0.0.1/rekenhulp/?cost=1");
  const none = rt.calendar({ cost: "" }, "http://127.0.0.1/rekenhulp/");
  const answer = rt.call({ cost: "2" });
  assert.deepEqual(sent[0], { id: sent[0].id, kind: "calendar", request: '{"cost":"1"}', address: "http://127.0.0.1/rekenhulp/?cost=1" });
  assert.equal(sent[2].kind, undefined, "an answer is asked for as before");
  say({ id: sent[2].id, response: '{"support":"2"}' });
  say({ id: sent[1].id, calendar: null });
  say({ id: sent[0].id, calendar: "BEGIN:VCALENDAR\r\n" });
  assert.equal(await text, "BEGIN:VCALENDAR\r\n");
  assert.equal(await none, null);
  assert.deepEqual(await answer, { support: "2" });
});
