// The kmo-portefeuille calculator in the page: the glue between the form, the URL, the worker and
// the result.
//
// Everything a rule decides (size, eligibility, rates, amounts, deadlines) and every amount or date
// shown comes from the rules package (Python, in worker.mjs). The modules here only read the form
// (form.mjs, through the field map in fields.mjs), send what the visitor typed as text, and show
// the answer (render.mjs, summary.mjs). All output is set as text (textContent), never as HTML.

import { takeWorker } from "./start.mjs";
import { Address } from "./address.mjs";
import { MODE, queryFrom, requestFrom, stateFromQuery } from "./fields.mjs";
import { Form } from "./form.mjs";
import * as view from "./render.mjs";
import { adviceHref, fillPrint, inputLines } from "./summary.mjs";

const DEFAULT_TIMEOUT_MS = 20000;
// Results follow every keystroke; only the screen reader waits for a pause in typing.
const ANNOUNCE_AFTER_MS = 1000;

// --------------------------------------------------------------------------- the runtime
// One worker per tab: this module is evaluated once per document, and Material's instant
// navigation keeps the document (and so this variable) alive across page swaps.

let runtime = createRuntime();

function createRuntime() {
  const listeners = new Set();
  const pending = new Map();
  const rt = {
    status: "loading", // "loading" | "ready" | "failed"
    progress: { step: 0, steps: 3, label: "" },
    message: "",
    loadMs: null,
    nextId: 1,
    worker: null,
    listeners,
    ready: null,
  };
  let settle;
  rt.ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  rt.ready.catch(() => {});

  const notify = () => {
    for (const listener of [...listeners]) listener(rt);
  };
  const fail = (message) => {
    if (rt.status === "failed") return;
    rt.status = "failed";
    rt.message = message;
    settle.reject(new Error(message));
    for (const [, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(new Error(message));
    }
    pending.clear();
    try {
      rt.worker && rt.worker.terminate();
    } catch {
      /* already gone */
    }
    notify();
  };

  try {
    // The worker start.mjs began early (from the page head) is used first; a replacement after a
    // failure is made here.
    rt.worker = takeWorker() || new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "kmo-rekenhulp" });
  } catch (error) {
    fail(`worker: ${error}`);
    return rt;
  }
  rt.worker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "progress") {
      rt.progress = { step: data.step, steps: data.steps, label: data.label };
      notify();
    } else if (data.type === "ready") {
      rt.status = "ready";
      rt.loadMs = data.ms;
      settle.resolve(rt);
      notify();
    } else if (data.type === "failed") {
      fail(data.message || "laden mislukt");
    } else if (data.id !== undefined && pending.has(data.id)) {
      const entry = pending.get(data.id);
      pending.delete(data.id);
      clearTimeout(entry.timer);
      if (data.error !== undefined) entry.reject(new Error(data.error));
      else entry.resolve(data.response);
    }
  });
  rt.worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(`worker: ${event.message || "fout"}`);
  });
  rt.worker.addEventListener("messageerror", () => fail("worker: onleesbaar bericht"));

  rt.call = (request, timeoutMs) =>
    new Promise((resolve, reject) => {
      if (rt.status === "failed") {
        reject(new Error(rt.message));
        return;
      }
      const id = rt.nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("geen antwoord"));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      rt.worker.postMessage({ id, request });
    });
  return rt;
}

function currentRuntime() {
  // A failed worker is replaced when the calculator is mounted again (e.g. after navigating).
  if (runtime.status === "failed") runtime = createRuntime();
  return runtime;
}

// --------------------------------------------------------------------------- small tools

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function timeoutFrom(form) {
  const fromUrl = Number(new URLSearchParams(location.search).get("kmo_timeout"));
  if (Number.isFinite(fromUrl) && fromUrl > 0) return fromUrl;
  const fromForm = Number(form.dataset.kmoTimeout);
  if (Number.isFinite(fromForm) && fromForm > 0) return fromForm;
  return DEFAULT_TIMEOUT_MS;
}

