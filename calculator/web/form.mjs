// The calculator's form in the page: its controls by name, the partner and linked rows the visitor
// adds, which blocks show, and a state from fields.mjs put back into the controls.

import { ASSUMED, FIELDS, MAX_ROWS, MODE, ROWS, readState, rowCounts } from "./fields.mjs";

const ROW_TEXT = {
  partner: { title: "Partneronderneming", remove: "Verwijder partneronderneming" },
  linked: { title: "Verbonden onderneming", remove: "Verwijder verbonden onderneming" },
};

export class Form {
  constructor(form) {
    this.form = form;
    this.template = form.querySelector("template[data-kmo-row-template]");
  }

  /** The control of a name: an element, or the list of a radio group. */
  control(name) {
    return this.form.elements.namedItem(name);
  }

  /** The elements behind a name (one, or each radio of a group). */
  controls(name) {
    const element = this.control(name);
    return !element ? [] : element.tagName ? [element] : [...element];
  }

  /** The control's text: the value typed or chosen, "" when nothing is. */
  value(name) {
    const element = this.control(name);
    if (!element) return "";
    if (!element.tagName) {
      const checked = [...element].find((e) => e.checked);
      return checked ? checked.value : "";
    }
    if (element.type === "radio") return element.checked ? element.value : "";
    return element.value;
  }

  set(name, text) {
    const element = this.control(name);
    if (!element) return;
    if (!element.tagName || element.type === "radio") {
      for (const radio of this.controls(name)) radio.checked = radio.value === text;
    } else if (element.tagName === "SELECT") {
      if ([...element.options].some((o) => o.value === text)) element.value = text;
    } else {
      element.value = text;
    }
  }

  state() {
    return readState((name) => this.value(name), this.rowCounts());
  }

  /** Put a state (stateFromQuery) into the form: rows first, then every value it holds. */
  restore(state) {
    const counts = rowCounts(state.keys());
    for (const kind of Object.keys(ROWS)) {
      for (let i = this.rows(kind).length; i < counts[kind]; i++) this.reveal(this.addRow(kind));
    }
    for (const [name, text] of state) {
      this.set(name, text);
      const first = this.controls(name)[0];
      if (text !== "" && first) this.reveal(first);
    }
  }

  /** The element the keyboard focus goes to for a name: the control, or a group's first radio. */
  focusTarget(name) {
    return this.controls(name)[0] || null;
  }

  /** Open every <details> around an element. */
  reveal(element) {
    for (let node = element && element.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && node.closest("form") === this.form) node.open = true;
    }
  }

  /** The folded section's summary: what is assumed, or that the visitor changed it. */
  updateAssumed() {
    const changed = ASSUMED.some((name) => {
      const text = this.value(name);
      return text !== "" && text !== FIELDS.find((field) => field.name === name).default;
    });
    for (const span of this.form.querySelectorAll("[data-kmo-assumed]")) {
      span.hidden = (span.dataset.kmoAssumed === "changed") !== changed;
    }
  }

  /** Open the folded section of what is assumed and put the focus in its first question. */
  openAssumed() {
    const details = this.form.querySelector('[data-kmo-details="assumed"]');
    if (!details) return;
    details.open = true;
    const first = details.querySelector("input, select");
    if (first) first.focus();
  }

  updateVisibility() {
    const mode = this.value(MODE.name) || MODE.default;
    for (const block of this.form.querySelectorAll("[data-kmo-when]")) {
      const [name, value] = block.dataset.kmoWhen.split("=");
      block.hidden = name === MODE.name && value !== mode;
    }
  }

  // ------------------------------------------------------------------ rows (partners, linked)

  rowCounts() {
    return Object.fromEntries(Object.keys(ROWS).map((kind) => [kind, this.rows(kind).length]));
  }

  rows(kind) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    return holder ? [...holder.querySelectorAll(":scope > .kmo-row")] : [];
  }

  /** A new empty row at the end; null when there is no room. */
  addRow(kind) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    if (!holder || !this.template || !ROW_TEXT[kind] || this.rows(kind).length >= MAX_ROWS) return null;
    const row = this.template.content.firstElementChild.cloneNode(true);
    row.dataset.kmoKind = kind;
    holder.append(row);
    this.numberRows(kind);
    return row;
  }

  /** Remove a row; gives the element the keyboard focus should go to (next row, else the add button). */
  removeRow(row) {
    const kind = row.dataset.kmoKind;
    const index = this.rows(kind).indexOf(row);
    row.remove();
    this.numberRows(kind);
    const rows = this.rows(kind);
    const next = rows[Math.min(index, rows.length - 1)];
    return next ? next.querySelector("input") : this.form.querySelector(`[data-kmo-add="${kind}"]`);
  }

  rowTitle(kind, index) {
    return `${ROW_TEXT[kind].title} ${index + 1}`;
  }

  /** Rows are numbered from 1 on screen; their fields are named by index (partner_share_0). */
  numberRows(kind) {
    this.rows(kind).forEach((row, index) => {
      row.querySelector("[data-kmo-row-title]").textContent = this.rowTitle(kind, index);
      row.querySelector("[data-kmo-remove]").textContent = `${ROW_TEXT[kind].remove} ${index + 1}`;
      for (const box of row.querySelectorAll("[data-kmo-part]")) {
        const name = `${kind}_${box.dataset.kmoPart}_${index}`;
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
}
