// The kmo-portefeuille calculator in the page: the glue between the form, the URL, the worker and
// the result.
//
// Everything a rule decides (size, eligibility, rates, amounts, deadlines) and every amount or date
// shown comes from the rules package (Python, in worker.mjs). The modules here only read the form
// (form.mjs, through the field map in fields.mjs), send what the visitor typed as text, and show
// the answer (answer.mjs, render.mjs, warnings.mjs, bar.mjs, summary.mjs). All output is set as
// text (textContent), never as HTML. What is shown, in this order: while an amount is doubtful, the
// question and its fix; else the answer; else, without a size, the amount for each size; else what
// is missing.

import { Address } from "./address.mjs";
import { mountAgenda } from "./agenda.mjs";
import { showAnswer } from "./answer.mjs";
import { showBar } from "./bar.mjs";
import { ASSUMED, MODE, PLAN, planName, planRowOf, queryFrom, requestFrom } from "./fields.mjs";
import { Form } from "./form.mjs";
import { applyLink, fillDates } from "./link.mjs";
import { showFailureTitle, showProgress } from "./loading.mjs";
import { followReceived } from "./received.mjs";
import * as view from "./render.mjs";
import { currentRuntime } from "./runtime.mjs";
import { adviceHref, fillPrint, inputLines } from "./summary.mjs";
import { applySuggestion, firstDoubt, showFieldWarnings } from "./warnings.mjs";

// Results follow every keystroke; only the screen reader waits for a pause in typing.
const ANNOUNCE_AFTER_MS = 1000;

