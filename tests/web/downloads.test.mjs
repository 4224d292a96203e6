// Counted, checked downloads (calculator/web/downloads.mjs) against a stand-in fetch.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { createDownloads } from "../../calculator/web/downloads.mjs";
import { manualTimers } from "./timers.mjs";

const SIZES = {
  "pyodide.asm.wasm": { raw: 4000, gzip: 1000 },
  "kmo.snapshot.gz": { raw: 3000, gzip: 3000 },
};

/** A response whose body comes in chunks the test releases one by one. */
function trickle(chunks, headers) {
  let release;
  const gates = chunks.map(() => new Promise((resolve) => (release = release || []).push(resolve)));
  let i = 0;
  const body = new ReadableStream({
    async pull(controller) {
      if (i === chunks.length) return controller.close();
      await gates[i];
      controller.enqueue(chunks[i++]);
    },
  });
  return { response: new Response(body, { headers }), release: () => release.shift()() };
}

function setUp(responses) {
  const timers = manualTimers();
  const reports = [];
  const broken = [];
  const downloads = createDownloads({
    sizes: SIZES,
    report: (progress) => reports.push(progress),
    onBroken: (file, error) => broken.push([file, error.message]),
    fetcher: async (url) => {
      const answer = responses[url];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    timers,
    now: timers.now,
    intervalMs: 100,
  });
  return { downloads, reports, broken, timers };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test("a gzipped wasm is counted as the host sends it, while it streams in, before anyone reads it", async () => {
  const { response, release } = trickle([new Uint8Array(1000), new Uint8Array(1000), new Uint8Array(2000)], {
    "content-type": "application/wasm",
    "content-encoding": "gzip",
  });
  const { downloads, reports, timers } = setUp({ wasm: response });
  downloads.plan(["pyodide.asm.wasm"]);
  const counted = await downloads.download("pyodide.asm.wasm", "wasm");
  release();
  await tick();
  timers.advance(100);
  assert.deepEqual(reports.at(-1), { received: 250, total: 1000, done: false });
  release();
  release();
  await tick();
  await tick();
  assert.deepEqual(reports.at(-1), { received: 1000, total: 1000, done: true });
  assert.equal((await counted.arrayBuffer()).byteLength, 4000, "the consumer still gets every byte");
});

test("no total is shown before the start is chosen", async () => {
  const { downloads, reports } = setUp({ wasm: new Response(new Uint8Array(10), { headers: { "content-type": "application/wasm" } }) });
  downloads.plan(["pyodide.asm.wasm"], false);
  await (await downloads.download("pyodide.asm.wasm", "wasm")).arrayBuffer();
  await tick();
  assert.equal(reports.at(-1).total, 0);
  assert.equal(reports.at(-1).received, 10);
});

test("a missing file, a refused request and a wasm with the wrong MIME type fail at once", async () => {
  const { downloads, broken } = setUp({
    missing: new Response("not found", { status: 404 }),
    refused: new TypeError("Failed to fetch"),
    html: new Response(new Uint8Array(4), { headers: { "content-type": "text/html" } }),
  });
  await assert.rejects(downloads.download("pyodide.asm.wasm", "missing"), /HTTP 404/);
  await assert.rejects(downloads.download("pyodide.asm.wasm", "refused"), /Failed to fetch/);
  await assert.rejects(downloads.download("pyodide.asm.wasm", "html"), /application\/wasm/);
  assert.equal(broken.length, 3);
  assert.ok(broken.every(([file]) => file === "pyodide.asm.wasm"));
});

test("a file whose bytes do not match its integrity is refused", async () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const integrity = `sha256-${createHash("sha256").update(bytes).digest("base64")}`;
  const { downloads } = setUp({ good: new Response(bytes), bad: new Response(new Uint8Array([1, 2, 4])) });
  assert.deepEqual([...(await downloads.verified("kmo.snapshot.gz", "good", integrity))], [1, 2, 3]);
  await assert.rejects(downloads.verified("kmo.snapshot.gz", "bad", integrity), /integrity/);
});

test("the throughput sample ends after its bytes or its time", async () => {
  const { response, release } = trickle([new Uint8Array(2000), new Uint8Array(2000)], { "content-type": "application/wasm" });
  const { downloads, timers } = setUp({ wasm: response });
  await downloads.download("pyodide.asm.wasm", "wasm");
  const byBytes = downloads.sample("pyodide.asm.wasm", { bytes: 1500, ms: 10_000 });
  const byTime = downloads.sample("pyodide.asm.wasm", { bytes: 1e9, ms: 500 });
  timers.advance(200);
  release();
  await tick();
  assert.deepEqual(await byBytes, { bytes: 2000, ms: 200, done: false });
  timers.advance(300);
  assert.deepEqual(await byTime, { bytes: 2000, ms: 500, done: false });
});
