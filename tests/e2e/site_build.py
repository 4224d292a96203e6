"""Building the site for the browser tests (used by conftest.py and test_site_pages.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build_site(destination: Path, project: Path = ROOT, env: dict | None = None) -> Path:
    """`mkdocs build --strict` of project into destination; fails the test with mkdocs' output.

    env: extra environment variables; a None value removes the variable.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(destination)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environment = {key: value for key, value in environment.items() if value is not None}  # None: unset
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed in {project} (exit {result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return destination
