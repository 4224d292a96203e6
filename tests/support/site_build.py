"""Building the site for the tests: `mkdocs build --strict` in a subprocess, so a test's build
never shares MkDocs' module state with the test process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The repository's mkdocs.yml with other `extra` values (per mapping: `contact`, `company`): the file
# itself stays as it is.
BUILD_WITH_EXTRA = """
import json
import logging
import sys
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True)
for key, values in json.loads(sys.argv[3]).items():
    config.extra[key] = {**(config.extra.get(key) or {}), **values}
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


def _environment(env: dict | None) -> dict:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return {key: value for key, value in environment.items() if value is not None}  # None: unset


def run_build(destination: Path, project: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of project into destination, as it ran (the caller judges it).

    env: extra environment variables; a None value removes the variable.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(destination)]
    return subprocess.run(command, cwd=project, env=_environment(env), capture_output=True, text=True)


def build_site(destination: Path, project: Path = ROOT, env: dict | None = None) -> Path:
    """`mkdocs build --strict` of project into destination; fails the test with mkdocs' output."""
    result = run_build(destination, project, env)
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed in {project} (exit {result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return destination


def run_build_with_extra(destination: Path, extra: dict) -> subprocess.CompletedProcess:
    """The repository's site built strictly with `extra` values merged in: {"company": {...}, ...}."""
    command = [sys.executable, "-c", BUILD_WITH_EXTRA, str(ROOT / "mkdocs.yml"), str(destination), json.dumps(extra)]
    return subprocess.run(command, cwd=ROOT, env=_environment(None), capture_output=True, text=True)


def run_build_with_contact(destination: Path, **contact: str) -> subprocess.CompletedProcess:
    """The repository's site built strictly with these `extra.contact` values (e.g. form_endpoint)."""
    return run_build_with_extra(destination, {"contact": contact})
