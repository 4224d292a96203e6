// The rules in a module Web Worker: Pyodide (self-hosted next to this file, in ../pyodide/)
// runs the kmo_portefeuille package. JSON text goes in and comes out; nothing is decided here.
//
// Messages from the page:   {id, request}          request: the JSON contract's request object
// Messages to the page:     {id, response}         response: the object evaluate() returned
//                           {id, error}            evaluating failed (should not happen)
//                           {type: "progress", step, steps, label}
//                           {type: "ready", ms}
//                           {type: "failed", message}

import { loadPyodide } from "../pyodide/pyodide.mjs";

const PACKAGE = "kmo-portefeuille"; // the name in the site's pyodide-lock.json
const MODULE = "kmo_portefeuille";
const STEPS = 3;
const started = performance.now();

function progress(step, label) {
  self.postMessage({ type: "progress", step, steps: STEPS, label });
}

async function start() {
  progress(0, "Rekenmotor wordt opgehaald");
  const pyodide = await loadPyodide({
    indexURL: new URL("../pyodide/", import.meta.url).href,
    // Keep the console quiet: loading messages are not errors.
    stdout: () => {},
    stderr: () => {},
  });
  progress(1, "Rekenregels worden geladen");
  const problems = [];
  await pyodide.loadPackage(PACKAGE, {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(String(message)),
    checkIntegrity: true,
  });
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
    throw new Error(`${MODULE} kon niet geladen worden: ${problems.join("; ") || error}`);
  }
  progress(3, "Klaar");
  return evaluate;
}

const ready = start();

ready.then(
  () => self.postMessage({ type: "ready", ms: Math.round(performance.now() - started) }),
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
    const text = evaluate(JSON.stringify(request ?? {}));
    self.postMessage({ id, response: JSON.parse(text) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
