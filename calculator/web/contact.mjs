// The contact form: Dutch validation, then a POST to the form endpoint or a mail via mailto:.
// mount.mjs calls mount(element) for every [data-kmo-contact] element on the page.
//
// The build checked every value the partial writes (site_overrides/kmo_build/contact.py); this
// script takes them as they are. The root element carries:
//   data-kmo-endpoint  extra.contact.form_endpoint, allowed by the build; empty -> mailto
//   data-kmo-email     extra.contact.email, the mailto: address
//   data-kmo-phone, data-kmo-phone-href   extra.contact.phone(_href), in the fallback message
// and each field's maxlength is its limit, which validate() also checks (a script or a pasted
// prefill is not stopped by maxlength).
// and after mount:
//   data-kmo-mode      "post" | "mailto"
//   data-kmo-state     "idle" | "invalid" | "sending" | "mail-opened" | "dropped"
//                      | "copied" | "selected" (after "Kopieer mijn bericht", mailto mode only)
//   data-kmo-mailto    the last mailto: URL opened
// Before opening a mail it dispatches a cancelable "kmo-contact:mailto" event (detail.url) on the
// root element; a listener may cancel the navigation and handle the URL itself.

const FIELDS = ["naam", "bedrijf", "email", "telefoon", "bericht", "toestemming"];
const HONEYPOT = "website";
const PREFILL_INTRO = "Ik wil graag advies over deze simulatie:";
const PREFILL_MAX = 2000;
const CONSENT_TEXT = "Ik ga akkoord dat ECX mijn gegevens gebruikt om mij te contacteren.";
const MAILTO_LONG = 2000;
const SUBJECT = "Contactaanvraag via de website";

