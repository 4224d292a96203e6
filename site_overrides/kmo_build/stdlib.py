"""The standard library trimmed to what the calculator imports, for Pyodide's normal start.

Pyodide's python_stdlib.zip is 2.5 MB (already compressed: a host's gzip gains nothing); the
rules, the unpacking of the wheel and Pyodide's own start-up import a small part of it. The
snapshot maker (calculator/snapshot/make_snapshot.mjs) lists those files next to the snapshot
(`<snapshot>.stdlib.json`), as they were imported when the snapshot was taken: the snapshot start
needs nothing more, so neither does the normal start. This module writes a zip of just those
files; the worker (calculator/web/worker.mjs) passes it to loadPyodide as `stdLibURL`, and falls
back to the full zip when it is missing or altered. tests/pyodide runs every case with it.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

from .errors import BuildError


def listing(snapshot: Path) -> Path:
    """Where the snapshot maker lists the standard library files that were imported."""
    return snapshot.with_name(snapshot.name + ".stdlib.json")


def trimmed_stdlib(full: Path, snapshot: Path) -> Path:
    """The trimmed zip next to the snapshot (made once per snapshot, then cached with it)."""
    target = snapshot.with_name(snapshot.name.split(".", 1)[0] + "-stdlib.zip")
    if target.is_file():
        return target
    names = set(json.loads(listing(snapshot).read_text(encoding="utf-8")))
    with zipfile.ZipFile(full) as source:
        missing = names - set(source.namelist())
        if missing:
            raise BuildError(f"kmo_build: not in {full.name}: {', '.join(sorted(missing))}")
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".zip", delete=False) as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as trimmed:
                for info in source.infolist():
                    if info.filename in names:
                        trimmed.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    os.replace(handle.name, target)
    return target
