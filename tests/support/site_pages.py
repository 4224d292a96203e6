"""The built site's pages as the browser tests walk them (used by the accessibility and security tests)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

LOAD_MS = 60_000
# The calculator has answered, or given up: any state but loading, with no newer answer due.
SETTLED = "#kmo-result[data-state]:not([data-state='loading']):not([data-pending])"


def sitemap_locations(built_site: Path) -> list[str]:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(built_site / "sitemap.xml")
    return [loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", namespace)]


def sitemap_paths(built_site: Path) -> list[str]:
    """Site-relative paths ("", "rekenhulp/", ...) of every page in sitemap.xml."""
    locations = sitemap_locations(built_site)
    assert locations, "sitemap.xml lists no pages"
    home = min(locations, key=len)  # the site's own address: every other page lies below it
    assert all(loc.startswith(home) for loc in locations), locations
    return [loc[len(home):] for loc in locations]


def table_paths(built_site: Path, name: str = "") -> list[str]:
    """Site-relative paths of the built pages that show the generated table NAME (any, without one):
    the tests follow a table to whichever page an editor put it on."""
    marker = f"kmo-tabel--{name}" if name else "kmo-tabel--"
    return [path for path in sitemap_paths(built_site)
            if marker in (built_site / path / "index.html").read_text(encoding="utf-8")]


def nav_paths(project: Path) -> list[str]:
    """Site-relative paths ("", "rekenhulp/", ...) of the pages in the menu (`nav` in mkdocs.yml)."""
    with open(project / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)  # MkDocs' own loader: it knows the !ENV tag
    return [_address(file) for file in _nav_files(config.get("nav") or [])]


def _nav_files(items) -> list[str]:
    files = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):  # a section
            files += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            files.append(value)
    return files


def _address(file: str) -> str:
    stem = file[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def settle(page) -> None:
    """Wait for the load, the calculator's answer and the contact form's mount, where present."""
    page.wait_for_load_state("load")
    if page.locator("[data-kmo-rekenhulp]").count():
        page.wait_for_selector(SETTLED, timeout=LOAD_MS)
    if page.locator("[data-kmo-contact]").count():
        page.wait_for_selector("[data-kmo-contact][data-kmo-mounted='true']")
