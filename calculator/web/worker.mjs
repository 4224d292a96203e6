// The rules in a module Web Worker: Pyodide (self-hosted next to this file, in ../pyodide/)
// runs the kmo_portefeuille package. JSON text goes in and comes out; nothing is decided here.
//
// Messages from the page:   {id, request}          request: the JSON contract's request, as JSON text
//                           {id, kind: "calendar", request, address}   its deadlines as a calendar
//                             (address: the calculator with this simulation, named in the events)
// Messages to the page:     {id, response}         response: what evaluate() returned, as JSON text
//                           {id, calendar}         iCalendar text, or null when no step has a date
//                           {id, error}            evaluating failed (should not happen)
//                           {type: "progress", received, total, done}   bytes as served
//                           {type: "ready", ms, timeline, start}   timeline: when each step ended
//                           {type: "failed", message}   at once when a file it needs fails
//
// Two ways to start (choice.mjs picks one while the wasm, which both need, downloads):
// - the memory snapshot the build made with the rules imported and the parameters loaded
//   (site_overrides/hooks/kmo_snapshot.py): restoring it skips the interpreter's start-up and
//   needs no standard library (everything is imported already: an empty zip stands in), but it
//   is 5 MB;
// - the normal start with a standard library trimmed to what the rules and Pyodide's start-up
//   import (stdlib.mjs, made by the build) and the wheel, unpacked from memory.
// When the snapshot is missing, altered or does not restore, the normal start follows; when the
// trimmed library is missing or altered, the normal start with Pyodide's full one.
// Every runtime file is fetched through downloads.mjs: counted for the page's progress bar and
// checked, so a missing or refused file is reported at once. wheel.mjs, snapshot.mjs,
// stdlib.mjs and sizes.mjs are written by the build.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { chooseStart, probeCpu, SAMPLE } from "./choice.mjs";
import { createDownloads } from "./downloads.mjs";
import { CALENDAR_NAME, EMPTY_STDLIB, ENTRY_NAME, ENTRY_SOURCE, WARM_UP } from "./entry.mjs";
import { SIZES } from "./sizes.mjs";
import { SNAPSHOT } from "./snapshot.mjs";
import { STDLIB } from "./stdlib.mjs";
import { WHEEL } from "./wheel.mjs";

const MODULE = "kmo_portefeuille";
const WASM = "pyodide.asm.wasm";
const LOCK = "pyodide-lock.json";
// After a restore the interpreter's code has barely run, so V8 has not optimised it yet (a
// normal start runs 2 s of Python first) and the first recomputes share the CPU with that
// optimisation: measured, recompute median 15-20 ms instead of 8-11 ms. Repeating one request
// 300 times right after the first answer (some 300 ms of work, 10 per task so that requests
// interleave) brings it back to 9 ms.
const WARM_UP_RUNS = 300;
const WARM_UP_CHUNK = 10;
// While the visitor types, their own requests warm the interpreter: the warm-up waits until none
// came for this long, so an edit never queues behind a chunk (a year plan is itself 20 runs).
const WARM_UP_YIELD_MS = 250;
let lastRequest = -Infinity;
const started = performance.now();
// When each step ended (ms since this worker was created, see performance.timeOrigin): posted
// with "ready" and kept on self for the benchmark (bench/run.py); nothing depends on it.
const timeline = (self.kmoTimeline = { origin: performance.timeOrigin, script: Math.round(started) });
const mark = (name) => {
  timeline[name] = Math.round(performance.now());
};
const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const OPTIONS = {
  indexURL: INDEX_URL,
  // Keep the console quiet: loading messages are not errors.
  stdout: () => {},
  stderr: () => {},
};

function describe(error) {
  return String(error && error.message ? error.message : error);
}

/** The rules' two functions, as ENTRY_SOURCE defined them. */
function entries(pyodide) {
  const evaluate = pyodide.globals.get(ENTRY_NAME);
  const calendar = pyodide.globals.get(CALENDAR_NAME);
  if (!evaluate || !calendar) throw new Error(`${ENTRY_NAME} or ${CALENDAR_NAME} is missing`);
  return { evaluate, calendar };
}

let failed = false;
function fail(error) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", message: describe(error) });
}

const nativeFetch = self.fetch.bind(self);
const downloads = createDownloads({
  sizes: SIZES,
  fetcher: nativeFetch,
  report: (progress) => self.postMessage({ type: "progress", ...progress }),
  // Both starts need the wasm: without it nothing can come (Pyodide itself would wait forever).
  onBroken: (file, error) => {
    if (file === WASM) fail(error);
  },
});

// Pyodide fetches the wasm, the lock and the standard library itself: through downloads.mjs, so
// they are counted and checked. The wasm and the lock were asked for at the start already.
const early = new Map();
self.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, INDEX_URL);
  const file = url.href.startsWith(INDEX_URL) ? url.href.slice(INDEX_URL.length) : null;
  if (!file || !(file in SIZES)) return nativeFetch(input, init);
  if (early.has(file)) {
    const response = early.get(file);
    early.delete(file);
    return response;
  }
  return downloads.download(file, url.href, init);
};

function fetchEarly(file) {
  const response = downloads.download(file, new URL(file, INDEX_URL).href);
  response.catch(() => {}); // reported by onBroken, or when Pyodide asks for it
  early.set(file, response);
}

