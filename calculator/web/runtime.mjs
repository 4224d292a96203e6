// The page's side of the calculator's worker (worker.mjs): one runtime per tab, calls matched to
// answers by id, and what the visitor should see while it starts: bytes received, stalled, failed.
//
// A slow download is not a failure: the runtime gives up only when nothing arrives for a while
// (no byte for `stallMs`, or no "ready" within `startMs` after the last byte), and it keeps the
// worker then, so a late start still answers. A worker that reports a failed download or throws
// fails at once.
//
// Messages from the worker: {type: "progress", received, total, done}   bytes as the host serves
//                           them (total 0: not known yet; done: every file is in)
//                           {type: "ready", ms, timeline} | {type: "failed", message}
//                           {id, response} | {id, calendar} | {id, error}

import { takeWorker } from "./start.mjs";

export const STALL_MS = 15000;
// After the last byte the interpreter starts; a slow phone needs some 10 s for that.
export const START_FACTOR = 3;
// URL parameter that shortens the bounds, for tests (calculator.mjs keeps it out of the simulation).
export const STALL_PARAM = "kmo_stall";

/** The stall bound a URL asks for (?kmo_stall=<ms>), else STALL_MS. */
export function stallFrom(search) {
  const asked = Number(new URLSearchParams(search || "").get(STALL_PARAM));
  return Number.isFinite(asked) && asked > 0 ? asked : STALL_MS;
}

function describe(error) {
  return String(error && error.message ? error.message : error);
}

/**
 * A runtime around one worker. `worker` is anything with postMessage, terminate and
 * addEventListener (a Worker, or a stand-in in tests); `timers` defaults to the global ones.
 *
 * The runtime: status ("loading" | "stalled" | "ready" | "failed"), progress {received, total},
 * message (why it failed), loadMs, ready (a promise: resolves when the worker is ready, rejects
 * when it failed; a stall leaves it pending), subscribe(listener) -> unsubscribe (listener(rt) on
 * every change), call(request) -> promise of the response, calendar(request, address) -> promise
 * of the iCalendar text of the request's deadlines (null when no step has a date).
 */
export function createRuntime({ worker, stallMs = STALL_MS, startMs = START_FACTOR * stallMs, timers = globalThis } = {}) {
  const listeners = new Set();
  const pending = new Map();
  let nextId = 1;
  let quiet = null; // the stall timer
  let settle;
  const rt = {
    status: "loading",
    progress: { received: 0, total: 0 },
    message: "",
    loadMs: null,
    ready: new Promise((resolve, reject) => {
      settle = { resolve, reject };
    }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call,
    calendar,
  };
  rt.ready.catch(() => {});

  const notify = () => {
    for (const listener of [...listeners]) listener(rt);
  };
  const stopWaiting = () => {
    if (quiet !== null) timers.clearTimeout(quiet);
    quiet = null;
  };
  const wait = (ms) => {
    stopWaiting();
    quiet = timers.setTimeout(() => {
      quiet = null;
      if (rt.status !== "loading") return;
      rt.status = "stalled";
      rt.message = rt.progress.done ? "de rekenhulp start niet" : "de download staat stil";
      notify();
    }, ms);
  };
  const fail = (message) => {
    if (rt.status === "failed") return;
    stopWaiting();
    rt.status = "failed";
    rt.message = message;
    settle.reject(new Error(message));
    for (const entry of pending.values()) {
      timers.clearTimeout(entry.timer);
      entry.reject(new Error(message));
    }
    pending.clear();
    try {
      worker && worker.terminate();
    } catch {
      /* already gone */
    }
    notify();
  };

  /** Post a message to the worker; `read(data)` gives the value of its answer. */
  function post(message, read, timeoutMs) {
    return new Promise((resolve, reject) => {
      if (rt.status === "failed") {
        reject(new Error(rt.message));
        return;
      }
      const id = nextId++;
      const timer = timers.setTimeout(() => {
        pending.delete(id);
        reject(new Error("geen antwoord"));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, read });
      worker.postMessage({ id, ...message });
    });
  }

  function call(request, timeoutMs = stallMs) {
    // JSON text both ways: a string crosses to the worker and back in one copy, where a plan's
    // answer as an object (some 70 kB of nested fields) costs a walk on each side.
    return post({ request: JSON.stringify(request ?? {}) }, (data) => JSON.parse(data.response), timeoutMs);
  }

  function calendar(request, address, timeoutMs = stallMs) {
    const message = { kind: "calendar", request: JSON.stringify(request ?? {}), address: String(address ?? "") };
    return post(message, (data) => (typeof data.calendar === "string" ? data.calendar : null), timeoutMs);
  }

  const onMessage = (event) => {
    const data = event.data || {};
    if (data.type === "progress") {
      const grew = data.received > rt.progress.received || data.total !== rt.progress.total;
      rt.progress = { received: data.received || 0, total: data.total || 0, done: !!data.done };
      if (rt.status !== "loading") return;
      if (grew || data.done) wait(data.done ? startMs : stallMs);
      notify();
    } else if (data.type === "ready") {
      if (rt.status === "failed") return;
      stopWaiting();
      rt.status = "ready";
      rt.loadMs = data.ms;
      settle.resolve(rt);
      notify();
    } else if (data.type === "failed") {
      fail(data.message || "laden mislukt");
    } else if (data.id !== undefined && pending.has(data.id)) {
      const entry = pending.get(data.id);
      pending.delete(data.id);
      timers.clearTimeout(entry.timer);
      if (data.error !== undefined) entry.reject(new Error(data.error));
      else {
        try {
          entry.resolve(entry.read(data));
        } catch {
          entry.reject(new Error("onleesbaar antwoord"));
        }
      }
    }
  };

  if (!worker) {
    fail("geen worker");
    return rt;
  }
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", (event) => {
    if (event.preventDefault) event.preventDefault();
    fail(`worker: ${event.message || "fout"}`);
  });
  worker.addEventListener("messageerror", () => fail("worker: onleesbaar bericht"));
  wait(stallMs);
  return rt;
}

function newWorker() {
  // The worker start.mjs began early (from the page head) is used first; a replacement after a
  // failure is made here.
  try {
    return takeWorker() || new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "kmo-rekenhulp" });
  } catch (error) {
    console.warn("kmo: de worker kon niet gemaakt worden", describe(error));
    return null;
  }
}

// One per tab: this module is evaluated once per document, and Material's instant navigation
// keeps the document (and so this variable) alive across page swaps.
let current = null;

/** The tab's runtime; a failed one is replaced (e.g. when the calculator is mounted again). A
 *  stalled one is kept: it may still come up. */
export function currentRuntime() {
  if (!current || current.status === "failed") {
    current = createRuntime({ worker: newWorker(), stallMs: stallFrom(globalThis.location && location.search) });
  }
  return current;
}
