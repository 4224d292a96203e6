// The floor: the site's own Pyodide files on the main thread, evaluating 1+1.
import { loadPyodide } from "../../assets/pyodide/pyodide.mjs";

performance.mark("floor:script");
const pyodide = await loadPyodide({ indexURL: new URL("../../assets/pyodide/", import.meta.url).href });
performance.mark("floor:pyodide");
const result = document.getElementById("kmo-result");
result.dataset.support = String(pyodide.runPython("1+1"));
result.dataset.state = "ready";
