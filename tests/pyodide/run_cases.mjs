// Run request/response cases through kmo_portefeuille inside Pyodide (Node, npm's pyodide).
//
//   node tests/pyodide/run_cases.mjs <assets-dir> <cases.json> <out.json>
//
// <assets-dir> holds what the site serves under assets/pyodide/: the trimmed pyodide-lock.json
// and the wheel it names. The package is installed the way the browser does it,
// loadPackage(<the lock's package name>), so the lock entry is exercised too (Node reads the
// local wheel without checking its sha256; the browser's fetch does check it).
// <cases.json> is [{"name", "request", ...}]; <out.json> receives
// {"pyodide", "python", "package", "responses": [{"name", "response"}]}.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadPyodide, version } from "pyodide";

const [assetsDir, casesFile, outFile] = process.argv.slice(2);
if (!assetsDir || !casesFile || !outFile) {
  console.error("usage: node run_cases.mjs <assets-dir> <cases.json> <out.json>");
  process.exit(2);
}

const assets = path.resolve(assetsDir) + path.sep;
const lockFile = path.join(assets, "pyodide-lock.json");
const lock = JSON.parse(await readFile(lockFile, "utf8"));
const packageName = Object.keys(lock.packages)[0];
const cases = JSON.parse(await readFile(casesFile, "utf8"));

const pyodide = await loadPyodide({
  lockFileURL: lockFile,
  packageCacheDir: assets,
  packageBaseUrl: assets,
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
await pyodide.loadPackage(packageName, {
  messageCallback: () => {},
  errorCallback: (message) => process.stderr.write(message + "\n"),
  checkIntegrity: true,
});

const run = pyodide.runPython(`
import json, sys
import kmo_portefeuille

def run(text):
    return json.dumps([
        {"name": case["name"], "response": kmo_portefeuille.evaluate(case["request"])}
        for case in json.loads(text)
    ])
run
`);
const origin = pyodide.runPython("import kmo_portefeuille; kmo_portefeuille.__file__");
const python = pyodide.runPython("import sys; sys.version");
const responses = JSON.parse(run(JSON.stringify(cases)));
run.destroy();

await writeFile(
  outFile,
  JSON.stringify({ pyodide: version, python, package: packageName, origin, responses }, null, 1),
);