// A new service of a plan starts as the one above it: the same kind of service and theme.
const CARRIED = ["service", "theme"];

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
    this.sequence = 0;
    this.touched = new Set();
    this.lastResponse = null;
    this.lastState = null;
    this.lastQuery = "";
    this.failure = null;
    this.focusAnswer = false;
    this.details = root.querySelector('#kmo-result [data-kmo-details="result"]');
    // The calendar of the form as it is now, with the address of this simulation in its events.
    this.agenda = mountAgenda(root, () =>
      this.rt.calendar(requestFrom(this.lastState || this.inputs.state()), this.address.href(this.lastQuery)));

    // Done by link.mjs already, unless the page came by instant navigation.
    applyLink(this.inputs);
    followReceived(this.inputs);

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
    // "Ja, pas het bedrag aan": under the field, in the bar and in the result.
    root.addEventListener("click", (event) => {
      const fix = event.target.closest("[data-kmo-fix]");
      if (fix) this.fix(fix);
    });
    // The bar's link goes to the result on this page (Material makes in-page links absolute, with
    // the address the page was loaded with: followed, it would load that older simulation).
    root.addEventListener("click", (event) => {
      if (!event.target.closest("[data-kmo-bar] a")) return;
      event.preventDefault();
      this.result.scrollIntoView({ block: "start" });
      this.result.focus({ preventScroll: true });
    });
    this.result.addEventListener("click", (event) => {
      if (event.target.closest("[data-kmo-to-figures]")) {
        event.preventDefault();
        this.chooseSize("figures", "");
      } else if (event.target.closest("[data-kmo-change-assumed]")) {
        event.preventDefault();
        this.inputs.openAssumed();
      }
    });
    // The size question next to the amount per size: the answer goes into the form's own.
    this.sizeHere = this.result.querySelector("[data-kmo-size-here]");
    if (this.sizeHere) this.sizeHere.addEventListener("change", () => this.chooseSize("size", this.sizeHere.value));
    if (this.advice) {
      // Followed before the next task ran: its text must still say what is on the screen.
      this.advice.addEventListener("click", () => this.updateSummary());
    }
    const print = root.querySelector("[data-kmo-print]");
    if (print) print.addEventListener("click", () => window.print());
    // The printout shows the details open (calculator.css does it too, where the browser can).
    this.beforePrint = () => {
      if (!this.alive()) return;
      this.updateSummary();
      this.detailsWereOpen = !!(this.details && this.details.open);
      if (this.details) this.details.open = true;
    };
    this.afterPrint = () => {
      if (this.details && !this.detailsWereOpen) this.details.open = false;
    };
    window.addEventListener("beforeprint", this.beforePrint);
    window.addEventListener("afterprint", this.afterPrint);

    this.listener = (rt) => this.onRuntime(rt);
    this.attach();
    this.schedule();
    // For the benchmark: from here every edit counts, and none is overwritten.
    performance.mark?.("kmo:form-live");
  }

  attach() {
    this.rt = currentRuntime();
    this.unsubscribe = this.rt.subscribe(this.listener);
    this.onRuntime(this.rt);
  }

  alive() {
    if (this.root.isConnected) return true;
    this.unsubscribe();
    window.removeEventListener("beforeprint", this.beforePrint);
    window.removeEventListener("afterprint", this.afterPrint);
    clearTimeout(this.summaryTimer);
    this.announcer.stop();
    this.address.stop();
    return false;
  }

  // ------------------------------------------------------------------ runtime state

  onRuntime(rt) {
    if (!this.alive()) return;
    if (rt.status === "loading") {
      showProgress(this.result, rt.progress);
    } else if (rt.status === "ready") {
      this.result.dataset.loadMs = String(rt.loadMs);
      if (this.failure) {
        // It came up after all (after a stall): calculate now.
        this.failure = null;
        this.schedule();
      }
    } else {
      this.showFailure(rt.status === "stalled" ? "traag" : "laden");
    }
  }

  /** The error state, set and announced once per failure (a failure already shown stays). */
  showFailure(kind) {
    if (this.failure) return;
    this.failure = kind;
    const title = showFailureTitle(this.result, kind);
    this.setState("error");
    showBar(this.root, null, "error");
    this.announce(`${title} Bel ons gratis op ${this.phone()}.`, true);
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
      if (ASSUMED.includes(target.name)) this.inputs.updateAssumed();
      followReceived(this.inputs, target.name);
    }
    this.schedule();
  }

  /** The size chosen in the result (mode "size") or the figures asked for (mode "figures"). */
  chooseSize(mode, size) {
    this.inputs.set(MODE.name, mode);
    if (mode === "size") this.inputs.set("size", size);
    this.inputs.updateVisibility();
    this.touched.add(MODE.name);
    if (mode === "figures") this.inputs.focusTarget("fte").focus();
    // The question in the result goes away with the answer: the focus goes to the answer then.
    else this.focusAnswer = true;
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
    if (kind === PLAN) {
      const index = this.inputs.rowCounts()[PLAN] - 1;
      for (const part of CARRIED) this.inputs.set(planName(part, index), this.inputs.value(planName(part, index - 1)));
    }
    fillDates(row);
    this.inputs.firstControl(row).focus();
    this.schedule();
  }

  /** "Bedoel je …?": the suggestion goes into the field, which keeps the focus; then recompute. */
  fix(button) {
    const control = applySuggestion(this.inputs, button);
    if (!control) return;
    control.focus();
    this.touched.add(control.name);
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
    const request = requestFrom(state);
    this.lastState = state;
    const rt = this.rt.status === "failed" ? this.rt : currentRuntime();
    if (rt !== this.rt) {
      this.unsubscribe();
      this.attach();
    }
    // The request goes out first. Writing the address costs the browser some milliseconds (more
    // for a long plan): it waits for the answer to be shown, unless there is no answer to wait for.
    const answer = rt.status === "ready" ? rt.call(request) : null;
    if (answer) answer.catch(() => {}); // handled below
    this.lastQuery = queryFrom(state, new URLSearchParams(location.search));
    if (!answer) this.address.set(this.lastQuery);
    if (rt.status === "failed") {
      this.showFailure("laden");
      return;
    }
    let response;
    try {
      if (!answer) {
        await rt.ready;
        if (sequence !== this.sequence) return;
      }
      response = await (answer || rt.call(request));
    } catch (error) {
      if (sequence !== this.sequence || !this.alive()) return;
      this.address.set(this.lastQuery);
      this.showFailure(rt.status === "ready" ? "antwoord" : "laden");
      return;
    }
    if (sequence !== this.sequence || !this.alive()) return;
    this.failure = null;
    delete this.result.dataset.error;
    this.render(response);
  }

  // ------------------------------------------------------------------ showing the answer

  render(response) {
    this.lastResponse = response;
    view.showFieldErrors(this.inputs, response, this.touched);
    showFieldWarnings(this.inputs, response);
    const doubt = firstDoubt(response);
    const focusAnswer = this.focusAnswer;
    this.focusAnswer = false;
    if (doubt) {
      view.showDoubt(this.result, response, doubt);
    } else if (response && response.ok === true) {
      showAnswer(this.result, response, this.inputs);
      this.result.dataset.query = this.lastQuery;
      if (focusAnswer) this.result.focus({ preventScroll: true });
    } else if (response && response.by_size && this.inputs.value(MODE.name) !== "figures") {
      // Still open which size: the amount per size. Who chose to give figures is asked for them.
      view.showSizes(this.result, response);
      if (this.sizeHere) this.sizeHere.value = this.inputs.value("size");
    } else {
      view.showInvalid(this.result, response, this.inputs);
    }
    this.result.dataset.rows = String(this.inputs.rowCounts()[PLAN]);
    this.agenda.show(response);
    showBar(this.root, response);
    this.announce(view.spoken(response));
    // The address, the printout's inputs and the hand-off's text follow in the next task: the
    // answer first. Printing and following the hand-off bring the last two up to date themselves.
    clearTimeout(this.summaryTimer);
    const sequence = this.sequence;
    this.summaryTimer = setTimeout(() => {
      if (!this.alive()) return;
      this.address.set(this.lastQuery);
      this.updateSummary();
      if (sequence === this.sequence) delete this.result.dataset.pending;
    }, 0);
  }

  /** The printout's list of inputs, and the hand-off that fits the service with its link. */
  updateSummary() {
    const response = this.lastResponse;
    const state = this.lastState || this.inputs.state();
    const lines = inputLines(this.inputs, state, response);
    const href = this.address.href(this.lastQuery);
    fillPrint(this.result, lines, href);
    if (this.advice) this.advice.href = adviceHref(this.adviceBase, lines, response, href);
    // ECX gives advice: after a training (every service of a plan one), the hand-off says so and
    // points to VLAIO instead.
    const kinds = [...state].filter(([name]) => name === "service" || (planRowOf(name) || {}).part === "service");
    const handoff = kinds.every(([, text]) => text === "opleiding") ? "opleiding" : "advies";
    for (const block of this.root.querySelectorAll("[data-kmo-handoff]")) block.hidden = block.dataset.kmoHandoff !== handoff;
  }
}
