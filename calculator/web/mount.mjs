// Loaded on every page. Mounts the calculator and the contact form where the page has them,
// also after Material's instant navigation swaps a page in (document$ emits again).
// Only the calculator page loads the calculator (and so Pyodide).

const WIDGETS = [
  ["[data-kmo-rekenhulp]", "./calculator.mjs"],
  ["[data-kmo-contact]", "./contact.mjs"],
];

function mountAll() {
  for (const [selector, file] of WIDGETS) {
    const elements = document.querySelectorAll(selector);
    if (elements.length === 0) continue;
    import(new URL(file, import.meta.url).href).then(
      (module) => {
        for (const element of elements) {
          if (element.isConnected) module.mount(element);
        }
        performance.mark?.(`kmo:mounted ${file}`);
      },
      (error) => console.warn(`kmo: ${file} kon niet geladen worden`, error),
    );
  }
}

let subscribed = false;

function subscribe() {
  if (subscribed) return true;
  const stream = window.document$;
  if (!stream || typeof stream.subscribe !== "function") return false;
  subscribed = true;
  stream.subscribe(() => mountAll());
  return true;
}

// Material's bundle defines document$ (a replaying subject) before deferred modules run; if it
// is not there yet (or not at all, e.g. another theme), wait for the page to load and fall back.
if (!subscribe()) {
  const later = () => {
    if (!subscribe()) mountAll();
  };
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}
