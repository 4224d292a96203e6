import { loadPyodide } from "../../assets/pyodide/pyodide.mjs";

const pyodide = await loadPyodide({ indexURL: new URL("../../assets/pyodide/", import.meta.url).href });
postMessage(pyodide.runPython("1+1"));
