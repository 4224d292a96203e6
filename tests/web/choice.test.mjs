// The start choice (calculator/web/choice.mjs) on the profiles of a slow phone and a desktop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseStart, PROBE_MS, probeCpu } from "../../calculator/web/choice.mjs";

const EXTRA = 4_450_000; // the snapshot's bytes less the trimmed library's and the wheel's
const mbit = (rate) => (rate * 1e6) / 8 / 1000; // bytes per ms
const sample = (bytesPerMs, ms = 1200) => ({ bytes: Math.round(bytesPerMs * ms), ms, done: false });

test("slow 4G on a phone: the normal start (the snapshot's bytes cost more than it saves)", () => {
  assert.equal(chooseStart({ sample: sample(mbit(1.6)), extraBytes: EXTRA, cpuMs: 4 * PROBE_MS }), "normal");
});

test("a fast connection: the snapshot, on a desktop and on a phone", () => {
  for (const cpuMs of [PROBE_MS, 4 * PROBE_MS]) {
    assert.equal(chooseStart({ sample: { bytes: 9_598_218, ms: 60, done: true }, extraBytes: EXTRA, cpuMs }), "snapshot");
  }
  assert.equal(chooseStart({ sample: { bytes: 9_598_218, ms: 0, done: true }, extraBytes: EXTRA, cpuMs: PROBE_MS }), "snapshot");
});

test("10 Mbit/s: the snapshot pays on a slow CPU only", () => {
  assert.equal(chooseStart({ sample: sample(mbit(10)), extraBytes: EXTRA, cpuMs: 4 * PROBE_MS }), "snapshot");
  assert.equal(chooseStart({ sample: sample(mbit(10)), extraBytes: EXTRA, cpuMs: PROBE_MS }), "normal");
});

test("the browser's own hints win: data saving, slow round trips, no DecompressionStream", () => {
  const fast = { sample: { bytes: 9e6, ms: 50, done: true }, extraBytes: EXTRA, cpuMs: PROBE_MS };
  assert.equal(chooseStart({ ...fast, connection: { saveData: true, effectiveType: "4g" } }), "normal");
  assert.equal(chooseStart({ ...fast, connection: { effectiveType: "3g" } }), "normal");
  assert.equal(chooseStart({ ...fast, connection: { effectiveType: "4g" } }), "snapshot");
  assert.equal(chooseStart({ ...fast, canRestore: false }), "normal");
});

test("the CPU probe takes measurable time", () => {
  const ms = probeCpu();
  assert.ok(ms > 0 && Number.isFinite(ms), String(ms));
});
