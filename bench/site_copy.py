"""The tree the bench serves: a copy of the built site with the compared pages of bench/pages/.

`<tmp>/site/` holds the site (served under its site_url path), and `bench/` in it the pages (floor,
floor-worker, worker, pyscript, request.json), so their relative URLs (`../../assets/pyodide/…`)
reach the site's own Pyodide files. The gzip variant gets a `.gz` copy of every file a compressing host would compress.
"""

from __future__ import annotations

import gzip
import shutil
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "bench" / "pages"
PYSCRIPT_DIST = ROOT / "bench" / "node_modules" / "@pyscript" / "core" / "dist"
# What a compressing host (GitHub Pages) sends gzipped: text types, and the wasm. Zip archives
# (python_stdlib.zip, the wheel) are sent as they are: their members are compressed already.
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm", ".map", ".py"}
WHEEL_TOKEN = "KMO_WHEEL"  # in pages/pyscript/config.json: the wheel's file name carries its hash


def site_prefix(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The URL path the site is published under ("/kmo-portefeuille/"), from MkDocs' own config
    loader (so `!ENV [KMO_SITE_URL, …]` resolves as in the build)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    path = urllib.parse.urlsplit(config["site_url"] or "/").path.strip("/")
    return f"/{path}/" if path else "/"


def check_site(site: Path) -> None:
    if not (site / "rekenhulp" / "index.html").is_file():
        raise SystemExit(f"{site} holds no built site: run `make build` (or `make bench`)")
    if not any((site / "assets" / "pyodide").glob("*.whl")):
        raise SystemExit(f"{site}/assets/pyodide holds no wheel: is it a build of this project?")


def make_root(site: Path, tmp: Path, with_pyscript: bool = True) -> Path:
    """Copy site to tmp/site/ and the compared pages to its bench/; returns tmp/site."""
    target = tmp / "site"
    shutil.copytree(site, target)
    pages = target / "bench"
    shutil.copytree(PAGES, pages)
    if with_pyscript:
        if not PYSCRIPT_DIST.is_dir():
            raise SystemExit("bench/node_modules/@pyscript/core is missing: run `make bench` (it runs npm ci in bench/)")
        shutil.copytree(PYSCRIPT_DIST, pages / "pyscript" / "pyscript", ignore=shutil.ignore_patterns("*.map"))
    wheel = next((target / "assets" / "pyodide").glob("*.whl"))
    config = pages / "pyscript" / "config.json"
    config.write_text(config.read_text(encoding="utf-8").replace(WHEEL_TOKEN, wheel.name), encoding="utf-8")
    return target


def gzip_copies(root: Path) -> int:
    """file.gz next to every compressible file (what a compressing host sends); total gz bytes."""
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)
            total += len(data)
    return total
