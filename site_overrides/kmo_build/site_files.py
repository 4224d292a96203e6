"""Adding the build's own files to MkDocs' file collection (so `build` and `serve` both serve them)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import File

from .errors import BuildError
from .layout import PYODIDE_PREFIX, WEB_PREFIX, skipped

log = logging.getLogger("mkdocs.hooks.kmo_build.site_files")


def add_file(files, config, dest_uri: str, source: Path | str) -> None:
    """Add a site file from a path, or from text when source is a str."""
    existing = files.get_file_from_path(dest_uri)
    if existing is not None:
        log.warning("kmo_build: %s in docs/ is replaced by the build's own file", dest_uri)
        files.remove(existing)
    if isinstance(source, str):
        files.append(File.generated(config, dest_uri, content=source))
    else:
        files.append(File.generated(config, dest_uri, abs_src_path=str(source)))


def publish_directory(files, config, directory: Path, prefix: str = WEB_PREFIX) -> list[str]:
    """Every file under directory as prefix/<relative path>; returns the relative paths."""
    published = []
    if directory.is_dir():
        for path in sorted(directory.rglob("*")):
            rel = path.relative_to(directory)
            if path.is_file() and not skipped(rel):
                add_file(files, config, f"{prefix}/{rel.as_posix()}", path)
                published.append(rel.as_posix())
    for script in config.extra_javascript:
        src = str(script)
        if src.startswith(prefix + "/") and src[len(prefix) + 1 :] not in published:
            log.warning("kmo_build: %s is listed in extra_javascript but %s has no such file", src, directory)
    return published


def the_wheel(files) -> Path:
    """The rules wheel that kmo_assets added to the site (its source path)."""
    wheels = [f for f in files if f.src_uri.startswith(PYODIDE_PREFIX + "/") and f.src_uri.endswith(".whl")]
    if len(wheels) != 1 or not wheels[0].abs_src_path:
        raise BuildError("kmo_build: expected the rules wheel in assets/pyodide/ (kmo_assets' on_files runs first)")
    return Path(wheels[0].abs_src_path)
