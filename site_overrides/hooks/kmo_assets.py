"""MkDocs hook: publish the calculator's browser files and a self-hosted Pyodide.

Adds to the site (as mkdocs File objects, so `mkdocs build` and `mkdocs serve` both serve them):

    assets/kmo/*                      every file under calculator/web/
    assets/pyodide/pyodide.mjs        \
    assets/pyodide/pyodide.asm.mjs     |  the Pyodide core from node_modules/pyodide (`npm ci`)
    assets/pyodide/pyodide.asm.wasm    |
    assets/pyodide/python_stdlib.zip  /
    assets/pyodide/<wheel>            the pure-Python wheel of pyproject.toml (the rules package)
    assets/pyodide/pyodide-lock.json  the npm lock's `info`, with our wheel as its only package
    assets/kmo/wheel.mjs              `export const WHEEL = {file, integrity}`: the wheel's file
                                      name and its Subresource Integrity string (sha256)

The browser's worker (calculator/web/worker.mjs) imports wheel.mjs, fetches the wheel with
`integrity` while Pyodide starts, and unpacks it from memory; the lock still names the wheel
with its sha256, so `pyodide.loadPackage("kmo-portefeuille")` works too (the Node parity test).

The wheel is built outside the repository tree (sources staged under .cache/kmo-wheel/) and
cached by a hash of its sources, so a live reload without a rules change costs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.kmo_assets")

PACKAGE_DIR = Path("calculator") / "kmo_portefeuille"
WEB_DIR = Path("calculator") / "web"
PYODIDE_DIR = Path("node_modules") / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Files of the project root that take part in the wheel's metadata, when present.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "setup.cfg", "MANIFEST.in")
IMPORT_NAME = "kmo_portefeuille"
WEB_PREFIX = "assets/kmo"
PYODIDE_PREFIX = "assets/pyodide"
CACHE_DIR = Path(".cache") / "kmo-wheel"
KEEP_CACHED = 4


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _skip(path: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts) or path.suffix in {
        ".pyc",
        ".pyo",
    }


# --------------------------------------------------------------------------- the wheel


def source_files(root: Path) -> list[Path]:
    """Files (relative to root) that go into the wheel build."""
    files = [Path(name) for name in PROJECT_FILES if (root / name).is_file()]
    package = root / PACKAGE_DIR
    files += sorted(
        p.relative_to(root) for p in package.rglob("*") if p.is_file() and not _skip(p.relative_to(package))
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
        raise PluginError(f"kmo_assets: no pyproject.toml in {root}")
    if not (root / PACKAGE_DIR / "__init__.py").is_file():
        raise PluginError(f"kmo_assets: {PACKAGE_DIR}/__init__.py is missing; nothing to build")
    files = source_files(root)
    key = sources_hash(root, files)
    cache = root / CACHE_DIR
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
        log.info("kmo_assets: building the wheel of %s", PACKAGE_DIR)
        result = subprocess.run(command, capture_output=True, text=True, cwd=stage)
        built = sorted(out.glob("*.whl"))
        if result.returncode != 0 or len(built) != 1:
            raise PluginError(
                "kmo_assets: building the wheel failed "
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
    prune(cache, keep=target)
    wheels = sorted(target.glob("*.whl"))
    if len(wheels) != 1:
        raise PluginError(f"kmo_assets: expected one wheel in {target}, found {len(wheels)}")
    return wheels[0]


def check_wheel(wheel: Path) -> None:
    """The wheel must be pure Python and hold the package with its data files."""
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise PluginError(f"kmo_assets: {wheel.name} is not a pure-Python wheel; Pyodide needs py3-none-any")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    if f"{IMPORT_NAME}/__init__.py" not in names:
        raise PluginError(f"kmo_assets: {wheel.name} does not contain {IMPORT_NAME}/__init__.py")
    if f"{IMPORT_NAME}/parameters.json" not in names:
        raise PluginError(
            f"kmo_assets: {wheel.name} does not contain {IMPORT_NAME}/parameters.json "
            "(package-data in pyproject.toml)"
        )


def prune(cache: Path, keep: Path, count: int = KEEP_CACHED) -> None:
    """Keep `keep` and the most recently used other entries of cache, `count` in all."""
    entries = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith("tmp-") and p != keep]
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[count - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def wheel_metadata(wheel: Path) -> tuple[str, str]:
    """(Name, Version) from the wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(meta_name).decode("utf-8"))
    return headers["Name"], headers["Version"]


