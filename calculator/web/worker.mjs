// The rules in a module Web Worker: Pyodide (self-hosted next to this file, in ../pyodide/)
// runs the kmo_portefeuille package. JSON text goes in and comes out; nothing is decided here.
//
// Messages from the page:   {id, request}          request: the JSON contract's request object
// Messages to the page:     {id, response}         response: the object evaluate() returned
//                           {id, error}            evaluating failed (should not happen)
//                           {type: "progress", step, steps, label}
//                           {type: "ready", ms, timeline}   timeline: when each step ended
//                           {type: "failed", message}
//
// Speed: the build ships a memory snapshot of Pyodide with the rules imported and the
// parameters loaded (site_overrides/hooks/kmo_snapshot.py). Restoring it skips the interpreter's
// start-up, most of the wait, and the standard library's download (everything is imported
// already). It costs ~2.7 MB more to download, so it is left out when the browser
// says data is to be saved or the connection is slow; when it is missing, refused (Subresource
// Integrity) or cannot be restored, Pyodide starts the normal way. Then the wheel is fetched
// (checked by its sha256) while the interpreter downloads and starts, and unpacked from memory.
// wheel.mjs and snapshot.mjs are written by the build and name the files and their integrity.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { EMPTY_STDLIB, ENTRY_NAME, ENTRY_SOURCE, WARM_UP } from "./entry.mjs";
import { SNAPSHOT } from "./snapshot.mjs";
import { WHEEL } from "./wheel.mjs";

const MODULE = "kmo_portefeuille";
const STEPS = 3;
const SLOW_CONNECTIONS = new Set(["slow-2g", "2g", "3g"]);
// After a restore the interpreter's code has barely run, so V8 has not optimised it yet (a
// normal start runs 2 s of Python first) and the first recomputes share the CPU with that
// optimisation: measured, recompute median 15-20 ms instead of 8-11 ms. Repeating one request
// 300 times right after the first answer (some 300 ms of work, 10 per task so that requests
// interleave) brings it back to 9 ms.
const WARM_UP_RUNS = 300;
const WARM_UP_CHUNK = 10;
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

function progress(step, label) {
  self.postMessage({ type: "progress", step, steps: STEPS, label });
}

function fetchChecked({ file, integrity }) {
  return fetch(new URL(file, INDEX_URL), { integrity }).then((response) => {
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response;
  });
}

function snapshotPays() {
  const connection = self.navigator.connection;
  return !connection || !(connection.saveData || SLOW_CONNECTIONS.has(connection.effectiveType));
}

async function fetchSnapshot() {
  const response = await fetchChecked(SNAPSHOT);
  const bytes = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  mark("snapshot");
  return bytes;
}

/** The entry function from a restored snapshot; null when there is none or it does not restore. */
async function restore() {
  if (typeof DecompressionStream !== "function" || !snapshotPays()) return null;
  const snapshot = fetchSnapshot();
  snapshot.catch(() => {}); // loadPyodide awaits it later; no unhandled rejection meanwhile
  const stdLibURL = URL.createObjectURL(new Blob([EMPTY_STDLIB], { type: "application/zip" }));
  try {
    const pyodide = await loadPyodide({ ...OPTIONS, _loadSnapshot: snapshot, stdLibURL });
    const evaluate = pyodide.globals.get(ENTRY_NAME);
    if (!evaluate) throw new Error(`${ENTRY_NAME} is not in the snapshot`);
    mark("pyodide");
    return evaluate;
  } catch (error) {
    console.warn("kmo: Pyodide starts without the snapshot:", error);
    return null;
  } finally {
    URL.revokeObjectURL(stdLibURL);
  }
}

async function startFresh() {
  const wheel = fetchChecked(WHEEL).then((response) => response.arrayBuffer());
  wheel.catch(() => {}); // awaited below; no unhandled rejection while Pyodide loads
  const pyodide = await loadPyodide(OPTIONS);
  mark("pyodide");
  progress(1, "Rekenregels worden geladen");
  let bytes;
  try {
    bytes = await wheel;
  } catch (error) {
    throw new Error(`${MODULE} kon niet opgehaald worden: ${error && error.message ? error.message : error}`);
  }
  mark("wheel");
  pyodide.unpackArchive(new Uint8Array(bytes), "wheel");
  mark("unpacked");
  progress(2, "Rekenhulp wordt gestart");
  try {
    pyodide.runPython(ENTRY_SOURCE);
  } catch (error) {
    throw new Error(`${MODULE} kon niet geladen worden: ${error}`);
  }
  mark("imported");
  return pyodide.globals.get(ENTRY_NAME);
}

function warmUp(evaluate) {
  const request = JSON.stringify(WARM_UP);
  let left = WARM_UP_RUNS;
  const chunk = () => {
    for (let i = 0; i < WARM_UP_CHUNK && left > 0; i += 1, left -= 1) evaluate(request);
    if (left > 0) setTimeout(chunk, 0);
    else mark("warm");
  };
  setTimeout(chunk, 0);
}

async function start() {
  progress(0, "Rekenmotor wordt opgehaald");
  const restored = await restore();
  if (restored) warmUp(restored);
  const evaluate = restored || (await startFresh());
  progress(3, "Klaar");
  return evaluate;
}

const ready = start();

ready.then(
  () => self.postMessage({ type: "ready", ms: Math.round(performance.now() - started), timeline }),
  (error) => self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) }),
);

self.addEventListener("message", async (event) => {
  const { id, request } = event.data || {};
  if (id === undefined) return;
  let evaluate;
  try {
    evaluate = await ready;
  } catch {
    return; // "failed" was already posted
  }
  try {
    if (!timeline.request) mark("request");
    const text = evaluate(JSON.stringify(request ?? {}));
    if (!timeline.answered) mark("answered");
    self.postMessage({ id, response: JSON.parse(text) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
