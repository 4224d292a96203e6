// The calculator's fields, in one table: the form control's name (also its URL key), where its
// text goes in the request, and its kind. The request, the URL and the restore from a URL are all
// derived from this table, so they cannot drift apart. No DOM here: tests/web/ runs it in Node.
//
// A state is a Map of field name -> text as typed, for the fields in use, in table order.
// Kinds:
//   mode    how the company is described ("size" or "figures"); picks the fields in use, not sent
//   choice  a radio group or select, sent as its value
//   text    typed text, sent as typed (the rules package parses it)
//   yesno   a ja/nee question, sent as true/false
//   year    a calendar year, sent as a number (received.mjs fills it when the visitor answers)
// `when` ties a field to one mode. `default` is what the form shows untouched: the URL and the
// request leave it out. The order is the form's: what is bought, the company, received. `reports` lists request paths whose errors this field shows (the company as a whole).
// `plan` marks the fields of one service: a year plan repeats them, row 2 as `date_2`, `cost_2`, …
// (row 1 keeps its names, so every link made so far still works). With two rows or more the request
// is a plan: `services: [{date, service, theme, cost}, …]` instead of those fields at the top.

export const MAX_ROWS = 20;
const ROW_PARTS = ["share", "fte", "turnover", "balance_sheet_total"];
// Partner and linked enterprises: rows the visitor adds. "[i]" is the row's index (from 0).
export const ROWS = {
  partner: { path: "company.partners" },
  linked: { path: "company.linked" },
};
const INDEX = "[i]";

const rowFields = (row) =>
  ROW_PARTS.map((part) => ({ name: `${row}_${part}_${INDEX}`, path: `${ROWS[row].path}${INDEX}.${part}`, kind: "text", when: "figures", row, part, first: part === ROW_PARTS[0] }));

export const FIELDS = [
  { name: "service", path: "service", kind: "choice", plan: true },
  { name: "theme", path: "theme", kind: "choice", plan: true },
  { name: "cost", path: "cost", kind: "text", plan: true },
  { name: "date", path: "date", kind: "text", plan: true },
  { name: "company", kind: "mode", default: "size" },
  { name: "size", path: "company.size", kind: "choice", when: "size" },
  { name: "fte", path: "company.fte", kind: "text", when: "figures", reports: ["company"] },
  { name: "turnover", path: "company.turnover", kind: "text", when: "figures" },
  { name: "balance_sheet_total", path: "company.balance_sheet_total", kind: "text", when: "figures" },
  { name: "prev_fte", path: "company.previous.fte", kind: "text", when: "figures" },
  { name: "prev_turnover", path: "company.previous.turnover", kind: "text", when: "figures" },
  { name: "prev_balance_sheet_total", path: "company.previous.balance_sheet_total", kind: "text", when: "figures" },
  ...rowFields("partner"),
  ...rowFields("linked"),
  { name: "legal_form", path: "checklist.legal_form", kind: "yesno", default: "ja" },
  { name: "flanders", path: "checklist.flanders", kind: "yesno", default: "ja" },
  { name: "main_activity", path: "checklist.main_activity", kind: "yesno", default: "ja" },
  { name: "public_share", path: "company.public_share", kind: "text" },
  { name: "maatwerkbedrijf", path: "company.maatwerkbedrijf", kind: "yesno", default: "nee" },
  { name: "received", path: "received", kind: "text" },
  { name: "received_year", path: "received_year", kind: "year" },
];

export const MODE = FIELDS.find((field) => field.kind === "mode");
// The questions the rules assume an answer to when the request leaves them out (the folded section).
export const ASSUMED = FIELDS.filter((field) => field.kind === "yesno" || field.name === "public_share").map((field) => field.name);
// URL parameters starting with this tune the page (e.g. kmo_stall); they are not simulation input.
const TUNING = "kmo_";

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regular expression for a row field's name or path, capturing the index. */
function pattern(template, index) {
  const [before, after] = template.split(INDEX);
  return new RegExp(`^${escape(before)}${index}${escape(after)}$`);
}

