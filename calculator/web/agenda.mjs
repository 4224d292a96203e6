// "Zet de termijnen in je agenda": the deadlines of the current answer as a calendar file, made in
// the browser. The rules package writes the iCalendar text (kmo_portefeuille.calendar, asked of the
// worker); this module offers it as a download, and as text to copy where a download is blocked.
// Nothing leaves the browser. The button is offered when the answer has a step with a date
// (answer.next, a plan's per service): the calendar holds one event for each. The hand-off
// (summary.mjs) names the same steps with their dates (deadlineLines).

export const FILE_NAME = "kmo-portefeuille-termijnen.ics";
export const MIME_TYPE = "text/calendar";
// The download has started by then; an object URL revoked at once can abort it in some browsers.
const REVOKE_AFTER_MS = 60000;

const COPIED = "Gekopieerd.";
const NOT_COPIED = "Kopiëren lukt niet: de tekst is geselecteerd, kopieer hem zelf.";
const FAILED = "De termijnen konden niet gemaakt worden. Probeer het opnieuw.";

/** The dated steps of a response: [{service, step}], service the row index in a plan (null for a
 *  single request). The same steps the print, the hand-off and the calendar show. */
export function datedSteps(response) {
  if (!response || response.ok !== true) return [];
  const rows = Array.isArray(response.services) ? response.services : [response];
  const plan = Array.isArray(response.services);
  return rows.flatMap((row, index) => {
    const next = row && row.answer && Array.isArray(row.answer.next) ? row.answer.next : [];
    return next.filter((step) => step && step.date).map((step) => ({ service: plan ? index : null, step }));
  });
}

// The hand-off names each deadline in a few words (the contact page keeps the first 2,000
// characters of the message: a plan's full sentences would push out the link to the simulation);
// another dated step by its own message.
const STEP_WORDS = {
  aanvraag: "aanvraag indienen",
  eigen_bijdrage: "eigen bijdrage storten",
  afronding: "afronden en opdracht tot betaling geven",
};

/** One line per service with the dates of its steps, in the calendar's words: "Termijnen: eigen
 *  bijdrage storten uiterlijk 1 april 2026, …", in a plan "Dienst 2: …". */
export function deadlineLines(response) {
  const byService = new Map();
  for (const { service, step } of datedSteps(response)) {
    const words = step.code in STEP_WORDS ? `${STEP_WORDS[step.code]} uiterlijk ${step.date_display}` : String(step.message);
    byService.set(service, [...(byService.get(service) || []), words]);
  }
  return [...byService].map(([service, steps]) => `${service === null ? "Termijnen" : `Dienst ${service + 1}`}: ${steps.join(", ")}`);
}

/** The calendar file as a download: a Blob behind a link with a file name, clicked. `later(fn)`
 *  runs fn once the download has started (tests run it at once). */
export function download(text, doc = document, later = (fn) => setTimeout(fn, REVOKE_AFTER_MS)) {
  const url = URL.createObjectURL(new Blob([text], { type: MIME_TYPE }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = FILE_NAME;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  later(() => URL.revokeObjectURL(url));
}

/** Copy the text of a visible text area: the clipboard API, else the old command. */
async function copy(area) {
  area.select();
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/**
 * The agenda block in #kmo-result ([data-kmo-agenda]). `calendarText()` gives a promise of the
 * iCalendar text of the form as it is now (null when it has no dated step). Returns show(response),
 * called with every answer shown.
 */
export function mountAgenda(root, calendarText) {
  const block = root.querySelector("[data-kmo-agenda]");
  if (!block) return { show() {} };
  const button = block.querySelector("[data-kmo-agenda-download]");
  const copyBox = block.querySelector("[data-kmo-agenda-copy]");
  const area = block.querySelector("[data-kmo-agenda-text]");
  const status = block.querySelector("[data-kmo-agenda-status]");

  const fetchText = async () => {
    try {
      const text = await calendarText();
      status.textContent = text ? "" : FAILED;
      return text;
    } catch {
      status.textContent = FAILED;
      return null;
    }
  };
  const fillCopy = async () => {
    area.value = (await fetchText()) || "";
  };

  button.addEventListener("click", async () => {
    const text = await fetchText();
    if (!text) return;
    area.value = text;
    download(text);
  });
  copyBox.addEventListener("toggle", () => {
    if (copyBox.open) fillCopy();
  });
  block.querySelector("[data-kmo-agenda-copy-button]").addEventListener("click", async () => {
    if (!area.value) await fillCopy();
    status.textContent = (await copy(area)) ? COPIED : NOT_COPIED;
  });

  return {
    show(response) {
      block.hidden = datedSteps(response).length === 0;
      status.textContent = "";
      // The text follows the answer: an open copy box is filled again, a closed one on opening.
      area.value = "";
      if (!block.hidden && copyBox.open) fillCopy();
    },
  };
}
