// The calculator's form in the page: its controls by name, the rows the visitor adds (partner and
// linked enterprises, and the services 2.. of a year plan), which blocks show, and a state from
// fields.mjs put back into the controls.

import { ASSUMED, FIELDS, MAX_ROWS, MODE, PLAN, planName, readState, rowCounts } from "./fields.mjs";

// Per kind of row: its title and remove text (numbered from 1 on screen), its template, its fields'
// names for a row index (from 0), and `offset`: the rows before the first one added (a plan's row 1
// is the service step's own fields).
const ROW_KINDS = {
  partner: { title: "Partneronderneming", remove: "Verwijder partneronderneming", template: "company", offset: 0 },
  linked: { title: "Verbonden onderneming", remove: "Verwijder verbonden onderneming", template: "company", offset: 0 },
  [PLAN]: { title: "Dienst", remove: "Verwijder dienst", template: PLAN, offset: 1 },
};
const nameOf = (kind, part, index) => (kind === PLAN ? planName(part, index) : `${kind}_${part}_${index}`);

/** Give a row's field box (data-kmo-part) its name: the controls, their id, label, hint and error. */
function nameBox(box, name) {
  box.dataset.kmoField = name;
  const controls = [...box.querySelectorAll("input, select")];
  const target = box.tagName === "FIELDSET" ? box : controls[0];
  for (const control of controls) control.name = name;
  target.id = `kmo-${name}`;
  const label = box.querySelector(":scope > label");
  if (label) {
    if (label.dataset.kmoLabel) label.textContent = label.dataset.kmoLabel;
    label.htmlFor = target.id;
  }
  const hint = box.querySelector(".kmo-hint");
  if (hint) {
    hint.id = `kmo-hint-${name}`;
    target.setAttribute("aria-describedby", hint.id);
  } else {
    target.removeAttribute("aria-describedby");
  }
  const error = box.querySelector(".kmo-field-error");
  error.id = `kmo-error-${name}`;
  error.dataset.kmoErrorFor = name;
  // A warning shown under the field was about the row's old number: the next answer shows it again.
  for (const warning of box.querySelectorAll("[data-kmo-warning-for]")) warning.remove();
}

export class Form {
  constructor(form) {
    this.form = form;
    // name -> control: a lookup by name walks every control, and a year plan reads a hundred of
    // them per keystroke. Emptied whenever rows are added, removed or renamed.
    this.named = new Map();
    // select or radio group -> (value -> the text the form shows for it)
    this.choiceTexts = new WeakMap();
  }

  /** The control of a name: an element, or the list of a radio group. */
  control(name) {
    if (!this.named.has(name)) this.named.set(name, this.form.elements.namedItem(name));
    return this.named.get(name);
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
    for (const [kind, { offset }] of Object.entries(ROW_KINDS)) {
      for (let i = this.rows(kind).length + offset; i < (counts[kind] || 0); i++) this.reveal(this.addRow(kind));
    }
    for (const [name, text] of state) {
      this.set(name, text);
      const first = this.controls(name)[0];
      if (text !== "" && first) this.reveal(first);
    }
  }

  /** A choice's text as the form shows it (a select's option, a radio's short text or label), or
   * the text itself when the control is not a choice or has no such value. */
  choiceText(name, text) {
    const element = this.control(name);
    if (!element) return text;
    let texts = this.choiceTexts.get(element);
    if (!texts) this.choiceTexts.set(element, (texts = new Map()));
    if (!texts.has(text)) texts.set(text, this.shownText(element, text));
    return texts.get(text);
  }

  shownText(element, text) {
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
    return text;
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

  // ------------------------------------------------------------------ rows (partners, linked, services)

  /** Rows per kind, a plan's row 1 included ({partner: 0, linked: 1, service: 1}). */
  rowCounts() {
    return Object.fromEntries(Object.entries(ROW_KINDS).map(([kind, { offset }]) => [kind, this.rows(kind).length + offset]));
  }

  rows(kind) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    return holder ? [...holder.querySelectorAll(":scope > .kmo-row")] : [];
  }

  /** A new empty row at the end; null when there is no room. */
  addRow(kind) {
    const holder = this.form.querySelector(`[data-kmo-rows="${kind}"]`);
    const spec = ROW_KINDS[kind];
    const template = spec && this.form.querySelector(`template[data-kmo-row-template="${spec.template}"]`);
    if (!holder || !template || this.rows(kind).length + spec.offset >= MAX_ROWS) return null;
    const row = template.content.firstElementChild.cloneNode(true);
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
    this.named.clear();
    this.numberRows(kind);
    const rows = this.rows(kind);
    const next = rows[Math.min(index, rows.length - 1)];
    return next ? this.firstControl(next) : this.form.querySelector(`[data-kmo-add="${kind}"]`);
  }

  firstControl(row) {
    return row.querySelector("input, select");
  }

  /** "Dienst 2": the title of a row by its index (from 0, a plan's row 1 included). */
  rowTitle(kind, index) {
    return `${ROW_KINDS[kind].title} ${index + 1}`;
  }

  /** The short label of a part of a row ("Prijs zonder btw"), from the row's template. */
  partLabel(kind, part) {
    const template = this.form.querySelector(`template[data-kmo-row-template="${ROW_KINDS[kind].template}"]`);
    const box = template && template.content.querySelector(`[data-kmo-part="${part}"]`);
    return box ? box.dataset.kmoShort : part;
  }

  /** Rows are numbered from 1 on screen; their fields are named by index (partner_share_0, cost_2). */
  numberRows(kind) {
    this.named.clear();
    const { remove, offset } = ROW_KINDS[kind];
    const rows = this.rows(kind);
    rows.forEach((row, position) => {
      const index = position + offset;
      row.querySelector("[data-kmo-row-title]").textContent = this.rowTitle(kind, index);
      row.querySelector("[data-kmo-remove]").textContent = `${remove} ${index + 1}`;
      for (const box of row.querySelectorAll("[data-kmo-part]")) nameBox(box, nameOf(kind, box.dataset.kmoPart, index));
    });
    if (kind !== PLAN) return;
    // With a second service, the first one gets its title too; a full plan takes no more.
    const first = this.form.querySelector("[data-kmo-plan-first]");
    if (first) first.hidden = rows.length === 0;
    const full = rows.length + offset >= MAX_ROWS;
    const add = this.form.querySelector(`[data-kmo-add="${kind}"]`);
    if (add) add.hidden = full;
    const note = this.form.querySelector(`[data-kmo-full="${kind}"]`);
    if (note) note.hidden = !full;
  }
}
