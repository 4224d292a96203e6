"""A copy of the project in a temporary folder, as a fresh clone has it, to change and test apart.

The files git tracks (and new ones not ignored yet), with node_modules and .venv linked to this
project's own, and the build's .cache copied, so the copy builds without a download and reuses
what did not change (the wheel and snapshot caches are keyed by their inputs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.site_build import ROOT

LINKED = ("node_modules", ".venv")


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=source, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        origin = source / name
        if origin.is_file() and not origin.is_symlink():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)
    for name in LINKED:
        if (source / name).exists():
            os.symlink((source / name).resolve(), destination / name, target_is_directory=True)
    if (source / ".cache").is_dir():
        shutil.copytree(source / ".cache", destination / ".cache")
    return destination


def run_in(project: Path, *command: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """`python -m <command>` in the copy, with the copy's own data (no KMO_PARAMETERS from outside)."""
    environment = {key: value for key, value in os.environ.items() if key not in ("KMO_PARAMETERS", "KMO_SITE_DIR")}
    environment.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", *command], cwd=project, env=environment, capture_output=True,
                          text=True, timeout=timeout)