// Indexes as the form writes them: "0", "12", never "012".
const INDEX_DIGITS = "(0|[1-9]\\d*)";
const NAME_PATTERNS = FIELDS.filter((f) => f.row).map((f) => ({ field: f, re: pattern(f.name, INDEX_DIGITS) }));

// ------------------------------------------------------------------ the services of a year plan

export const PLAN = "service"; // the row kind of a plan's services (rowCounts, rowOf)
const PLAN_FIELDS = FIELDS.filter((field) => field.plan);
export const PLAN_PARTS = PLAN_FIELDS.map((field) => field.name);
// Suffixes 2 to MAX_ROWS, written as the form writes them ("cost_2", never "cost_02" or "cost_1").
const PLAN_NAME = new RegExp(`^(${PLAN_PARTS.join("|")})_([2-9]|1\\d|20)$`);
const PLAN_PATH = /^services\[(\d+)\]\.(\w+)$/;

/** A plan field's name: row 1 (index 0) keeps the part's own name, row 2 is "cost_2". */
export function planName(part, index) {
  return index === 0 ? part : `${part}_${index + 1}`;
}

/** {part, index} of a plan row's field ("cost_3" -> {part: "cost", index: 2}); row 1's names give null. */
export function planRowOf(name) {
  const match = PLAN_NAME.exec(name);
  return match && Number(match[2]) <= MAX_ROWS ? { part: match[1], index: Number(match[2]) - 1 } : null;
}

/** Row 1's fields, then those of rows 2.. (row by row); in a plan each is sent as services[i].part. */
function planFields(count) {
  const fields = [];
  for (let index = 0; index < count; index++) {
    for (const field of PLAN_FIELDS) {
      const path = count > 1 ? `services[${index}].${field.name}` : field.path;
      fields.push({ ...field, name: planName(field.name, index), path, index, first: index > 0 && field === PLAN_FIELDS[0] });
    }
  }
  return fields;
}

/** The fields in use for a mode (null: every mode) and row counts ({partner: 2, service: 3}), rows
 * numbered. `service` counts the services of a plan, row 1 included (1 when absent). */
export function fieldsInUse(mode, rows = {}) {
  const used = [];
  const done = new Set();
  for (const field of FIELDS) {
    if (mode !== null && field.when && field.when !== mode) continue;
    if (field.plan) {
      if (field === PLAN_FIELDS[0]) used.push(...planFields(Math.min(Math.max(rows[PLAN] || 1, 1), MAX_ROWS)));
      continue;
    }
    if (!field.row) {
      used.push(field);
      continue;
    }
    if (done.has(field.row)) continue;
    done.add(field.row);
    // Row by row: partner 0 (share, fte, ...), then partner 1, ...
    const parts = FIELDS.filter((f) => f.row === field.row);
    for (let index = 0; index < Math.min(rows[field.row] || 0, MAX_ROWS); index++) {
      for (const part of parts) {
        used.push({ ...part, name: part.name.replace(INDEX, String(index)), path: part.path.replace(INDEX, `[${index}]`), index });
      }
    }
  }
  return used;
}

/** The field's row and index when its name is a row field's ("partner_share_0", "cost_2": index 1),
 * else null (row 1 of a plan too: its names are those of a single request). */
export function rowOf(name) {
  const service = planRowOf(name);
  if (service) return { row: PLAN, index: service.index };
  for (const { field, re } of NAME_PATTERNS) {
    const match = re.exec(name);
    if (match) return { row: field.row, index: Number(match[1]) };
  }
  return null;
}

/** How many rows of each kind a set of names holds ({partner: 1, linked: 0}); `service` (the rows of
 * a plan, row 1 included) only when there is a row 2 or more. */
export function rowCounts(names) {
  const counts = Object.fromEntries(Object.keys(ROWS).map((row) => [row, 0]));
  for (const name of names) {
    const found = rowOf(name);
    if (found && found.index < MAX_ROWS) counts[found.row] = Math.max(counts[found.row] || 0, found.index + 1);
  }
  return counts;
}

/** The state of a form: read(name) gives a control's text ("" when empty or nothing chosen). */
export function readState(read, rows) {
  const mode = read(MODE.name) || MODE.default;
  return new Map(fieldsInUse(mode, rows).map((field) => [field.name, field.kind === "mode" ? mode : read(field.name)]));
}