fetchEarly(WASM);
fetchEarly(LOCK);
// The interpreter's JavaScript (imported by loadPyodide later), loaded meanwhile.
import(new URL("pyodide.asm.mjs", INDEX_URL).href).catch(() => {});
const cpuMs = probeCpu();

async function restore() {
  downloads.plan([SNAPSHOT.file]);
  const gzipped = await downloads.verified(SNAPSHOT.file, new URL(SNAPSHOT.file, INDEX_URL).href, SNAPSHOT.integrity);
  const stream = new Response(gzipped).body.pipeThrough(new DecompressionStream("gzip"));
  const snapshot = new Uint8Array(await new Response(stream).arrayBuffer());
  mark("snapshot");
  const stdLibURL = URL.createObjectURL(new Blob([EMPTY_STDLIB], { type: "application/zip" }));
  try {
    const pyodide = await loadPyodide({ ...OPTIONS, _loadSnapshot: snapshot, stdLibURL });
    const rules = entries(pyodide);
    mark("pyodide");
    return rules;
  } finally {
    URL.revokeObjectURL(stdLibURL);
  }
}

/** The normal start; with `stdlib` ({file, integrity}) the trimmed standard library, without it
 *  Pyodide's full one. */
async function startFresh(stdlib) {
  downloads.plan(stdlib ? [WHEEL.file, stdlib.file] : [WHEEL.file, "python_stdlib.zip"]);
  const wheel = downloads.verified(WHEEL.file, new URL(WHEEL.file, INDEX_URL).href, WHEEL.integrity);
  wheel.catch(() => {}); // awaited below; no unhandled rejection while Pyodide loads
  let stdLibURL;
  if (stdlib) {
    const library = await downloads.verified(stdlib.file, new URL(stdlib.file, INDEX_URL).href, stdlib.integrity);
    stdLibURL = URL.createObjectURL(new Blob([library], { type: "application/zip" }));
  }
  let pyodide;
  try {
    pyodide = await loadPyodide(stdLibURL ? { ...OPTIONS, stdLibURL } : OPTIONS);
  } finally {
    if (stdLibURL) URL.revokeObjectURL(stdLibURL);
  }
  mark("pyodide");
  let bytes;
  try {
    bytes = await wheel;
  } catch (error) {
    throw new Error(`${MODULE} kon niet opgehaald worden: ${describe(error)}`);
  }
  mark("wheel");
  pyodide.unpackArchive(bytes, "wheel");
  mark("unpacked");
  try {
    pyodide.runPython(ENTRY_SOURCE);
  } catch (error) {
    throw new Error(`${MODULE} kon niet geladen worden: ${error}`);
  }
  mark("imported");
  return entries(pyodide);
}

function warmUp(evaluate) {
  const request = JSON.stringify(WARM_UP);
  let left = WARM_UP_RUNS;
  const chunk = () => {
    const quiet = performance.now() - lastRequest;
    if (quiet < WARM_UP_YIELD_MS) {
      setTimeout(chunk, WARM_UP_YIELD_MS - quiet);
      return;
    }
    for (let i = 0; i < WARM_UP_CHUNK && left > 0; i += 1, left -= 1) evaluate(request);
    if (left > 0) setTimeout(chunk, 0);
    else mark("warm");
  };
  setTimeout(chunk, 0);
}

/** Which start, from the wasm's first bytes; kept on self for the benchmark. */
async function choose() {
  downloads.plan([WASM, LOCK], false);
  const sample = await downloads.sample(WASM, SAMPLE);
  const extraBytes = downloads.expected(SNAPSHOT.file) - downloads.expected(STDLIB.file) - downloads.expected(WHEEL.file);
  const start = chooseStart({
    sample,
    extraBytes,
    cpuMs,
    connection: self.navigator.connection,
    canRestore: typeof DecompressionStream === "function",
  });
  mark("chosen");
  self.kmoStart = { start, cpuMs, sample, extraBytes };
  return start;
}

async function start() {
  const attempts = [() => startFresh(STDLIB), () => startFresh(null)];
  if ((await choose()) === "snapshot") attempts.unshift(async () => {
    const rules = await restore();
    warmUp(rules.evaluate);
    return rules;
  });
  let last;
  for (const attempt of attempts) {
    if (failed) break;
    try {
      return await attempt();
    } catch (error) {
      last = error;
      console.warn("kmo: the next way to start Pyodide follows:", describe(error));
    }
  }
  throw last || new Error("laden mislukt");
}

const ready = start();

ready.then(
  () => self.postMessage({ type: "ready", ms: Math.round(performance.now() - started), timeline, start: self.kmoStart }),
  fail,
);

self.addEventListener("message", async (event) => {
  const { id, kind, request, address } = event.data || {};
  if (id === undefined) return;
  let rules;
  try {
    rules = await ready;
  } catch {
    return; // "failed" was already posted
  }
  const text = typeof request === "string" ? request : "{}";
  try {
    if (kind === "calendar") {
      self.postMessage({ id, calendar: rules.calendar(text, String(address ?? "")) ?? null });
      return;
    }
    if (!timeline.request) mark("request");
    const answer = rules.evaluate(text);
    lastRequest = performance.now();
    if (!timeline.answered) mark("answered");
    self.postMessage({ id, response: answer });
  } catch (error) {
    self.postMessage({ id, error: describe(error) });
  }
});
