// The kmo-portefeuille calculator in the page: form <-> URL <-> worker, and the result.
//
// Everything a rule decides (size, eligibility, rates, amounts, deadlines) comes from the rules
// package (Python, in worker.mjs). This file only reads the form, sends what the visitor typed
// as text, and shows the answer. All output is set as text (textContent), never as HTML.

import { showFailureTitle, showProgress } from "./loading.mjs";
import { currentRuntime, STALL_PARAM } from "./runtime.mjs";

const DEBOUNCE_MS = 150;
const ANNOUNCE_AFTER_MS = 1000;
const FIGURES = ["fte", "turnover", "balance_sheet_total"];
const ROW_PARTS = ["share", ...FIGURES];
const ROW_KINDS = {
  partner: { title: "Partneronderneming", remove: "Verwijder partneronderneming", key: "partners" },
  linked: { title: "Verbonden onderneming", remove: "Verwijder verbonden onderneming", key: "linked" },
};
const MAX_ROWS = 20;
const SIMPLE_KEYS = ["date", "service", "theme", "cost", "received", "public_share"];
const CHECKLIST = ["legal_form", "flanders", "main_activity"];
// URL parameters that tune the page but are not part of the simulation.
const KEEP_PARAMS = [STALL_PARAM];

const euroFormat = new Intl.NumberFormat("nl-BE", { style: "currency", currency: "EUR" });
const percentFormat = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat("nl-BE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

// --------------------------------------------------------------------------- formatting and small tools

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function euro(text) {
  const value = Number(text);
  return text === undefined || text === null || text === "" || !Number.isFinite(value) ? "–" : euroFormat.format(value);
}

function percent(text) {
  const value = Number(text);
  return text === undefined || text === null || text === "" || !Number.isFinite(value) ? "–" : `${percentFormat.format(value)}%`;
}

function longDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
  if (!match) return String(iso || "");
  return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** An http(s) URL from the response, or null: nothing else becomes a link. */
function safeLink(text) {
  if (typeof text !== "string") return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function listItems(list, items, render) {
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    render(li, item);
    return li;
  }));
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
    this.result = root.querySelector("#kmo-result");
    this.status = root.querySelector("[data-kmo-status]");
    this.template = root.querySelector("template[data-kmo-row-template]");
    this.advice = root.querySelector("[data-kmo-advice]");
    this.adviceBase = this.advice ? this.advice.getAttribute("href") : "../contact/";
    this.sequence = 0;
    this.debounce = null;
    this.announceTimer = null;
    this.announced = "";
    this.touched = new Set();
    this.lastResponse = null;
    this.failure = null;
    this.sizeLabels = { groot: "Groot: geen kmo" };
    for (const option of this.form.querySelectorAll('select[name="size"] option')) {
      this.sizeLabels[option.value] = option.textContent.trim();
    }

    this.restore(new URLSearchParams(location.search));
    const date = this.form.elements.namedItem("date");
    if (date && !date.value) date.value = today();
    this.updateVisibility();

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.schedule(0);
    });
    this.form.addEventListener("input", (event) => this.onEdit(event));
    this.form.addEventListener("change", (event) => this.onEdit(event));
    this.form.addEventListener("focusout", (event) => {
      if (event.target && event.target.name) {
        if (!this.touched.has(event.target.name)) {
          this.touched.add(event.target.name);
          if (this.lastResponse) this.showFieldErrors(this.lastResponse);
        }
      }
    });
    this.form.addEventListener("click", (event) => {
      const add = event.target.closest("[data-kmo-add]");
      const remove = event.target.closest("[data-kmo-remove]");
      if (add) this.addRow(add.dataset.kmoAdd, true);
      else if (remove) this.removeRow(remove.closest(".kmo-row"));
    });
    const print = root.querySelector("[data-kmo-print]");
    if (print) print.addEventListener("click", () => window.print());
    this.beforePrint = () => {
      if (this.alive()) this.fillPrintInputs();
    };
    window.addEventListener("beforeprint", this.beforePrint);

    this.listener = (rt) => this.onRuntime(rt);
    this.attach();
    this.schedule(0);
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
    clearTimeout(this.debounce);
    clearTimeout(this.announceTimer);
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
        this.schedule(0);
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
    this.announce(`${title} Bel ons gratis op ${this.phone()}.`, true);
  }

  phone() {
    const link = this.result.querySelector("[data-kmo-phone]");
    return link ? link.textContent.trim() : "";
  }

  setState(state) {
    this.result.dataset.state = state;
    for (const part of this.result.querySelectorAll(".kmo-result__part")) {
      const name = part.dataset.kmoPart;
      part.hidden = state === "ready" ? name !== this.readyPart : name !== state;
    }
    if (state !== "ready") {
      for (const key of ["size", "eligible", "ratePercent", "support", "ok", "errors"]) delete this.result.dataset[key];
    }
  }

  // ------------------------------------------------------------------ editing

  onEdit(event) {
    const target = event.target;
    if (target && target.name) {
      if (event.type === "change") this.touched.add(target.name);
      if (target.name === "company") this.updateVisibility();
    }
    // Typing waits for a pause; a committed change (a choice, Enter, leaving the field) counts now.
    this.schedule(event.type === "change" ? 0 : DEBOUNCE_MS);
  }

  schedule(delay) {
    clearTimeout(this.debounce);
    this.sequence++; // an answer to an older form state is no longer shown
    this.result.dataset.pending = "true";
    this.debounce = setTimeout(() => this.compute(), delay);
  }

  mode() {
    const checked = this.form.querySelector('input[name="company"]:checked');
    return checked ? checked.value : "size";
  }

  updateVisibility() {
    const mode = this.mode();
    for (const block of this.form.querySelectorAll("[data-kmo-when]")) {
      const [name, value] = block.dataset.kmoWhen.split("=");
      block.hidden = name === "company" && value !== mode;
    }
  }

  // ------------------------------------------------------------------ rows (partners, linked)

  rows(kind) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    return holder ? [...holder.querySelectorAll(":scope > .kmo-row")] : [];
  }

  addRow(kind, focus = false) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    if (!holder || !this.template || !ROW_KINDS[kind] || this.rows(kind).length >= MAX_ROWS) return null;
    const row = this.template.content.firstElementChild.cloneNode(true);
    row.dataset.kmoKind = kind;
    holder.append(row);
    this.numberRows(kind);
    if (focus) {
      const first = row.querySelector("input");
      if (first) first.focus();
      this.schedule(DEBOUNCE_MS);
    }
    return row;
  }

  removeRow(row) {
    if (!row) return;
    const kind = row.dataset.kmoKind;
    const index = this.rows(kind).indexOf(row);
    row.remove();
    this.numberRows(kind);
    // Keep the keyboard focus nearby: the next row's first field, else the add button.
    const rows = this.rows(kind);
    const next = rows[Math.min(index, rows.length - 1)];
    const target = next ? next.querySelector("input") : this.form.querySelector(`[data-kmo-add="${kind}"]`);
    if (target) target.focus();
    this.schedule(DEBOUNCE_MS);
  }

  numberRows(kind) {
    const spec = ROW_KINDS[kind];
    this.rows(kind).forEach((row, index) => {
      const number = index + 1;
      row.querySelector("[data-kmo-row-title]").textContent = `${spec.title} ${number}`;
      const remove = row.querySelector("[data-kmo-remove]");
      remove.textContent = `${spec.remove} ${number}`;
      for (const part of ROW_PARTS) {
        const box = row.querySelector(`[data-kmo-part="${part}"]`);
        const name = `${kind}_${part}_${index}`;
        const id = `kmo-${name}`;
        const label = box.querySelector("label");
        const input = box.querySelector("input");
        const error = box.querySelector(".kmo-field-error");
        label.textContent = label.dataset.kmoLabel;
        label.htmlFor = id;
        input.id = id;
        input.name = name;
        error.id = `kmo-error-${name}`;
        error.dataset.kmoErrorFor = name;
        box.dataset.kmoField = name;
      }
    });
  }

  // ------------------------------------------------------------------ state <-> URL <-> request

  /** The form as flat text values (the URL keys); only the fields that are in use. */
  readState() {
    const state = new Map();
    const value = (name) => {
      const element = this.form.elements.namedItem(name);
      if (!element) return "";
      if (element instanceof RadioNodeList || (element.length !== undefined && element.tagName !== "SELECT")) {
        const checked = [...element].find((e) => e.checked);
        return checked ? checked.value : "";
      }
      if (element.type === "radio") return element.checked ? element.value : "";
      return element.value;
    };
    const mode = this.mode();
    state.set("company", mode);
    if (mode === "size") {
      state.set("size", value("size"));
    } else {
      for (const key of FIGURES) state.set(key, value(key));
      for (const key of FIGURES) state.set(`prev_${key}`, value(`prev_${key}`));
      for (const kind of Object.keys(ROW_KINDS)) {
        this.rows(kind).forEach((row, index) => {
          for (const part of ROW_PARTS) state.set(`${kind}_${part}_${index}`, value(`${kind}_${part}_${index}`));
        });
      }
    }
    for (const key of SIMPLE_KEYS) state.set(key, value(key));
    for (const key of CHECKLIST) state.set(key, value(key));
    return state;
  }

  writeUrl(state) {
    const params = new URLSearchParams();
    const current = new URLSearchParams(location.search);
    for (const key of KEEP_PARAMS) if (current.has(key)) params.set(key, current.get(key));
    for (const [key, text] of state) {
      if (text === "") continue;
      if (key === "company" && text === "size") continue;
      if (CHECKLIST.includes(key) && text === "ja") continue;
      params.set(key, text);
    }
    // Rows that are entirely empty still count as rows: keep them with an empty share.
    for (const kind of Object.keys(ROW_KINDS)) {
      if (state.get("company") !== "figures") continue;
      this.rows(kind).forEach((row, index) => {
        const key = `${kind}_share_${index}`;
        if (!params.has(key)) params.set(key, "");
      });
    }
    const query = params.toString();
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      history.replaceState(history.state, "", url);
    }
    return query;
  }

  restore(params) {
    const set = (name, text) => {
      const element = this.form.elements.namedItem(name);
      if (!element) return;
      if (element instanceof RadioNodeList || (element.length !== undefined && element.tagName !== "SELECT")) {
        for (const radio of element) radio.checked = radio.value === text;
      } else if (element.tagName === "SELECT") {
        if ([...element.options].some((o) => o.value === text)) element.value = text;
      } else {
        element.value = text;
      }
    };
    if (params.get("company") === "figures" || (!params.has("company") && FIGURES.some((k) => params.has(k)) && !params.has("size"))) {
      set("company", "figures");
    }
    for (const kind of Object.keys(ROW_KINDS)) {
      let count = 0;
      for (const key of params.keys()) {
        const match = new RegExp(`^${kind}_(?:${ROW_PARTS.join("|")})_(\\d+)$`).exec(key);
        if (match) count = Math.max(count, Number(match[1]) + 1);
      }
      count = Math.min(count, MAX_ROWS);
      for (let i = this.rows(kind).length; i < count; i++) this.addRow(kind);
      if (count > 0) {
        const details = this.form.querySelector('[data-kmo-details="group"]');
        if (details) details.open = true;
      }
    }
    if (FIGURES.some((k) => params.get(`prev_${k}`))) {
      const details = this.form.querySelector('[data-kmo-details="previous"]');
      if (details) details.open = true;
    }
    for (const [key, text] of params) {
      if (key === "company" || KEEP_PARAMS.includes(key)) continue;
      set(key, text);
    }
  }

  /** The JSON contract's request, with every value as the visitor typed it. */
  toRequest(state) {
    const text = (key) => {
      const v = state.get(key);
      return v === undefined || v === "" ? undefined : v;
    };
    const request = {};
    for (const key of ["date", "service", "theme", "cost", "received"]) {
      if (text(key) !== undefined) request[key] = text(key);
    }
    const company = {};
    if (state.get("company") === "size") {
      if (text("size") !== undefined) company.size = text("size");
    } else {
      for (const key of FIGURES) if (text(key) !== undefined) company[key] = text(key);
      const previous = {};
      for (const key of FIGURES) if (text(`prev_${key}`) !== undefined) previous[key] = text(`prev_${key}`);
      if (Object.keys(previous).length) company.previous = previous;
      for (const [kind, spec] of Object.entries(ROW_KINDS)) {
        const items = this.rows(kind).map((row, index) => {
          const item = {};
          for (const part of ROW_PARTS) {
            const v = text(`${kind}_${part}_${index}`);
            if (v !== undefined) item[part] = v;
          }
          return item;
        });
        if (items.length) company[spec.key] = items;
      }
    }
    if (text("public_share") !== undefined) company.public_share = text("public_share");
    request.company = company;
    const checklist = {};
    for (const key of CHECKLIST) {
      const v = text(key);
      if (v !== undefined) checklist[key] = v === "ja";
    }
    request.checklist = checklist;
    return request;
  }

  /** The form field (URL key) of an error's field path ("company.partners.0.share"). */
  static fieldName(path) {
    const parts = String(path || "").split(".");
    if (parts[0] === "checklist" && parts.length === 2) return parts[1];
    if (parts[0] !== "company") return parts.join("_");
    const rest = parts.slice(1);
    if (rest[0] === "previous" && rest.length === 2) return `prev_${rest[1]}`;
    if ((rest[0] === "partners" || rest[0] === "linked") && rest.length === 3) {
      return `${rest[0] === "partners" ? "partner" : "linked"}_${rest[2]}_${rest[1]}`;
    }
    return rest.join("_");
  }

  // ------------------------------------------------------------------ computing

  async compute() {
    if (!this.alive()) return;
    const sequence = this.sequence;
    const state = this.readState();
    const query = this.writeUrl(state);
    const request = this.toRequest(state);
    this.lastState = state;
    const rt = this.rt.status === "failed" ? this.rt : currentRuntime();
    if (rt !== this.rt) {
      this.unsubscribe();
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
      response = await rt.call(request);
    } catch (error) {
      if (sequence !== this.sequence || !this.alive()) return;
      this.showFailure(rt.status === "ready" ? "antwoord" : "laden");
      return;
    }
    if (sequence !== this.sequence || !this.alive()) return;
    this.failure = null;
    delete this.result.dataset.error;
    this.render(response, state, query);
  }

  // ------------------------------------------------------------------ rendering

  render(response, state, query) {
    this.lastResponse = response;
    const out = (name) => this.result.querySelector(`[data-kmo-out="${name}"]`);
    const data = this.result.dataset;
    this.showFieldErrors(response);

    if (!response || response.ok !== true) {
      this.readyPart = "invalid";
      this.setState("ready");
      data.ok = "false";
      const errors = (response && Array.isArray(response.errors)) ? response.errors : [];
      data.errors = errors.map((error) => String(error.field || "")).join(" ");
      listItems(out("errors"), errors, (li, error) => {
        const name = Calculator.fieldName(error.field);
        const target = this.focusTarget(name);
        if (target && target.id) {
          const link = document.createElement("a");
          link.href = `#${target.id}`;
          link.textContent = String(error.message || "");
          link.addEventListener("click", (event) => {
            event.preventDefault();
            this.revealField(target);
            target.focus();
          });
          li.append(link);
        } else {
          li.textContent = String(error.message || "");
        }
      });
      const first = errors[0] ? String(errors[0].message || "") : "";
      this.announce(`Nog niet volledig. ${first}`);
      this.updateAdvice(state, response);
      delete data.pending;
      return;
    }

    this.readyPart = "ready";
    this.setState("ready");
    data.ok = "true";
    delete data.errors;
    data.size = String(response.size ?? "");
    data.eligible = response.eligible ? "true" : "false";
    data.ratePercent = String(response.rate_percent ?? "");
    data.support = String(response.support ?? "");
    data.query = query;

    const verdict = out("verdict");
    verdict.textContent = response.eligible
      ? "Deze aanvraag komt in aanmerking voor de kmo-portefeuille."
      : "Deze aanvraag komt niet in aanmerking voor de kmo-portefeuille.";
    verdict.classList.toggle("kmo-verdict--no", !response.eligible);
    verdict.classList.toggle("kmo-verdict--yes", !!response.eligible);

    out("size").textContent = this.sizeLabels[response.size] || String(response.size ?? "–");
    out("rate").textContent = percent(response.rate_percent);
    out("support").textContent = euro(response.support);
    out("own_share").textContent = euro(response.own_share);
    out("cap_remaining").textContent = euro(response.cap_remaining);

    const deadlines = Array.isArray(response.deadlines) ? response.deadlines : [];
    const deadlineTexts = new Set(deadlines.map((item) => String(item.message || "")));
    const reasons = (Array.isArray(response.reasons) ? response.reasons : [])
      .filter((reason) => !deadlineTexts.has(String(reason.message || "")));
    const isSize = (reason) => String(reason.code || "").startsWith("grootte");
    const sizeReasons = reasons.filter(isSize);
    // What stands in the way first, then the rest.
    const otherReasons = reasons.filter((reason) => !isSize(reason) && reason.blocking)
      .concat(reasons.filter((reason) => !isSize(reason) && !reason.blocking));
    const fill = (name, items) => {
      listItems(out(name), items, (li, item) => {
        li.textContent = String(item.message || "");
        if (item.blocking) li.classList.add("kmo-list__blocking");
        const source = safeLink(item.source);
        if (source) {
          const link = document.createElement("a");
          link.href = source;
          link.rel = "noopener noreferrer external";
          link.textContent = "bron";
          if (item.source_title) link.title = String(item.source_title);
          li.append(document.createTextNode(" ("), link, document.createTextNode(")"));
        }
      });
      this.result.querySelector(`[data-kmo-block="${name}"]`).hidden = items.length === 0;
    };
    fill("size-reasons", sizeReasons);
    fill("reasons", otherReasons);
    out("reasons-title").textContent = response.eligible ? "Goed om te weten" : "Waarom niet";

    listItems(out("deadlines"), deadlines, (li, item) => {
      if (item.date) {
        const strong = document.createElement("strong");
        strong.textContent = longDate(item.date);
        li.append(strong, document.createTextNode(`: ${String(item.message || "")}`));
      } else {
        li.textContent = String(item.message || "");
      }
    });
    this.result.querySelector('[data-kmo-block="deadlines"]').hidden = deadlines.length === 0;
    out("summary").textContent = String(response.summary || "");

    this.fillPrintInputs();
    this.updateAdvice(state, response);
    this.announce(this.summaryText(response));
    delete data.pending;
  }

  summaryText(response) {
    if (response.summary) return String(response.summary);
    return response.eligible
      ? `Steun ${euro(response.support)}, eigen bijdrage ${euro(response.own_share)}.`
      : "Deze aanvraag komt niet in aanmerking.";
  }

  /** Announce politely once typing pauses, and only when the text changes. */
  announce(text, now = false) {
    if (!this.status) return;
    clearTimeout(this.announceTimer);
    const say = () => {
      if (text !== this.announced) {
        this.announced = text;
        this.status.textContent = text;
      }
    };
    if (now) say();
    else this.announceTimer = setTimeout(say, ANNOUNCE_AFTER_MS);
  }

  focusTarget(name) {
    const element = this.form.elements.namedItem(name);
    if (!element) return null;
    if (element instanceof RadioNodeList || (element.length !== undefined && element.tagName !== "SELECT")) {
      return element[0] || null;
    }
    return element;
  }

  revealField(element) {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }

  showFieldErrors(response) {
    const errors = new Map();
    if (response && response.ok !== true && Array.isArray(response.errors)) {
      for (const error of response.errors) {
        const name = Calculator.fieldName(error.field);
        if (!errors.has(name)) errors.set(name, String(error.message || ""));
      }
    }
    for (const box of this.form.querySelectorAll(".kmo-field-error[data-kmo-error-for]")) {
      const name = box.dataset.kmoErrorFor;
      const message = errors.get(name);
      const element = this.form.elements.namedItem(name);
      const controls = !element ? [] : element.tagName ? [element] : [...element];
      const typed = controls.some((c) => (c.type === "radio" ? false : c.value !== ""));
      const show = message !== undefined && (this.touched.has(name) || typed);
      box.hidden = !show;
      box.textContent = show ? message : "";
      for (const control of controls) {
        const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== box.id);
        if (show) {
          control.setAttribute("aria-invalid", "true");
          described.push(box.id);
        } else {
          control.removeAttribute("aria-invalid");
        }
        if (described.length) control.setAttribute("aria-describedby", described.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    }
  }

  // ------------------------------------------------------------------ print and advice

  inputSummary(state) {
    const lines = [];
    const labelOf = (name) => {
      const element = this.focusTarget(name);
      const box = element && element.parentElement && element.parentElement.closest("[data-kmo-short]");
      if (box) return box.dataset.kmoShort;
      const label = element && element.labels && element.labels[0];
      return label ? label.textContent.trim() : name;
    };
    const shown = (name, text) => {
      const element = this.form.elements.namedItem(name);
      if (element && element.tagName === "SELECT") {
        const option = [...element.options].find((o) => o.value === text);
        return option ? option.textContent.replace(/^[\s\u00a0–-]+/, "").trim() : text;
      }
      if (element && !element.tagName) {
        const radio = [...element].find((r) => r.value === text);
        if (radio && radio.dataset.kmoShort) return radio.dataset.kmoShort;
        const label = radio && radio.closest("label");
        return label ? label.textContent.trim() : text;
      }
      if (name === "date") return longDate(text);
      return text;
    };
    for (const [name, text] of state || []) {
      if (text === "") continue;
      if (/^(partner|linked)_/.test(name)) {
        const kind = name.split("_")[0];
        const index = name.split("_").pop();
        const title = `${ROW_KINDS[kind].title} ${Number(index) + 1}`;
        lines.push([`${title}: ${labelOf(name)}`, text]);
      } else {
        lines.push([labelOf(name), shown(name, text)]);
      }
    }
    return lines;
  }

  fillPrintInputs() {
    const list = this.result.querySelector('[data-kmo-out="inputs"]');
    if (!list) return;
    const state = this.lastState || this.readState();
    const nodes = [];
    for (const [label, value] of this.inputSummary(state)) {
      const wrap = document.createElement("div");
      const dt = document.createElement("dt");
      const dd = document.createElement("dd");
      dt.textContent = label;
      dd.textContent = value;
      wrap.append(dt, dd);
      nodes.push(wrap);
    }
    list.replaceChildren(...nodes);
    const url = this.result.querySelector('[data-kmo-out="printed-url"]');
    if (url) url.textContent = `Deze simulatie online: ${location.href}`;
  }

  updateAdvice(state, response) {
    if (!this.advice) return;
    const parts = ["Simulatie kmo-portefeuille"];
    for (const name of ["service", "theme", "cost", "date", "received"]) {
      const line = this.inputSummary(new Map([[name, state.get(name) || ""]]))[0];
      if (line) parts.push(`${line[0]}: ${line[1]}`);
    }
    if (response && response.ok === true) {
      parts.push(`Grootte: ${this.sizeLabels[response.size] || response.size}`);
      parts.push(`Steun: ${euro(response.support)} (${percent(response.rate_percent)})`);
      parts.push(`Eigen bijdrage: ${euro(response.own_share)}`);
      if (response.summary) parts.push(String(response.summary));
    } else {
      parts.push("De simulatie is nog niet volledig ingevuld.");
    }
    parts.push(`Link: ${location.href}`);
    const url = new URL(this.adviceBase, location.href);
    url.searchParams.set("simulatie", parts.join("\n"));
    this.advice.href = url.href;
  }
}
