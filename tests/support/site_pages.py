"""The built site's pages as the browser tests walk them (used by the accessibility and security tests)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

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


def settle(page) -> None:
    """Wait for the load, the calculator's answer and the contact form's mount, where present."""
    page.wait_for_load_state("load")
    if page.locator("[data-kmo-rekenhulp]").count():
        page.wait_for_selector(SETTLED, timeout=LOAD_MS)
    if page.locator("[data-kmo-contact]").count():
        page.wait_for_selector("[data-kmo-contact][data-kmo-mounted='true']")
