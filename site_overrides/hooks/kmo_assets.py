"""MkDocs hook: publish the calculator's browser files and a self-hosted Pyodide.

Adds to the site (as MkDocs File objects, so `mkdocs build` and `mkdocs serve` both serve them):

    assets/kmo/*                      every file under calculator/web/
    assets/pyodide/pyodide.mjs        \
    assets/pyodide/pyodide.asm.mjs     |  the Pyodide core from node_modules/pyodide (`npm ci`)
    assets/pyodide/pyodide.asm.wasm    |
    assets/pyodide/python_stdlib.zip  /
    assets/pyodide/<wheel>            the pure-Python wheel of pyproject.toml (the rules package)
    assets/pyodide/pyodide-lock.json  the npm lock's `info`, with our wheel as its only package
    assets/kmo/wheel.mjs              `export const WHEEL = {file, integrity}`: the wheel's file
                                      name and its Subresource Integrity string (sha256)

and gives main.html the calculator's page modules to preload (kmo_preload, kmo_build/preload.py).

The logic is in site_overrides/kmo_build (wheel, pyodide_core, integrity, site_files).
"""

from __future__ import annotations

import logging
import os

from mkdocs.plugins import event_priority

from site_overrides.kmo_build.build_warnings import warn
from site_overrides.kmo_build.integrity import file_module
from site_overrides.kmo_build.layout import PACKAGE_DIR, PYODIDE_FILES, PYODIDE_PREFIX, WEB_DIR, WEB_PREFIX, project_root
from site_overrides.kmo_build.preload import page_modules
from site_overrides.kmo_build.pyodide_core import make_lock, pyodide_dir, pyodide_version
from site_overrides.kmo_build.site_files import add_file, publish_directory
from site_overrides.kmo_build.wheel import build_wheel

log = logging.getLogger("mkdocs.hooks.kmo_assets")


@event_priority(20)  # before kmo_snapshot's on_files, which snapshots the wheel added here
def on_files(files, config):
    root = project_root(config)
    publish_directory(files, config, root / WEB_DIR, WEB_PREFIX)

    if os.environ.get("KMO_PARAMETERS"):
        warn(
            f"KMO_PARAMETERS={os.environ['KMO_PARAMETERS']} changes the tables on the pages, not the "
            f"calculator: the wheel carries {PACKAGE_DIR.as_posix()}/parameters.json"
        )

    core = pyodide_dir(root)
    version = pyodide_version(core, root)
    for name in PYODIDE_FILES:
        add_file(files, config, f"{PYODIDE_PREFIX}/{name}", core / name)

    wheel = build_wheel(root)
    key, lock = make_lock(core / "pyodide-lock.json", wheel, version)
    add_file(files, config, f"{PYODIDE_PREFIX}/{wheel.name}", wheel)
    add_file(files, config, f"{PYODIDE_PREFIX}/pyodide-lock.json", lock)
    add_file(files, config, f"{WEB_PREFIX}/wheel.mjs", file_module("WHEEL", wheel, "the rules wheel"))
    log.debug("kmo_assets: %s as package %r with Pyodide %s", wheel.name, key, version)
    return files


def on_page_context(context, page, config, nav):
    """main.html preloads these modules on the calculator's page (kmo_preload)."""
    if page.meta.get("kmo_rekenhulp"):
        context["kmo_preload"] = page_modules(project_root(config) / WEB_DIR)
    return context


def on_serve(server, config, builder):
    root = project_root(config)
    for path in (root / "calculator", root / "pyproject.toml", root / "site_overrides" / "kmo_build"):
        if path.exists():
            server.watch(str(path))
    return server
