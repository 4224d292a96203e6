// Run request/response cases through kmo_portefeuille inside Pyodide (Node, npm's pyodide).
//
//   node tests/pyodide/run_cases.mjs <assets-dir> <cases.json> <out.json> [<snapshot.gz> | <stdlib.zip>]
//
// <assets-dir> holds what the site serves under assets/pyodide/: the trimmed pyodide-lock.json
// and the wheel it names. The package is installed the way the browser does it,
// loadPackage(<the lock's package name>), so the lock entry is exercised too (Node reads the
// local wheel without checking its sha256; the browser's fetch does check it).
// With <snapshot.gz> (the build's memory snapshot, site_overrides/kmo_build/snapshot.py) Pyodide
// is restored from it instead, with the empty standard library, and every case goes through the
// worker's entry function (calculator/web/entry.mjs), as in the browser.
// With <stdlib.zip> (the build's trimmed standard library, site_overrides/kmo_build/stdlib.py)
// Pyodide starts the normal way with it as its standard library, and the wheel is unpacked and
// the entry function made as the worker's normal start does.
// <cases.json> is [{"name", "request", ...}]; <out.json> receives
// {"pyodide", "python", "package", "responses": [{"name", "response"}]}.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";
import { EMPTY_STDLIB, ENTRY_NAME, ENTRY_SOURCE } from "../../calculator/web/entry.mjs";

const [assetsDir, casesFile, outFile, startFile] = process.argv.slice(2);
if (!assetsDir || !casesFile || !outFile) {
  console.error("usage: node run_cases.mjs <assets-dir> <cases.json> <out.json> [<snapshot.gz> | <stdlib.zip>]");
  process.exit(2);
}

const assets = path.resolve(assetsDir) + path.sep;
const lockFile = path.join(assets, "pyodide-lock.json");
const lock = JSON.parse(await readFile(lockFile, "utf8"));
const packageName = Object.keys(lock.packages)[0];
const cases = JSON.parse(await readFile(casesFile, "utf8"));

const quiet = {
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
};

async function fromWheel() {
  const pyodide = await loadPyodide({ lockFileURL: lockFile, packageCacheDir: assets, packageBaseUrl: assets, ...quiet });
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
  const responses = JSON.parse(run(JSON.stringify(cases)));
  run.destroy();
  return { pyodide, responses };
}

function throughEntry(pyodide) {
  const entry = pyodide.globals.get(ENTRY_NAME);
  const responses = cases.map((c) => ({ name: c.name, response: JSON.parse(entry(JSON.stringify(c.request))) }));
  entry.destroy();
  return { pyodide, responses };
}

async function fromSnapshot() {
  const snapshot = new Uint8Array(gunzipSync(await readFile(startFile)));
  const stdLibURL = path.join(assets, "empty-stdlib.zip");
  await writeFile(stdLibURL, EMPTY_STDLIB);
  return throughEntry(await loadPyodide({ lockFileURL: lockFile, _loadSnapshot: snapshot, stdLibURL, ...quiet }));
}

async function fromTrimmedStdlib() {
  const pyodide = await loadPyodide({ lockFileURL: lockFile, stdLibURL: path.resolve(startFile), ...quiet });
  const wheel = await readFile(path.join(assets, lock.packages[packageName].file_name));
  pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
  pyodide.runPython(ENTRY_SOURCE);
  return throughEntry(pyodide);
}

const start = !startFile ? fromWheel : startFile.endsWith(".zip") ? fromTrimmedStdlib : fromSnapshot;
const { pyodide, responses } = await start();
const origin = pyodide.runPython("import kmo_portefeuille; kmo_portefeuille.__file__");
const python = pyodide.runPython("import sys; sys.version");
await writeFile(
  outFile,
  JSON.stringify({ pyodide: version, python, package: packageName, origin, responses }, null, 1),
);
