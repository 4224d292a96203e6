// Runs before any script of the page: when the first answer appears (#kmo-result gets
// data-state="ready" with data-support set), and the main thread's long tasks.
(() => {
  const bench = (window.__bench = { ready: null, support: null, longtasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const check = (el) => {
    if (bench.ready !== null || !el || el.id !== "kmo-result") return;
    if (el.dataset.state === "ready" && el.dataset.support) {
      bench.ready = performance.now();
      bench.support = el.dataset.support;
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") check(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1) { check(n); n.querySelector && check(n.querySelector("#kmo-result")); }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-support"] });
})();
