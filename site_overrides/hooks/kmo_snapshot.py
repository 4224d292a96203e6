"""MkDocs hook: a Pyodide memory snapshot with the rules already imported, for a fast first answer.

Adds to the site (after kmo_assets.py has added the wheel and the Pyodide core):

    assets/pyodide/kmo-<hash>.snapshot.gz   Pyodide's memory after start-up, the rules package
                                            imported and its parameters loaded (gzipped)
    assets/kmo/snapshot.mjs                 `export const SNAPSHOT = {file, integrity}`
    assets/pyodide/kmo-<hash>-stdlib.zip    the standard library trimmed to what the snapshot had
                                            imported, for the normal start (kmo_stdlib.py)
    assets/kmo/stdlib.mjs                   `export const STDLIB = {file, integrity}`
    assets/kmo/sizes.mjs                    every runtime file's size, raw and gzipped (kmo_sizes.py)

Restoring it skips the interpreter's start-up, most of the time before the first answer
(bench/README.md has the figures). The worker fetches it with Subresource Integrity, decompresses
it itself (GitHub Pages sends a .gz file as it is, without Content-Encoding), and starts Pyodide
the normal way when the snapshot is missing, refused or cannot be restored.

The snapshot is made by Node (calculator/snapshot/make_snapshot.mjs) with the Pyodide of
node_modules, the one the site ships, and cached under .cache/kmo-snapshot/ by a hash of
everything it is made from, so a rebuild without a change costs nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# A sibling hook: mkdocs puts this folder on sys.path while it loads a hook.
from kmo_assets import (
    PYODIDE_DIR,
    PYODIDE_FILES,
    PYODIDE_PREFIX,
    WEB_PREFIX,
    add_file,
    file_module,
    project_root,
    prune,
)
from kmo_sizes import sizes_module
from kmo_stdlib import listing, trimmed_stdlib
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.kmo_snapshot")

MAKER = Path("calculator") / "snapshot" / "make_snapshot.mjs"
ENTRY = Path("calculator") / "web" / "entry.mjs"
CACHE_DIR = Path(".cache") / "kmo-snapshot"
KEEP_CACHED = 3


def snapshot_key(root: Path, wheel: Path) -> str:
    """A hash of everything the snapshot is made from."""
    digest = hashlib.sha256()
    pyodide = [root / PYODIDE_DIR / name for name in ("package.json", *PYODIDE_FILES)]
    inputs = [root / MAKER, root / ENTRY, wheel, *pyodide]
    for path in inputs:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def make_snapshot(root: Path, wheel: Path) -> Path:
    """The gzipped snapshot for this wheel and the Pyodide in node_modules, made when not cached."""
    key = snapshot_key(root, wheel)
    target = root / CACHE_DIR / key / f"kmo-{key}.snapshot.gz"
    if target.is_file():
        os.utime(target.parent)  # most recently used
        return target
    node = shutil.which("node")
    if node is None:
        raise PluginError("kmo_snapshot: Node.js is needed to build the site (`make setup` installs what it needs)")
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent.parent, prefix="tmp-") as tmp:
        partial = Path(tmp) / target.name
        command = [node, str(root / MAKER), str(root / PYODIDE_DIR), str(wheel), str(partial)]
        log.info("kmo_snapshot: making the Pyodide memory snapshot")
        result = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=300)
        if result.returncode != 0 or not partial.is_file():
            raise PluginError(
                f"kmo_snapshot: {MAKER} failed (exit {result.returncode}):\n"
                + (result.stdout[-2000:] + result.stderr[-3000:]).strip()
            )
        log.debug("kmo_snapshot: %s", result.stdout.strip())
        target.parent.mkdir(exist_ok=True)
        os.replace(partial, target)
        os.replace(listing(partial), listing(target))
    prune(root / CACHE_DIR, keep=target.parent, count=KEEP_CACHED)
    return target


def on_files(files, config):
    wheels = [f for f in files if f.src_uri.startswith(PYODIDE_PREFIX + "/") and f.src_uri.endswith(".whl")]
    if len(wheels) != 1 or not wheels[0].abs_src_path:
        raise PluginError("kmo_snapshot: expected the rules wheel in assets/pyodide/ (list kmo_assets.py first in hooks)")
    snapshot = make_snapshot(project_root(config), Path(wheels[0].abs_src_path))
    add_file(files, config, f"{PYODIDE_PREFIX}/{snapshot.name}", snapshot)
    module = file_module("SNAPSHOT", snapshot, "the Pyodide memory snapshot", "kmo_snapshot.py")
    add_file(files, config, f"{WEB_PREFIX}/snapshot.mjs", module)
    stdlib = trimmed_stdlib(project_root(config) / PYODIDE_DIR / "python_stdlib.zip", snapshot)
    add_file(files, config, f"{PYODIDE_PREFIX}/{stdlib.name}", stdlib)
    add_file(files, config, f"{WEB_PREFIX}/stdlib.mjs", file_module("STDLIB", stdlib, "the trimmed standard library", "kmo_stdlib.py"))
    add_file(files, config, f"{WEB_PREFIX}/sizes.mjs", sizes_module(files, PYODIDE_PREFIX))
    return files
