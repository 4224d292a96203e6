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
// Speed: the wheel is fetched (checked against its sha256 by the browser's Subresource
// Integrity) while the interpreter downloads and starts, and unpacked from memory afterwards,
// instead of loadPackage() asking for it only once Python runs. wheel.mjs is written by the
// build (site_overrides/hooks/kmo_assets.py) and names the wheel and its integrity string.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { WHEEL } from "./wheel.mjs";

const MODULE = "kmo_portefeuille";
const STEPS = 3;
const started = performance.now();
// When each step ended (ms since this worker was created, see performance.timeOrigin): posted
// with "ready" and kept on self for the benchmark (bench/run.py); nothing depends on it.
const timeline = (self.kmoTimeline = { origin: performance.timeOrigin, script: Math.round(started) });
const mark = (name) => {
  timeline[name] = Math.round(performance.now());
};
const INDEX_URL = new URL("../pyodide/", import.meta.url).href;

function progress(step, label) {
  self.postMessage({ type: "progress", step, steps: STEPS, label });
}

function fetchWheel() {
  const url = new URL(WHEEL.file, INDEX_URL);
  return fetch(url, { integrity: WHEEL.integrity }).then((response) => {
    if (!response.ok) throw new Error(`${WHEEL.file}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
}

async function start() {
  progress(0, "Rekenmotor wordt opgehaald");
  const wheel = fetchWheel();
  wheel.catch(() => {}); // awaited below; no unhandled rejection while Pyodide loads
  const pyodide = await loadPyodide({
    indexURL: INDEX_URL,
    // Keep the console quiet: loading messages are not errors.
    stdout: () => {},
    stderr: () => {},
  });
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
  let evaluate;
  try {
    evaluate = pyodide.runPython(`
import json
import ${MODULE}

def _kmo_evaluate(text):
    return json.dumps(${MODULE}.evaluate(json.loads(text)), ensure_ascii=False)

_kmo_evaluate
`);
  } catch (error) {
    throw new Error(`${MODULE} kon niet geladen worden: ${error}`);
  }
  mark("imported");
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
