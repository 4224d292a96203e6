// Where the time goes: User Timing marks of the page (start.mjs, mount.mjs, the floor page) and
// when some of the page's own files finished loading, all in ms since navigation start.
() => {
  const out = {};
  for (const m of performance.getEntriesByType("mark")) if (!(m.name in out)) out[m.name] = Math.round(m.startTime);
  const nav = performance.getEntriesByType("navigation")[0];
  if (nav) {
    out["html:responseEnd"] = Math.round(nav.responseEnd);
    out["domContentLoaded"] = Math.round(nav.domContentLoadedEventEnd);
  }
  const keys = { "bundle.": "bundle", "search_index.json": "search_index", "workers/search": "search_worker",
                 "start.mjs": "start.mjs", "pyodide.asm.wasm": "wasm", "python_stdlib.zip": "stdlib" };
  for (const r of performance.getEntriesByType("resource")) {
    for (const [part, name] of Object.entries(keys)) {
      if (r.name.includes(part) && !(("res:" + name) in out)) out["res:" + name] = Math.round(r.responseEnd);
    }
  }
  for (const p of performance.getEntriesByType("paint")) out[p.name] = Math.round(p.startTime);
  out.timeOrigin = performance.timeOrigin;
  return out;
}
