// Build step: a memory snapshot of Pyodide with the rules package imported and warmed up.
//
//   node calculator/snapshot/make_snapshot.mjs <pyodide-dir> <wheel> <out.gz>
//
// Also writes <out.gz>.stdlib.json: the standard library files imported when it is taken.
// Starting the interpreter is most of Pyodide's start-up time; a browser that restores this
// snapshot skips it (calculator/web/worker.mjs). The snapshot belongs to the exact Pyodide
// build in <pyodide-dir> (the one the site ships) and is written gzipped: hosts do not compress
// binary files, and the worker decompresses it with DecompressionStream.
// `_makeSnapshot`/`makeMemorySnapshot` are Pyodide's own (private) snapshot API: the version is
// pinned in package-lock.json, and the worker falls back to a normal start when a restore fails.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { EMPTY_STDLIB, ENTRY_NAME, ENTRY_SOURCE, WARM_UP } from "../web/entry.mjs";

/**
 * Freed memory still holds what was there (import buffers, temporary objects), and gzip has to
 * keep it. Zero-filled blocks of falling sizes are allocated into the heap's holes, each size
 * until a block lands past the heap's break (the holes of that size are full), then freed: the
 * snapshot is 1 MB (16%) smaller gzipped. The memory must not grow: Pyodide restores a snapshot
 * only into its initial memory. The break is passed in as a number, so Python keeps no
 * JavaScript reference (the snapshot could not hold one).
 */
function zeroFreedMemory(pyodide) {
  const memory = () => pyodide._module.HEAP8.length;
  const before = memory();
  pyodide.globals.set("_kmo_break", pyodide._module._sbrk(0));
  pyodide.runPython(`
def _kmo_zero_freed_memory(brk):
    import gc

    gc.collect()
    blocks = []
    for size in (1 << 16, 1 << 14, 4096, 1000, 480, 240, 112, 48, 16):
        for _ in range(200_000):
            blocks.append(bytes(size))
            if id(blocks[-1]) >= brk:
                break
    del blocks
    gc.collect()

_kmo_zero_freed_memory(_kmo_break)
del _kmo_zero_freed_memory, _kmo_break
`);
  if (memory() !== before) {
    console.error(`zeroing freed memory grew it (${before} -> ${memory()} bytes): the snapshot would not restore`);
    process.exit(1);
  }
}

/**
 * The files of the standard library zip that are imported now: what Pyodide's start-up, the
 * unpacking of the wheel, the rules and a request need. The build keeps only these for the
 * normal start (site_overrides/kmo_build/stdlib.py), as the snapshot start needs nothing more.
 */
function importedStdlib(pyodide) {
  const listing = pyodide.runPython(`
def _kmo_imported_stdlib():
    import json
    import sys

    root = next(path for path in sys.path if path.endswith(".zip")) + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    return json.dumps(sorted(name[len(root):] for name in files if name.startswith(root)))

_kmo_imported_stdlib()
`);
  pyodide.runPython("del _kmo_imported_stdlib");
  return JSON.parse(listing);
}

const [pyodideDir, wheelFile, outFile] = process.argv.slice(2);
if (!pyodideDir || !wheelFile || !outFile) {
  console.error("usage: node make_snapshot.mjs <pyodide-dir> <wheel> <out.gz>");
  process.exit(2);
}

const { loadPyodide } = await import(pathToFileURL(path.join(path.resolve(pyodideDir), "pyodide.mjs")).href);
const quiet = { stdout: () => {}, stderr: () => {} };
const pyodide = await loadPyodide({ _makeSnapshot: true, env: {}, ...quiet });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelFile)), "wheel");
pyodide.runPython(ENTRY_SOURCE);
const warm = pyodide.globals.get(ENTRY_NAME)(JSON.stringify(WARM_UP));
if (!JSON.parse(warm).ok) {
  console.error(`the warm-up request was refused: ${warm}`);
  process.exit(1);
}
await writeFile(`${outFile}.stdlib.json`, JSON.stringify(importedStdlib(pyodide)));
zeroFreedMemory(pyodide);
const snapshot = pyodide.makeMemorySnapshot();

// Check it the way the browser uses it: restored, with an empty standard library.
const scratch = await mkdtemp(path.join(tmpdir(), "kmo-snapshot-"));
try {
  const stdLibURL = path.join(scratch, "empty-stdlib.zip");
  await writeFile(stdLibURL, EMPTY_STDLIB);
  const restored = await loadPyodide({ _loadSnapshot: snapshot, stdLibURL, ...quiet });
  const again = restored.globals.get(ENTRY_NAME)(JSON.stringify(WARM_UP));
  if (again !== warm) {
    console.error(`the restored snapshot answers differently:\n${again}\n${warm}`);
    process.exit(1);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

await writeFile(outFile, gzipSync(snapshot, { level: 9 }));
console.log(JSON.stringify({ bytes: snapshot.length, pyodide: pyodide.version }));
