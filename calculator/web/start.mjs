// Starts the calculator's worker (and so the Pyodide downloads) as early as possible.
//
// The calculator page loads this file from its <head> (a deferred module: it runs once the page
// is parsed, after the theme's bundle and before mount.mjs imports calculator.mjs).
// calculator.mjs imports it too, so after instant navigation to the calculator it starts the
// worker then. takeWorker() hands the worker over once; events that came before are replayed
// to the listeners the caller adds in the same task.

const TYPES = ["message", "error", "messageerror"];
let early = null;

function mark(name) {
  try {
    performance.mark(name);
  } catch {
    /* no User Timing: nothing to record */
  }
}

/** For the benchmark (bench/run.py): when the page hears the worker's "ready" and first answer. */
function watch(worker) {
  const onMessage = (event) => {
    const data = event.data || {};
    if (data.type === "ready") mark("kmo:ready-received");
    else if (data.id !== undefined) {
      mark("kmo:answer-received");
      worker.removeEventListener("message", onMessage);
    }
  };
  worker.addEventListener("message", onMessage);
}

function start() {
  let worker;
  try {
    worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "kmo-rekenhulp" });
  } catch {
    return null; // the calculator reports it when it makes its own
  }
  mark("kmo:worker-created");
  watch(worker);
  const events = [];
  const keep = (event) => {
    if (event.type === "error") event.preventDefault(); // reported when replayed
    events.push(event);
  };
  for (const type of TYPES) worker.addEventListener(type, keep);
  return { worker, events, keep };
}

early = start();

/** The early worker, once; null when it was taken already or could not be made. */
export function takeWorker() {
  const taken = early;
  early = null;
  if (!taken) return null;
  queueMicrotask(() => {
    for (const type of TYPES) taken.worker.removeEventListener(type, taken.keep);
    for (const event of taken.events) {
      const copy =
        event.type === "error"
          ? new ErrorEvent("error", { message: event.message, cancelable: true })
          : new MessageEvent(event.type, { data: event.data });
      taken.worker.dispatchEvent(copy);
    }
  });
  return taken.worker;
}