# --------------------------------------------------------------------------- the lock file


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


def file_module(name: str, path: Path, what: str, hook: str = "kmo_assets.py") -> str:
    """An ES module that tells the worker which file to fetch and how to check it:
    `export const NAME = {file, integrity}` (the Subresource Integrity string, sha256)."""
    digest = base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode("ascii")
    value = {"file": path.name, "integrity": f"sha256-{digest}"}
    return (
        f"// Written by the site build (site_overrides/hooks/{hook}): {what}.\n"
        f"export const {name} = Object.freeze({json.dumps(value)});\n"
    )


# --------------------------------------------------------------------------- hooks


def add_file(files, config, dest_uri: str, source: Path | str) -> None:
    """Add a site file from a path, or from text when source is a str."""
    existing = files.get_file_from_path(dest_uri)
    if existing is not None:
        log.warning("kmo_assets: %s in docs/ is replaced by the build's own file", dest_uri)
        files.remove(existing)
    if isinstance(source, str):
        files.append(File.generated(config, dest_uri, content=source))
    else:
        files.append(File.generated(config, dest_uri, abs_src_path=str(source)))


def pyodide_dir(root: Path) -> Path:
    directory = root / PYODIDE_DIR
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json", "package.json") if not (directory / name).is_file()]
    if missing:
        raise PluginError(
            f"kmo_assets: Pyodide is missing from {directory} ({', '.join(missing)}). "
            "Run `npm ci` in the project root (or `make setup`)."
        )
    return directory


def _pyodide_version(directory: Path, root: Path) -> str:
    version = json.loads((directory / "package.json").read_text(encoding="utf-8"))["version"]
    npm_lock = root / "package-lock.json"
    if npm_lock.is_file():
        pinned = json.loads(npm_lock.read_text(encoding="utf-8")).get("packages", {}).get("node_modules/pyodide", {})
        if pinned.get("version") and pinned["version"] != version:
            log.warning(
                "kmo_assets: node_modules has pyodide %s but package-lock.json pins %s; run `npm ci`",
                version,
                pinned["version"],
            )
    return version


def on_files(files, config):
    root = project_root(config)

    web = root / WEB_DIR
    published = []
    if web.is_dir():
        for path in sorted(web.rglob("*")):
            rel = path.relative_to(web)
            if path.is_file() and not _skip(rel):
                add_file(files, config, f"{WEB_PREFIX}/{rel.as_posix()}", path)
                published.append(rel.as_posix())
    for script in config.extra_javascript:
        src = str(script)
        if src.startswith(WEB_PREFIX + "/") and src[len(WEB_PREFIX) + 1 :] not in published:
            log.warning("kmo_assets: %s is listed in extra_javascript but %s has no %s", src, WEB_DIR, src[len(WEB_PREFIX) + 1 :])

    if os.environ.get("KMO_PARAMETERS"):
        log.warning(
            "kmo_assets: KMO_PARAMETERS=%s changes the tables on the pages, not the calculator: "
            "the wheel carries %s/parameters.json",
            os.environ["KMO_PARAMETERS"],
            PACKAGE_DIR.as_posix(),
        )

    core = pyodide_dir(root)
    version = _pyodide_version(core, root)
    for name in PYODIDE_FILES:
        add_file(files, config, f"{PYODIDE_PREFIX}/{name}", core / name)

    wheel = build_wheel(root)
    key, lock = make_lock(core / "pyodide-lock.json", wheel, version)
    add_file(files, config, f"{PYODIDE_PREFIX}/{wheel.name}", wheel)
    add_file(files, config, f"{PYODIDE_PREFIX}/pyodide-lock.json", lock)
    add_file(files, config, f"{WEB_PREFIX}/wheel.mjs", file_module("WHEEL", wheel, "the rules wheel"))
    log.debug("kmo_assets: %s as package %r with Pyodide %s", wheel.name, key, version)
    return files


def on_serve(server, config, builder):
    root = project_root(config)
    for path in (root / "calculator", root / "pyproject.toml"):
        if path.exists():
            server.watch(str(path))
    return server
