// One edit of a ready calculator, timed inside the page: from the input event on the field
// (what Playwright's fill dispatches, or a scripted change) to the next new data-support on
// #kmo-result. Arms the watch and returns; `window.__edit.done` resolves to the ms.
([selector]) => {
  const result = document.getElementById("kmo-result");
  const field = document.querySelector(selector);
  const before = result.dataset.support;
  const edit = (window.__edit = { start: null, end: null });
  field.addEventListener("input", () => { edit.start = performance.now(); }, { once: true, capture: true });
  edit.done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (edit.start !== null && result.dataset.state === "ready" && result.dataset.support && result.dataset.support !== before) {
        observer.disconnect();
        edit.end = performance.now();
        resolve(edit.end - edit.start);
      }
    });
    observer.observe(result, { attributes: true, attributeFilter: ["data-state", "data-support"] });
  });
  return true;
}
