// The floor, moved into a module worker like the calculator's runtime. Chromium's CPU throttling
// slows a page's main thread only, so on the CPU profiles this is the floor the worker is held to.
const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
performance.mark("floor:worker-created");
const result = document.getElementById("kmo-result");
worker.addEventListener("message", (event) => {
  performance.mark("floor:pyodide");
  result.dataset.support = String(event.data);
  result.dataset.state = "ready";
});
