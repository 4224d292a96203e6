"""Where things are: in the project (relative to its root) and in the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

PACKAGE_DIR = Path("calculator") / "kmo_portefeuille"
IMPORT_NAME = "kmo_portefeuille"
WEB_DIR = Path("calculator") / "web"
PYODIDE_DIR = Path("node_modules") / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
SNAPSHOT_MAKER = Path("calculator") / "snapshot" / "make_snapshot.mjs"
SNAPSHOT_ENTRY = WEB_DIR / "entry.mjs"
WHEEL_CACHE = Path(".cache") / "kmo-wheel"
SNAPSHOT_CACHE = Path(".cache") / "kmo-snapshot"

# In the site.
WEB_PREFIX = "assets/kmo"
PYODIDE_PREFIX = "assets/pyodide"


def project_root(config) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def skipped(path: Path) -> bool:
    """Hidden files, caches and bytecode never go into the site or the wheel."""
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts) or path.suffix in {".pyc", ".pyo"}


def prune(cache: Path, keep: Path, count: int) -> None:
    """Keep `keep` and the most recently used other entries of cache, `count` in all."""
    entries = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith("tmp-") and p != keep]
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[count - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
