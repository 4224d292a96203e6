"""A Pyodide memory snapshot with the rules already imported, for a fast first answer.

Made by Node (calculator/snapshot/make_snapshot.mjs) with the Pyodide of node_modules, the one the
site ships, and cached under .cache/kmo-snapshot/ by a hash of everything it is made from, so a
rebuild without a change costs nothing. The worker fetches it with Subresource Integrity,
decompresses it itself (GitHub Pages sends a .gz file as it is), and starts Pyodide the normal way
when the snapshot is missing, refused or cannot be restored.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import BuildError
from .stdlib import listing
from .layout import PYODIDE_DIR, PYODIDE_FILES, SNAPSHOT_CACHE, SNAPSHOT_ENTRY, SNAPSHOT_MAKER, prune

log = logging.getLogger("mkdocs.hooks.kmo_build.snapshot")

KEEP_CACHED = 3


def snapshot_key(root: Path, wheel: Path) -> str:
    """A hash of everything the snapshot is made from."""
    digest = hashlib.sha256()
    pyodide = [root / PYODIDE_DIR / name for name in ("package.json", *PYODIDE_FILES)]
    inputs = [root / SNAPSHOT_MAKER, root / SNAPSHOT_ENTRY, wheel, *pyodide]
    for path in inputs:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def make_snapshot(root: Path, wheel: Path) -> Path:
    """The gzipped snapshot for this wheel and the Pyodide in node_modules, made when not cached."""
    key = snapshot_key(root, wheel)
    target = root / SNAPSHOT_CACHE / key / f"kmo-{key}.snapshot.gz"
    if target.is_file():
        os.utime(target.parent)  # most recently used
        return target
    node = shutil.which("node")
    if node is None:
        raise BuildError("kmo_build: Node.js is needed to build the site (`make setup` installs what it needs)")
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent.parent, prefix="tmp-") as tmp:
        partial = Path(tmp) / target.name
        command = [node, str(root / SNAPSHOT_MAKER), str(root / PYODIDE_DIR), str(wheel), str(partial)]
        log.info("kmo_build: making the Pyodide memory snapshot")
        result = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=300)
        if result.returncode != 0 or not partial.is_file():
            raise BuildError(
                f"kmo_build: {SNAPSHOT_MAKER} failed (exit {result.returncode}):\n"
                + (result.stdout[-2000:] + result.stderr[-3000:]).strip()
            )
        log.debug("kmo_build: %s", result.stdout.strip())
        target.parent.mkdir(exist_ok=True)
        os.replace(partial, target)
        os.replace(listing(partial), listing(target))
    prune(root / SNAPSHOT_CACHE, keep=target.parent, count=KEEP_CACHED)
    return target
