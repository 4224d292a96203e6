// The runtime's files as the worker fetches them: counted while they stream in, so the page can
// show how far the download is (and notice when it stands still), and checked, so a file that
// cannot be used fails at once instead of leaving Pyodide waiting.
//
// Sizes: a host that compresses (GitHub Pages gzips the wasm and the JSON) sends no
// Content-Length, and the stream gives the bytes after decompression. The build writes every
// runtime file's size, raw and gzipped (sizes.mjs), so the bytes as served can be told anyway.

const WASM_TYPE = "application/wasm";

function describe(error) {
  return String(error && error.message ? error.message : error);
}

/** The base64 SHA-256 of bytes, in Subresource Integrity form; null where SubtleCrypto is missing
 *  (an insecure context: plain http on a host that is not this machine). */
async function integrityOf(bytes) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  let text = "";
  for (const byte of digest) text += String.fromCharCode(byte);
  return `sha256-${btoa(text)}`;
}

/**
 * Counted downloads. `sizes`: {file: {raw, gzip}}; `report(progress)` receives
 * {received, total, done} (bytes as served) at most every `intervalMs`; `onBroken(file, error)`
 * hears of every file that failed (network error, HTTP status, wrong MIME type, broken stream).
 */
export function createDownloads({ sizes, report, onBroken = () => {}, intervalMs = 150, fetcher = globalThis.fetch.bind(globalThis), now = () => performance.now(), timers = globalThis }) {
  const files = new Map(); // file -> {expected, received, done, since}
  const planned = new Set();
  const waiters = new Set();
  let compresses = false; // does the host compress? learnt from the first response
  let known = false; // is the plan complete enough to show a total?
  let last = "";
  let timer = null;

  const estimate = (file) => {
    const size = sizes[file];
    return size ? (compresses ? size.gzip : size.raw) : 0;
  };
  const expected = (file) => (files.has(file) ? files.get(file).expected : estimate(file));

  function progress() {
    let received = 0;
    let total = 0;
    let done = planned.size > 0;
    for (const [file, entry] of files) if (!planned.has(file)) received += Math.min(entry.received, entry.expected);
    for (const file of planned) {
      const entry = files.get(file);
      total += expected(file);
      received += entry ? Math.min(entry.received, entry.expected) : 0;
      done = done && !!entry && entry.done;
    }
    return { received, total: known ? Math.max(total, received) : 0, done: known && done };
  }

  function flush() {
    timer = null;
    const now = progress();
    const text = JSON.stringify(now);
    if (text !== last) {
      last = text;
      report(now);
    }
  }

  function changed(urgent = false) {
    for (const waiter of [...waiters]) waiter();
    if (urgent) {
      if (timer !== null) timers.clearTimeout(timer);
      flush();
    } else if (timer === null) {
      timer = timers.setTimeout(flush, intervalMs);
    }
  }

  function broken(file, error) {
    const entry = files.get(file);
    if (entry) {
      entry.expected = entry.received; // what will not come does not count as still to come
      entry.done = true;
    }
    changed(true);
    onBroken(file, error);
  }

  /** A response whose body is read at once (also while nobody consumes it yet: the wasm is
   *  fetched before Pyodide asks for it) and counted. */
  function counted(file, response) {
    const encoded = !!response.headers.get("content-encoding");
    if (files.size === 0) compresses = encoded;
    const size = sizes[file];
    const length = Number(response.headers.get("content-length")) || 0;
    const served = encoded ? (size ? size.gzip : length) : length || (size ? size.raw : 0);
    // Bytes after decompression, scaled to the bytes as served.
    const scale = encoded && size && size.raw ? served / size.raw : 1;
    const entry = { expected: served, received: 0, decoded: 0, done: false, since: now() };
    files.set(file, entry);
    changed();
    if (!response.body) {
      entry.done = true;
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream({
      start(controller) {
        const pump = () =>
          reader.read().then(
            ({ done, value }) => {
              if (done) {
                entry.done = true;
                entry.received = entry.expected = Math.max(entry.received, Math.round(entry.decoded * scale));
                controller.close();
                changed(true);
                return;
              }
              entry.decoded += value.byteLength;
              entry.received = Math.round(entry.decoded * scale);
              controller.enqueue(value);
              changed();
              pump();
            },
            (error) => {
              controller.error(error);
              broken(file, new Error(`${file}: de download brak af (${describe(error)})`));
            },
          );
        pump();
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  /** fetch(), counted and checked: rejects on a network error, an HTTP error or a wasm that is
   *  not served as application/wasm. A file fetched again after it came in whole is not counted
   *  twice. */
  function download(file, input, init) {
    const again = files.has(file) && files.get(file).done && files.get(file).expected > 0;
    // Low priority: the page's own files (the form's modules, styles) come first on a slow line.
    return fetcher(input, { priority: "low", ...init }).then(
      (response) => {
        let problem = null;
        if (!response.ok) problem = `HTTP ${response.status}`;
        else if (file.endsWith(".wasm") && !(response.headers.get("content-type") || "").startsWith(WASM_TYPE)) {
          problem = `geen ${WASM_TYPE} maar ${response.headers.get("content-type")}`;
        }
        if (problem) {
          const error = new Error(`${file}: ${problem}`);
          if (!again) files.set(file, { expected: 0, received: 0, decoded: 0, done: true, since: now() });
          broken(file, error);
          throw error;
        }
        return again ? response : counted(file, response);
      },
      (error) => {
        const failure = new Error(`${file}: ${describe(error)}`);
        broken(file, failure);
        throw failure;
      },
    );
  }

  /** The file's bytes, checked against its Subresource Integrity string. */
  async function verified(file, url, integrity) {
    const subtle = globalThis.crypto && globalThis.crypto.subtle;
    // Without SubtleCrypto the browser checks it (the bytes are then counted only at the end).
    const response = await download(file, url, subtle ? undefined : { integrity });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const found = await integrityOf(bytes);
    if (found !== null && found !== integrity) throw new Error(`${file}: de inhoud klopt niet (integrity)`);
    return bytes;
  }

  /** Resolves once `bytes` (as served) of file are in, `ms` after its first response, or when it
   *  is complete: {bytes, ms, done}, the throughput measured on it. */
  function sample(file, { bytes, ms }) {
    return new Promise((resolve) => {
      let clock = null;
      const check = (force = false) => {
        const entry = files.get(file);
        if (!entry) return;
        const elapsed = now() - entry.since;
        if (clock === null && !entry.done) clock = timers.setTimeout(() => check(true), Math.max(0, ms - elapsed));
        if (force || entry.done || entry.received >= bytes || elapsed >= ms) {
          waiters.delete(check);
          if (clock !== null) timers.clearTimeout(clock);
          resolve({ bytes: entry.received, ms: elapsed, done: entry.done });
        }
      };
      waiters.add(check);
      check();
    });
  }

  return {
    download,
    verified,
    sample,
    /** Files the chosen start needs (adds to those planned before); `complete` shows the total. */
    plan(names, complete = true) {
      for (const name of names) planned.add(name);
      known = known || complete;
      changed(true);
    },
    /** The file's size as served, as far as known now. */
    expected,
    progress,
  };
}