function modeOf(state) {
  return state.get(MODE.name) || MODE.default;
}

function setPath(target, path, value) {
  const steps = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let node = target;
  steps.slice(0, -1).forEach((step, i) => {
    if (node[step] === undefined) node[step] = /^\d+$/.test(steps[i + 1]) ? [] : {};
    node = node[step];
  });
  node[steps[steps.length - 1]] = value;
}

/** A field's text as the request carries it. */
function sent(field, text) {
  if (field.kind === "yesno") return text === "ja";
  if (field.kind === "year" && /^\d{4}$/.test(text)) return Number(text);
  return text;
}

/** A yes/no answer still at its default: the rules assume it when the request leaves it out. */
export function assumedAnswer(name, text) {
  const field = FIELDS.find((f) => f.name === name);
  return !!field && field.kind === "yesno" && text === field.default;
}

/**
 * The JSON request for a state: every answer as typed. Empty ones are left out, and so is a yes/no
 * answer still at its default: the rules then assume it and say so (answer.assumed).
 */
export function requestFrom(state) {
  const request = { company: {}, checklist: {} };
  const fields = fieldsInUse(modeOf(state), rowCounts(state.keys()));
  // A row counts even when it is still empty.
  for (const field of fields) {
    if (field.first || (field.plan && field.index === 0 && field.name === PLAN_PARTS[0] && field.path !== field.name)) {
      setPath(request, field.path.replace(/\.[^.]+$/, ""), {});
    }
  }
  for (const field of fields) {
    const text = state.get(field.name);
    if (field.kind === "mode" || text === undefined || text === "") continue;
    if (assumedAnswer(field.name, text)) continue;
    setPath(request, field.path, sent(field, text));
  }
  return request;
}

/** The query string for a state; the tuning parameters of `current` are kept. */
export function queryFrom(state, current = new URLSearchParams()) {
  const params = new URLSearchParams();
  for (const [key, text] of current) if (key.startsWith(TUNING)) params.append(key, text);
  for (const field of fieldsInUse(modeOf(state), rowCounts(state.keys()))) {
    const text = state.get(field.name) ?? "";
    // An empty row still counts as a row: its first field (a partner's share, a service's kind) is
    // written, if empty.
    if ((text === "" && !field.first) || text === field.default) continue;
    params.set(field.name, text);
  }
  return params.toString();
}

/**
 * The state a URL's parameters describe: the mode and the fields they set, also those of the other
 * mode (the form keeps them for when the visitor switches); unknown and tuning keys are ignored.
 */
export function stateFromQuery(params) {
  const keys = [...params.keys()];
  const figures = FIELDS.some((f) => f.when === "figures" && !f.row && params.has(f.name));
  const sized = FIELDS.some((f) => f.when === "size" && params.has(f.name));
  const mode = params.get(MODE.name) === "figures" || (!params.has(MODE.name) && figures && !sized) ? "figures" : MODE.default;
  const state = new Map();
  for (const field of fieldsInUse(null, rowCounts(keys))) {
    if (field.kind === "mode") state.set(field.name, mode);
    else if (params.has(field.name)) state.set(field.name, params.get(field.name));
  }
  return state;
}

/** The form field that shows an error of the response ("company.partners.0.share" -> "partner_share_0",
 * "services[1].cost" -> "cost_2"). */
export function fieldOfError(path) {
  const text = String(path || "").replace(/\.(\d+)(?=\.|$)/g, "[$1]");
  const service = PLAN_PATH.exec(text);
  if (service) {
    const index = Number(service[1]);
    return PLAN_PARTS.includes(service[2]) && index < MAX_ROWS ? planName(service[2], index) : null;
  }
  for (const field of FIELDS) {
    if (!field.path) continue;
    if ((field.reports || []).includes(text)) return field.name;
    if (!field.row) {
      if (field.path === text) return field.name;
      continue;
    }
    const match = pattern(field.path, `\\[${INDEX_DIGITS}\\]`).exec(text);
    if (match) return field.name.replace(INDEX, match[1]);
  }
  return null;
}
