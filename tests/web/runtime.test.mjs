// The calculator's runtime client (calculator/web/runtime.mjs) against a stand-in worker.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRuntime, stallFrom, STALL_MS, START_FACTOR } from "../../calculator/web/runtime.mjs";
import { manualTimers } from "./timers.mjs";

class FakeWorker extends EventTarget {
  constructor() {
    super();
    this.sent = [];
    this.terminated = false;
  }
  postMessage(data) {
    this.sent.push(data);
  }
  terminate() {
    this.terminated = true;
  }
  say(data) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
}

function setUp(options = {}) {
  const worker = new FakeWorker();
  const timers = manualTimers();
  const rt = createRuntime({ worker, timers, stallMs: 1000, ...options });
  const seen = [];
  rt.subscribe((runtime) => seen.push(runtime.status));
  return { worker, timers, rt, seen };
}

const settled = (promise) => Promise.race([promise.then(() => "resolved", () => "rejected"), new Promise((r) => setImmediate(() => r("pending")))]);

test("a slow download that keeps bringing bytes never stalls", async () => {
  const { worker, timers, rt, seen } = setUp();
  for (let received = 1; received <= 20; received++) {
    timers.advance(900);
    worker.say({ type: "progress", received: received * 1000, total: 20_000 });
  }
  assert.equal(rt.status, "loading");
  assert.deepEqual(rt.progress, { received: 20_000, total: 20_000, done: false });
  worker.say({ type: "ready", ms: 18_000 });
  assert.equal(rt.status, "ready");
  assert.equal(rt.loadMs, 18_000);
  assert.equal(await settled(rt.ready), "resolved");
  assert.ok(!seen.includes("stalled"));
});

test("no byte for the bound: stalled once, the worker kept, and a late start still comes up", async () => {
  const { worker, timers, rt, seen } = setUp();
  worker.say({ type: "progress", received: 500, total: 20_000 });
  timers.advance(999);
  assert.equal(rt.status, "loading");
  timers.advance(1);
  assert.equal(rt.status, "stalled");
  timers.advance(10_000);
  worker.say({ type: "progress", received: 900, total: 20_000 });
  assert.equal(seen.filter((status) => status === "stalled").length, 1, "the stall is told once");
  assert.equal(worker.terminated, false);
  assert.equal(await settled(rt.ready), "pending");
  worker.say({ type: "ready", ms: 1 });
  assert.equal(rt.status, "ready");
  assert.equal(await settled(rt.ready), "resolved");
});

test("a silent worker stalls; after the last byte the bound is longer", () => {
  const silent = setUp();
  silent.timers.advance(1000);
  assert.equal(silent.rt.status, "stalled");

  const { worker, timers, rt } = setUp();
  worker.say({ type: "progress", received: 20_000, total: 20_000, done: true });
  timers.advance(START_FACTOR * 1000 - 1);
  assert.equal(rt.status, "loading", "the interpreter gets time to start");
  timers.advance(1);
  assert.equal(rt.status, "stalled");
  assert.match(rt.message, /start niet/);
});

test("a failure reported by the worker fails at once, once, and ends the worker", async () => {
  const { worker, rt, seen } = setUp();
  const call = rt.call({ cost: "1" });
  worker.say({ type: "failed", message: "pyodide.asm.wasm: HTTP 404" });
  worker.say({ type: "failed", message: "again" });
  assert.equal(rt.status, "failed");
  assert.equal(rt.message, "pyodide.asm.wasm: HTTP 404");
  assert.deepEqual(seen, ["failed"]);
  assert.equal(worker.terminated, true);
  assert.equal(await settled(rt.ready), "rejected");
  await assert.rejects(call, /404/);
  await assert.rejects(rt.call({}), /404/);
});

test("a worker that throws fails at once", () => {
  const { worker, rt } = setUp();
  worker.dispatchEvent(Object.assign(new Event("error", { cancelable: true }), { message: "kapot" }));
  assert.equal(rt.status, "failed");
  assert.match(rt.message, /kapot/);
});

test("answers find their calls by id, also out of order", async () => {
  const { worker, rt } = setUp();
  worker.say({ type: "ready", ms: 1 });
  const first = rt.call({ cost: "1" });
  const second = rt.call({ cost: "2" });
  const [a, b] = worker.sent;
  assert.deepEqual(JSON.parse(a.request), { cost: "1" }, "the request travels as JSON text");
  assert.notEqual(a.id, b.id);
  worker.say({ id: b.id, response: JSON.stringify({ support: "2" }) });
  worker.say({ id: a.id, error: "kapot" });
  assert.deepEqual(await second, { support: "2" });
  await assert.rejects(first, /kapot/);
});

test("a call without an answer ends after the bound", async () => {
  const { worker, timers, rt } = setUp();
  worker.say({ type: "ready", ms: 1 });
  const call = rt.call({});
  timers.advance(1000);
  await assert.rejects(call, /geen antwoord/);
  assert.equal(rt.status, "ready", "one lost answer does not end the runtime");
});

test("without a worker the runtime has failed", async () => {
  const rt = createRuntime({ worker: null, timers: manualTimers() });
  assert.equal(rt.status, "failed");
  assert.equal(await settled(rt.ready), "rejected");
});

test("the URL can shorten the stall bound, nothing else changes it", () => {
  assert.equal(stallFrom("?kmo_stall=2000&cost=1"), 2000);
  for (const search of ["", "?kmo_stall=", "?kmo_stall=-5", "?kmo_stall=abc", undefined]) assert.equal(stallFrom(search), STALL_MS);
});

test("unsubscribed listeners hear nothing more", () => {
  const { worker, rt } = setUp();
  const heard = [];
  const stop = rt.subscribe((runtime) => heard.push(runtime.status));
  stop();
  worker.say({ type: "ready", ms: 1 });
  assert.deepEqual(heard, []);
});