// --------------------------------------------------------------------------- the calculator

export function mount(root) {
  if (!root || root.kmoCalculator) return root && root.kmoCalculator;
  const calculator = new Calculator(root);
  root.kmoCalculator = calculator;
  return calculator;
}

class Calculator {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("form");
    this.inputs = new Form(this.form);
    this.result = root.querySelector("#kmo-result");
    this.announcer = new view.Announcer(root.querySelector("[data-kmo-status]"), ANNOUNCE_AFTER_MS);
    this.address = new Address();
    this.advice = root.querySelector("[data-kmo-advice]");
    this.adviceBase = this.advice ? this.advice.getAttribute("href") : "../contact/";
    this.timeoutMs = timeoutFrom(this.form);
    this.deadline = performance.now() + this.timeoutMs;
    this.sequence = 0;
    this.touched = new Set();
    this.lastResponse = null;
    this.lastState = null;
    this.lastQuery = "";
    this.failure = null;
    this.sizeLabels = { groot: "Groot: geen kmo" };
    for (const option of this.form.querySelectorAll('select[name="size"] option')) {
      this.sizeLabels[option.value] = option.textContent.trim();
    }

    this.inputs.restore(stateFromQuery(new URLSearchParams(location.search)));
    const date = this.form.elements.namedItem("date");
    if (date && !date.value) date.value = today();
    this.inputs.updateVisibility();

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.schedule();
    });
    this.form.addEventListener("input", (event) => this.onEdit(event));
    this.form.addEventListener("change", (event) => this.onEdit(event));
    this.form.addEventListener("focusout", (event) => {
      if (event.target && event.target.name) {
        if (!this.touched.has(event.target.name)) {
          this.touched.add(event.target.name);
          if (this.lastResponse) view.showFieldErrors(this.inputs, this.lastResponse, this.touched);
        }
      }
    });
    this.form.addEventListener("click", (event) => {
      const add = event.target.closest("[data-kmo-add]");
      const remove = event.target.closest("[data-kmo-remove]");
      if (add) this.addRow(add.dataset.kmoAdd);
      else if (remove) this.removeRow(remove.closest(".kmo-row"));
    });
    const print = root.querySelector("[data-kmo-print]");
    if (print) print.addEventListener("click", () => window.print());
    this.beforePrint = () => {
      if (this.alive()) this.updateSummary();
    };
    window.addEventListener("beforeprint", this.beforePrint);

    this.listener = (rt) => this.onRuntime(rt);
    this.attach();
    this.schedule();
    this.watchdog = setInterval(() => this.checkLoading(), 250);
  }

  attach() {
    this.rt = currentRuntime();
    this.rt.listeners.add(this.listener);
    this.onRuntime(this.rt);
  }

  alive() {
    if (this.root.isConnected) return true;
    this.rt.listeners.delete(this.listener);
    window.removeEventListener("beforeprint", this.beforePrint);
    clearInterval(this.watchdog);
    this.announcer.stop();
    this.address.stop();
    return false;
  }

  // ------------------------------------------------------------------ runtime state

  onRuntime(rt) {
    if (!this.alive()) return;
    if (rt.status === "loading") {
      const progress = this.result.querySelector('[data-kmo-out="progress"]');
      const label = this.result.querySelector('[data-kmo-out="loading-label"]');
      if (progress) {
        progress.max = rt.progress.steps || 3;
        if (rt.progress.step > 0) progress.value = rt.progress.step;
      }
      if (label) label.textContent = rt.progress.step > 0 ? `Rekenhulp wordt geladen… (${rt.progress.label.toLowerCase()})` : "Rekenhulp wordt geladen…";
    } else if (rt.status === "ready") {
      this.result.dataset.loadMs = String(rt.loadMs);
      if (this.failure) {
        // It came up after all (slower than the timeout): calculate now.
        this.failure = null;
        this.schedule(0);
      }
    } else if (rt.status === "failed") {
      this.showFailure("laden");
    }
  }

  checkLoading() {
    if (!this.alive()) return;
    if (this.rt.status === "loading" && performance.now() > this.deadline) {
      this.showFailure("traag");
    }
    if (this.rt.status !== "loading") clearInterval(this.watchdog);
  }

  showFailure(kind) {
    this.failure = kind;
    const title = this.result.querySelector('[data-kmo-out="error-title"]');
    if (title) {
      title.textContent =
        kind === "traag"
          ? "De rekenhulp laadt niet of te traag in je browser."
          : kind === "antwoord"
            ? "De rekenhulp gaf geen antwoord."
            : "De rekenhulp kan op dit moment niet rekenen.";
    }
    this.setState("error");
    this.result.dataset.error = kind;
    this.announce(`${title ? title.textContent : ""} Bel ons gratis op ${this.phone()}.`, true);
  }

  phone() {
    const link = this.result.querySelector("[data-kmo-phone]");
    return link ? link.textContent.trim() : "";
  }

  setState(state) {
    view.setState(this.result, state);
  }

  announce(text, now = false) {
    this.announcer.say(text, now);
  }

  // ------------------------------------------------------------------ editing

  onEdit(event) {
    const target = event.target;
    if (target && target.name) {
      if (event.type === "change") this.touched.add(target.name);
      if (target.name === MODE.name) this.inputs.updateVisibility();
    }
    this.schedule();
  }

  /** Compute the form as it is now; an answer to an older form state is no longer shown. */
  schedule() {
    this.sequence++;
    this.result.dataset.pending = "true";
    this.compute();
  }

  addRow(kind) {
    const row = this.inputs.addRow(kind);
    if (!row) return;
    row.querySelector("input").focus();
    this.schedule();
  }

  removeRow(row) {
    if (!row) return;
    const next = this.inputs.removeRow(row);
    if (next) next.focus();
    this.schedule();
  }

  // ------------------------------------------------------------------ computing

  async compute() {
    if (!this.alive()) return;
    const sequence = this.sequence;
    const state = this.inputs.state();
    const query = queryFrom(state, new URLSearchParams(location.search));
    this.address.set(query);
    const request = requestFrom(state);
    this.lastState = state;
    this.lastQuery = query;
    const rt = this.rt.status === "failed" ? this.rt : currentRuntime();
    if (rt !== this.rt) {
      this.rt.listeners.delete(this.listener);
      this.attach();
    }
    if (rt.status === "failed") {
      this.showFailure("laden");
      return;
    }
    let response;
    try {
      if (rt.status !== "ready") {
        await rt.ready;
        if (sequence !== this.sequence) return;
      }
      response = await rt.call(request, Math.max(this.timeoutMs, 1000));
    } catch (error) {
      if (sequence !== this.sequence || !this.alive()) return;
      this.showFailure(rt.status === "ready" ? "antwoord" : "laden");
      return;
    }
    if (sequence !== this.sequence || !this.alive()) return;
    this.failure = null;
    this.render(response);
  }

  // ------------------------------------------------------------------ showing the answer

  render(response) {
    this.lastResponse = response;
    view.showFieldErrors(this.inputs, response, this.touched);
    if (response && response.ok === true) {
      view.showAnswer(this.result, response, this.sizeLabel(response));
      this.result.dataset.query = this.lastQuery;
    } else {
      view.showInvalid(this.result, response, this.inputs);
    }
    this.updateSummary();
    this.announce(view.spoken(response));
    delete this.result.dataset.pending;
  }

  sizeLabel(response) {
    return this.sizeLabels[response.size] || String(response.size ?? "–");
  }

  /** The printout's list of inputs and the advice link, for the last answer. */
  updateSummary() {
    const response = this.lastResponse;
    const lines = inputLines(this.inputs, this.lastState || this.inputs.state(), response);
    const href = this.address.href(this.lastQuery);
    fillPrint(this.result, lines, href);
    if (this.advice) {
      const size = response && response.ok === true ? this.sizeLabel(response) : "";
      this.advice.href = adviceHref(this.adviceBase, lines, response, size, href);
    }
  }
}
