// Small helpers for writing the rules' answer into the page: everything as text, never as HTML.

/** The element of #kmo-result (or another root) that shows one output: [data-kmo-out="name"]. */
export function out(root, name) {
  return root.querySelector(`[data-kmo-out="${name}"]`);
}

/** A value as shown: "–" when there is none. */
export function shown(text) {
  return text === undefined || text === null || text === "" ? "–" : String(text);
}

/** A list of the response, as <li> items filled by render(li, item). */
export function listItems(list, items, render) {
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    render(li, item);
    return li;
  }));
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

/** " (bron)" after an item that names its source: an external link, its title as tooltip. */
export function appendSource(li, item) {
  const source = safeLink(item.source);
  if (!source) return;
  const link = document.createElement("a");
  link.href = source;
  link.rel = "noopener noreferrer external";
  link.textContent = "bron";
  if (item.source_title) link.title = String(item.source_title);
  li.append(document.createTextNode(" ("), link, document.createTextNode(")"));
}

/** A reason of the rule trace: its message (bold when it stands in the way) and its source. */
export function traced(li, reason) {
  li.textContent = String(reason.message || "");
  if (reason.blocking) li.classList.add("kmo-list__blocking");
  appendSource(li, reason);
}

/** A message with its date in bold: where the message names it, else in front ("<b>date</b>: …"). */
export function datedText(li, item) {
  const message = String(item.message || "");
  const date = item.date_display ? String(item.date_display) : "";
  const at = date ? message.indexOf(date) : -1;
  if (!date) {
    li.textContent = message;
    return;
  }
  const strong = document.createElement("strong");
  strong.textContent = date;
  if (at < 0) li.append(strong, document.createTextNode(`: ${message}`));
  else li.append(document.createTextNode(message.slice(0, at)), strong, document.createTextNode(message.slice(at + date.length)));
}

/** A step of "Wat moet je nu doen": its dated text, then its link when it has one (the
 * application at VLAIO). */
export function stepText(li, item) {
  datedText(li, item);
  const href = item.link && safeLink(item.link.href);
  if (!href) return;
  const link = document.createElement("a");
  link.href = href;
  link.rel = "noopener noreferrer external";
  link.textContent = String(item.link.text || href);
  li.append(document.createTextNode(" "), link);
}

/** Add (on) or remove an id from a control's aria-describedby, keeping the others. */
export function describe(control, id, on) {
  const ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
}