const LOCAL_PART = /^[^\s@"<>()[\]\\,;:]+$/u;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;
const PHONE = /^\+?[0-9 ()./-]+$/;

// ------------------------------------------------------------------ pure helpers (exported)

export function isEmail(value) {
  const text = String(value);
  const at = text.lastIndexOf("@");
  if (at < 1 || at === text.length - 1) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  return DOMAIN.test(domain);
}

export function isPhone(value) {
  const text = String(value);
  if (!PHONE.test(text)) return false;
  const digits = text.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

/** Field errors for the values of the form: [{field, message}] in form order. A field the form
 *  does not ask (absent from values: without an endpoint it asks only the message) is not checked.
 *  limits: the longest value per field ({naam, bedrijf, email, telefoon, bericht}). */
export function validate(values, limits) {
  const errors = [];
  const add = (field, message) => errors.push({ field, message });
  const naam = (values.naam ?? "").trim();
  const bedrijf = (values.bedrijf ?? "").trim();
  const email = (values.email ?? "").trim();
  const telefoon = (values.telefoon ?? "").trim();
  const bericht = (values.bericht ?? "").trim();

  const asked = (name) => values[name] !== undefined;
  if (!asked("naam")) {
    // not asked
  } else if (!naam) add("naam", "Vul je naam in.");
  else if (naam.length > limits.naam) add("naam", `Je naam mag hoogstens ${limits.naam} tekens lang zijn.`);

  if (bedrijf.length > limits.bedrijf) {
    add("bedrijf", `De naam van je bedrijf mag hoogstens ${limits.bedrijf} tekens lang zijn.`);
  }

  if (!asked("email")) {
    // not asked
  } else if (!email) add("email", "Vul je e-mailadres in, zodat we je kunnen antwoorden.");
  else if (email.length > limits.email) add("email", `Je e-mailadres mag hoogstens ${limits.email} tekens lang zijn.`);
  else if (!isEmail(email)) add("email", "Dit is geen geldig e-mailadres. Schrijf het zo: naam@bedrijf.be.");

  if (telefoon.length > limits.telefoon) {
    add("telefoon", `Je telefoonnummer mag hoogstens ${limits.telefoon} tekens lang zijn.`);
  } else if (telefoon && !isPhone(telefoon)) {
    add("telefoon", "Dit is geen geldig telefoonnummer. Gebruik cijfers, bijvoorbeeld 0470 12 34 56 of +32 470 12 34 56.");
  }

  if (!bericht) add("bericht", "Schrijf kort waarover je vraag gaat.");
  else if (bericht.length > limits.bericht) {
    add("bericht", `Je bericht mag hoogstens ${limits.bericht} tekens lang zijn (nu ${bericht.length}). Maak het wat korter.`);
  }

  if (asked("toestemming") && !values.toestemming) {
    add("toestemming", "Vink aan dat ECX je gegevens mag gebruiken om je te contacteren. Anders kunnen we je niet antwoorden.");
  }
  return errors;
}

function crlf(text) {
  return String(text).replace(/\r\n?|\n/g, "\r\n");
}

/** A mailto: URL with a subject and a body holding every field the form asks, all
 *  percent-encoded. Without the name (the form asks only the message) the mail is the message. */
export function mailtoUrl(address, values) {
  const to = encodeURIComponent(String(address).trim()).replace(/%40/g, "@");
  if (values.naam === undefined) {
    const body = (values.bericht ?? "").trim();
    return `mailto:${to}?subject=${encodeURIComponent(SUBJECT)}&body=${encodeURIComponent(crlf(body))}`;
  }
  const naam = (values.naam ?? "").trim();
  const bedrijf = (values.bedrijf ?? "").trim();
  const leeg = "(niet ingevuld)";
  const subject = `${SUBJECT}: ${bedrijf ? `${naam}, ${bedrijf}` : naam}`;
  const body = [
    `Naam: ${naam}`,
    `Bedrijf: ${bedrijf || leeg}`,
    `E-mail: ${(values.email ?? "").trim()}`,
    `Telefoon: ${(values.telefoon ?? "").trim() || leeg}`,
    "",
    "Bericht:",
    (values.bericht ?? "").trim(),
    "",
    `Toestemming: ja. ${CONSENT_TEXT}`,
  ].join("\n");
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf(body))}`;
}

/** The visitor's message as plain text, for "Kopieer mijn bericht": the filled-in fields, then
 *  the message ("" when the message is empty). */
export function messageText(values) {
  const bericht = (values.bericht ?? "").trim();
  if (!bericht) return "";
  const lines = [];
  for (const [label, name] of [["Naam", "naam"], ["Bedrijf", "bedrijf"], ["E-mail", "email"], ["Telefoon", "telefoon"]]) {
    const value = (values[name] ?? "").trim();
    if (value) lines.push(`${label}: ${value}`);
  }
  return [...lines, ...(lines.length ? [""] : []), bericht].join("\n");
}

/** Copy text: the clipboard API, else a hidden textarea and execCommand("copy").
 *  Resolves true when copied, false when the browser refused both. */
async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission, no focus): try the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.style.position = "fixed";
  area.style.top = "0";
  area.style.left = "-9999px";
  document.body.append(area);
  let copied = false;
  try {
    area.select();
    copied = typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return Boolean(copied);
}

/** The message prefill for ?simulatie=<text>: plain text, control characters removed. */
export function prefillText(summary) {
  let text = String(summary ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();
  if (!text) return "";
  if (text.length > PREFILL_MAX) text = `${text.slice(0, PREFILL_MAX - 1)}…`;
  return `${PREFILL_INTRO}\n${text}\n\n`;
}

// ------------------------------------------------------------------ the form

function readValues(form) {
  const control = (name) => form.elements.namedItem(name);
  const values = {};
  for (const name of FIELDS) {
    const element = control(name);
    if (!element) continue;
    values[name] = element.type === "checkbox" ? element.checked : element.value;
  }
  const trap = control(HONEYPOT);
  values[HONEYPOT] = trap ? trap.value : "";
  return values;
}

/** The limits the partial wrote as maxlength attributes. */
function limitsOf(form) {
  const limits = {};
  for (const name of FIELDS) {
    const element = form.elements.namedItem(name);
    if (element && element.maxLength > 0) limits[name] = element.maxLength;
  }
  return limits;
}

function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

export function mount(root) {
  if (!root || root.dataset.kmoMounted === "true") return;
  const form = root.querySelector("form");
  if (!form) return;
  root.dataset.kmoMounted = "true";

  const endpoint = (root.dataset.kmoEndpoint || "").trim();
  const address = (root.dataset.kmoEmail || "").trim();
  const limits = limitsOf(form);
  const phone = (root.dataset.kmoPhone || "").trim();
  const phoneHref = (root.dataset.kmoPhoneHref || "").trim();
  const status = root.querySelector("#kmo-contact-status") || root.querySelector("[role=status]");

  form.noValidate = true;
  if (endpoint) {
    form.setAttribute("action", endpoint);
    form.setAttribute("method", "post");
    form.setAttribute("enctype", "application/x-www-form-urlencoded");
  } else {
    form.setAttribute("action", `mailto:${address}`);
  }
  root.dataset.kmoMode = endpoint ? "post" : "mailto";
  root.dataset.kmoState = "idle";

  const control = (name) => form.elements.namedItem(name);
  const errorFor = (name) => root.querySelector(`[data-kmo-error-for="${name}"]`);

  // ?simulatie=<text> from the calculator: plain text into the message, never HTML.
  const message = control("bericht");
  const summary = new URLSearchParams(window.location.search).get("simulatie");
  if (message && summary && !message.value.trim()) {
    message.value = prefillText(summary);
  }

  const setStatus = (parts) => {
    if (!status) return;
    status.replaceChildren(...parts);
  };

  const showError = (name, text) => {
    const input = control(name);
    const box = errorFor(name);
    if (input) {
      if (text) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (box) {
      box.textContent = text || "";
      box.hidden = !text;
    }
    const wrapper = root.querySelector(`[data-kmo-field="${name}"]`);
    if (wrapper) wrapper.classList.toggle("kmo-contact__field--invalid", Boolean(text));
  };

  const showErrors = (errors, only = null) => {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    for (const name of only ? [only] : FIELDS) showError(name, byField.get(name) || "");
  };

  let attempted = false;
  let sending = false;

  const revalidate = (event) => {
    if (!attempted) return;
    const name = event.target && event.target.name;
    if (!FIELDS.includes(name)) return;
    showErrors(validate(readValues(form), limits), name);
  };
  form.addEventListener("input", revalidate);
  form.addEventListener("change", revalidate);

  // Back from the endpoint's page (back/forward cache): the form may be sent again.
  const onPageShow = () => {
    if (!root.isConnected) {
      window.removeEventListener("pageshow", onPageShow); // swapped out by instant navigation
      return;
    }
    sending = false;
    if (root.dataset.kmoState === "sending") {
      root.dataset.kmoState = "idle";
      setStatus([]);
    }
  };
  window.addEventListener("pageshow", onPageShow);

  // Without an endpoint: "Kopieer mijn bericht" keeps the visitor's text for a webmail.
  const copy = root.querySelector("[data-kmo-copy]");
  if (copy && !endpoint) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      const text = messageText(readValues(form));
      if (!text) {
        setStatus([el("p", "Schrijf eerst je bericht. Dan kun je het kopiëren.", { class: "kmo-contact__status-fout" })]);
        if (message) message.focus();
        return;
      }
      if (await copyText(text)) {
        root.dataset.kmoState = "copied";
        const done = el("p", "");
        done.append(
          "Je bericht is gekopieerd. Plak het in een nieuwe mail aan ",
          el("a", address, { href: `mailto:${address}` }),
          ".",
        );
        setStatus([done]);
        return;
      }
      // Copying is refused: select the message, so the visitor can copy it by hand.
      root.dataset.kmoState = "selected";
      if (message) {
        message.focus();
        message.select();
      }
      setStatus([el("p", "Je bericht is geselecteerd. Kopieer het nu zelf: Ctrl+C, of op je gsm lang drukken en Kopiëren.")]);
    });
  }

  form.addEventListener("submit", (event) => {
    if (sending) {
      event.preventDefault();
      return;
    }
    const values = readValues(form);

    // A filled honeypot: drop it silently, thank as usual.
    if (values[HONEYPOT]) {
      event.preventDefault();
      form.reset();
      showErrors([]);
      attempted = false;
      root.dataset.kmoState = "dropped";
      setStatus([el("p", "Bedankt voor je bericht. We nemen zo snel mogelijk contact met je op.")]);
      return;
    }

    attempted = true;
    const errors = validate(values, limits);
    showErrors(errors);
    if (errors.length > 0) {
      event.preventDefault();
      root.dataset.kmoState = "invalid";
      const count = errors.length;
      setStatus([
        el(
          "p",
          count === 1
            ? "Je bericht is nog niet verstuurd: één veld vraagt je aandacht."
            : `Je bericht is nog niet verstuurd: ${count} velden vragen je aandacht.`,
          { class: "kmo-contact__status-fout" },
        ),
      ]);
      const first = control(errors[0].field);
      if (first) first.focus();
      return;
    }

    // Send what was validated: no stray spaces around the short fields.
    for (const name of ["naam", "bedrijf", "email", "telefoon", "bericht"]) {
      const input = control(name);
      if (input) input.value = input.value.trim();
    }

    if (endpoint) {
      // A plain HTML form POST to the endpoint: no fetch, no CORS.
      sending = true;
      root.dataset.kmoState = "sending";
      setStatus([el("p", "Je bericht wordt verstuurd…")]);
      return;
    }

    event.preventDefault();
    const url = mailtoUrl(address, readValues(form));
    root.dataset.kmoMailto = url;
    root.dataset.kmoState = "mail-opened";
    const fallback = el("p", "");
    fallback.append(
      "Opent er geen e-mailprogramma? Mail je vraag dan naar ",
      el("a", address, { href: `mailto:${address}` }),
    );
    if (phone && phoneHref) {
      fallback.append(" of bel gratis ", el("a", phone, { href: phoneHref }));
    }
    fallback.append(".");
    const parts = [el("p", "Je e-mailprogramma opent met je bericht. Kijk het na en verstuur de mail daar.")];
    if (url.length > MAILTO_LONG) {
      // Some mail programs cut off long mailto: links.
      parts.push(el("p", "Je bericht is lang: kijk na of het volledig in de mail staat."));
    }
    parts.push(fallback);
    setStatus(parts);
    const go = new CustomEvent("kmo-contact:mailto", { detail: { url }, cancelable: true, bubbles: true });
    if (root.dispatchEvent(go)) window.location.href = url;
  });
}
