// The calculator's own worker (assets/kmo/worker.mjs) on a bare page: the worker and the rules
// without the theme's page around them (what the page itself costs on a shared CPU).
import request from "../request.json" with { type: "json" };

const worker = new Worker(new URL("../../assets/kmo/worker.mjs", import.meta.url), { type: "module" });
performance.mark("kmo:worker-created");
const result = document.getElementById("kmo-result");
worker.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "ready") performance.mark("kmo:ready-received");
  if (data.id !== 1) return;
  performance.mark("kmo:answer-received");
  result.dataset.support = data.response ? String(JSON.parse(data.response).support) : "";
  result.dataset.state = "ready";
});
worker.postMessage({ id: 1, request: JSON.stringify(request) });
