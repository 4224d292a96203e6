"""The Pyodide of node_modules (installed by `npm ci`, pinned in package-lock.json), and a
pyodide-lock.json that names only our wheel.

The browser's worker fetches the wheel itself (with its integrity string); the lock still names the
wheel with its sha256, so `pyodide.loadPackage("kmo-portefeuille")` works too (the Node parity test).
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from pathlib import Path

from .errors import BuildError
from .layout import IMPORT_NAME, PYODIDE_DIR, PYODIDE_FILES
from .wheel import wheel_metadata

log = logging.getLogger("mkdocs.hooks.kmo_build.pyodide_core")


def pyodide_dir(root: Path) -> Path:
    directory = root / PYODIDE_DIR
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json", "package.json") if not (directory / name).is_file()]
    if missing:
        raise BuildError(
            f"kmo_build: Pyodide is missing from {directory} ({', '.join(missing)}). "
            "Run `npm ci` in the project root (or `make setup`)."
        )
    return directory


def pyodide_version(directory: Path, root: Path) -> str:
    """The version of the Pyodide in directory; a warning when package-lock.json pins another."""
    version = json.loads((directory / "package.json").read_text(encoding="utf-8"))["version"]
    npm_lock = root / "package-lock.json"
    if npm_lock.is_file():
        pinned = json.loads(npm_lock.read_text(encoding="utf-8")).get("packages", {}).get("node_modules/pyodide", {})
        if pinned.get("version") and pinned["version"] != version:
            log.warning(
                "kmo_build: node_modules has pyodide %s but package-lock.json pins %s; run `npm ci`",
                version,
                pinned["version"],
            )
    return version


def lock_name(project_name: str) -> str:
    from packaging.utils import canonicalize_name

    return canonicalize_name(project_name)


def make_lock(npm_lock: Path, wheel: Path, pyodide_version: str) -> tuple[str, str]:
    """A pyodide-lock.json naming only our wheel: (lock name of the package, JSON text)."""
    from pyodide_lock import PackageSpec, PyodideLockSpec
    from pyodide_lock.spec import InfoSpec

    info = dict(json.loads(npm_lock.read_text(encoding="utf-8"))["info"])
    # pyodide-lock 0.1.x requires `version`; the npm lock of Pyodide 0.28+ has abi_version
    # instead (which Pyodide checks). Keep both.
    info.setdefault("version", pyodide_version)
    name, version = wheel_metadata(wheel)
    key = lock_name(name)
    spec = PyodideLockSpec(
        info=InfoSpec(**info),
        packages={
            key: PackageSpec(
                name=name,
                version=version,
                file_name=wheel.name,
                install_dir="site",
                sha256=hashlib.sha256(wheel.read_bytes()).hexdigest(),
                package_type="package",
                imports=[IMPORT_NAME],
                depends=[],
            )
        },
    )
    spec.check_wheel_filenames()
    with tempfile.TemporaryDirectory(prefix="kmo-lock-") as tmp:
        destination = Path(tmp) / "pyodide-lock.json"
        spec.to_json(destination, indent=2)
        return key, destination.read_text(encoding="utf-8")
