"""MkDocs hook: a Pyodide memory snapshot with the rules already imported, for a fast first answer.

Adds to the site (after kmo_assets' on_files has added the wheel and the Pyodide core):

    assets/pyodide/kmo-<hash>.snapshot.gz   Pyodide's memory after start-up, the rules package
                                            imported and its parameters loaded (gzipped)
    assets/kmo/snapshot.mjs                 `export const SNAPSHOT = {file, integrity}`
    assets/pyodide/kmo-<hash>-stdlib.zip    the standard library trimmed to what the snapshot had
                                            imported, for the normal start (kmo_build/stdlib.py)
    assets/kmo/stdlib.mjs                   `export const STDLIB = {file, integrity}`
    assets/kmo/sizes.mjs                    every runtime file's size, raw and gzipped (kmo_build/sizes.py)

The logic is in site_overrides/kmo_build/snapshot.py (bench/README.md has the figures).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from site_overrides.kmo_build import check_data
from site_overrides.kmo_build.integrity import file_module
from site_overrides.kmo_build.layout import PYODIDE_DIR, PYODIDE_PREFIX, WEB_PREFIX, project_root
from site_overrides.kmo_build.site_files import add_file, the_wheel
from site_overrides.kmo_build.sizes import sizes_module
from site_overrides.kmo_build.snapshot import make_snapshot
from site_overrides.kmo_build.stdlib import trimmed_stdlib


@event_priority(10)  # after kmo_assets' on_files (priority 20)
def on_files(files, config):
    if check_data.last_problems:
        return files  # the snapshot loads the parameters; `mkdocs serve` shows the error page instead
    snapshot = make_snapshot(project_root(config), the_wheel(files))
    add_file(files, config, f"{PYODIDE_PREFIX}/{snapshot.name}", snapshot)
    add_file(files, config, f"{WEB_PREFIX}/snapshot.mjs", file_module("SNAPSHOT", snapshot, "the Pyodide memory snapshot"))
    stdlib = trimmed_stdlib(project_root(config) / PYODIDE_DIR / "python_stdlib.zip", snapshot)
    add_file(files, config, f"{PYODIDE_PREFIX}/{stdlib.name}", stdlib)
    add_file(files, config, f"{WEB_PREFIX}/stdlib.mjs", file_module("STDLIB", stdlib, "the trimmed standard library"))
    # Last: the sizes cover every runtime file added above.
    add_file(files, config, f"{WEB_PREFIX}/sizes.mjs", sizes_module(files, PYODIDE_PREFIX))
    return files
