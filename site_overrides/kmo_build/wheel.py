"""The pure-Python wheel of pyproject.toml (the rules package), for Pyodide.

Built outside the repository tree (sources staged under .cache/kmo-wheel/) and cached by a hash of
its sources, so a live reload without a rules change costs nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

from .errors import BuildError
from .layout import IMPORT_NAME, PACKAGE_DIR, WHEEL_CACHE, prune, skipped

log = logging.getLogger("mkdocs.hooks.kmo_build.wheel")

# Files of the project root that take part in the wheel's metadata, when present.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "setup.cfg", "MANIFEST.in")
KEEP_CACHED = 4


def source_files(root: Path) -> list[Path]:
    """Files (relative to root) that go into the wheel build."""
    files = [Path(name) for name in PROJECT_FILES if (root / name).is_file()]
    package = root / PACKAGE_DIR
    files += sorted(
        p.relative_to(root) for p in package.rglob("*") if p.is_file() and not skipped(p.relative_to(package))
    )
    return files


def sources_hash(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update((root / rel).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def build_wheel(root: Path) -> Path:
    """Return the wheel of the project at root, building it only when its sources changed."""
    if not (root / "pyproject.toml").is_file():
        raise BuildError(f"kmo_build: no pyproject.toml in {root}")
    if not (root / PACKAGE_DIR / "__init__.py").is_file():
        raise BuildError(f"kmo_build: {PACKAGE_DIR}/__init__.py is missing; nothing to build")
    files = source_files(root)
    key = sources_hash(root, files)
    cache = root / WHEEL_CACHE
    target = cache / key
    wheels = sorted(target.glob("*.whl")) if target.is_dir() else []
    if len(wheels) == 1:
        os.utime(target)  # most recently used
        return wheels[0]

    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix="tmp-") as tmp:
        stage, out = Path(tmp) / "src", Path(tmp) / "dist"
        for rel in files:
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / rel, stage / rel)
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(stage)]
        log.info("kmo_build: building the wheel of %s", PACKAGE_DIR)
        result = subprocess.run(command, capture_output=True, text=True, cwd=stage)
        built = sorted(out.glob("*.whl"))
        if result.returncode != 0 or len(built) != 1:
            raise BuildError(
                "kmo_build: building the wheel failed "
                f"({' '.join(command[1:5])}, exit {result.returncode}):\n"
                + (result.stdout[-3000:] + result.stderr[-3000:]).strip()
            )
        check_wheel(built[0])
        if not target.is_dir():
            partial = Path(tmp) / "done"
            partial.mkdir()
            shutil.move(str(built[0]), partial / built[0].name)
            try:
                os.replace(partial, target)
            except OSError:
                if not target.is_dir():  # not a concurrent build that got there first
                    raise
    prune(cache, keep=target, count=KEEP_CACHED)
    wheels = sorted(target.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"kmo_build: expected one wheel in {target}, found {len(wheels)}")
    return wheels[0]


def check_wheel(wheel: Path) -> None:
    """The wheel must be pure Python and hold the package with its data files."""
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise BuildError(f"kmo_build: {wheel.name} is not a pure-Python wheel; Pyodide needs py3-none-any")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    if f"{IMPORT_NAME}/__init__.py" not in names:
        raise BuildError(f"kmo_build: {wheel.name} does not contain {IMPORT_NAME}/__init__.py")
    if f"{IMPORT_NAME}/parameters.json" not in names:
        raise BuildError(
            f"kmo_build: {wheel.name} does not contain {IMPORT_NAME}/parameters.json "
            "(package-data in pyproject.toml)"
        )


def wheel_metadata(wheel: Path) -> tuple[str, str]:
    """(Name, Version) from the wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(meta_name).decode("utf-8"))
    return headers["Name"], headers["Version"]
