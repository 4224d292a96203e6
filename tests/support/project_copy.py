"""A copy of the project to break on purpose: its files as they are in the working tree (tracked and
new, not ignored), with node_modules, .venv and the build caches shared with the real project."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ("node_modules", ".venv", ".cache")


def project_copy(destination: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)  # mtimes kept: make sees nothing to set up
    for name in SHARED:
        if (ROOT / name).exists():
            os.symlink(ROOT / name, destination / name)
    return destination
