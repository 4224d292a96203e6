"""The built site as a whole: every page loads cleanly, links resolve, nothing comes from elsewhere."""

from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.support.site_build import ROOT
from tests.support.site_pages import nav_paths

SCREENSHOTS = ROOT / "screenshots"
WIDTHS = (360, 1280)
CALCULATOR_TIMEOUT_MS = 60_000
# Tags whose URLs the browser fetches by itself: these must never point at another host.
FETCHED = {"link": ("href",), "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
           "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
           "object": ("data",), "use": ("href", "xlink:href"), "image": ("href", "xlink:href")}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "sms:")


def site_url() -> str:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)  # MkDocs' loader: it resolves the !ENV tag
    url = config["site_url"]
    return url if url.endswith("/") else url + "/"


def sitemap_paths(built_site: Path) -> list[str]:
    """Site-relative paths ("", "rekenhulp/", ...) of every page in sitemap.xml."""
    tree = ET.parse(built_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    prefix = site_url()
    assert locations, "sitemap.xml lists no pages"
    paths = []
    for location in locations:
        assert location.startswith(prefix), f"sitemap entry {location} is not under site_url {prefix}"
        paths.append(location[len(prefix) :])
    return paths


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


# --------------------------------------------------------------------------- static HTML checks


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.title = ""
        self._in_title = False
        self.description = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        if tag == "title":
            self._in_title = True
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content") or ""
        names = FETCHED.get(tag, ()) + (("href",) if tag in ("a", "area") else ()) + (
            ("action",) if tag == "form" else ()
        )
        for name in names:
            value = attributes.get(name)
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((tag, name, candidate.split()[0]))
            else:
                self.urls.append((tag, name, value.strip()))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


class LinkReport:
    def __init__(self, built_site: Path):
        self.root = built_site
        self.site = site_url()
        self.site_path = urllib.parse.urlsplit(self.site).path
        self.pages = {p.relative_to(built_site).as_posix(): parse(p) for p in built_site.rglob("*.html")}
        self.broken: list[str] = []
        self.third_party: list[str] = []

    def target(self, page: str, value: str):
        """(file relative to the site root, fragment) of an internal URL, or None if external."""
        if value.startswith(self.site):
            value = "/" + value[len(self.site) :]
        base = "http://site.invalid/" + page
        if page == "404.html" and value.startswith(self.site_path):
            # MkDocs renders 404.html with the absolute base path of site_url.
            value = "/" + value[len(self.site_path) :]
        resolved = urllib.parse.urlsplit(urllib.parse.urljoin(base, value))
        if resolved.netloc != "site.invalid":
            return None
        path = urllib.parse.unquote(resolved.path).lstrip("/")
        return path, resolved.fragment

    def check(self):
        for page, parsed in sorted(self.pages.items()):
            for tag, attribute, value in parsed.urls:
                where = f"{page}: <{tag} {attribute}=\"{value}\">"
                if not value or value.lower().startswith(SKIPPED_SCHEMES):
                    continue
                found = self.target(page, value)
                if found is None:
                    if tag in FETCHED:
                        self.third_party.append(where)
                    continue
                path, fragment = found
                file = self.root / path
                if path == "" or path.endswith("/") or file.is_dir():
                    file = file / "index.html"
                if not file.is_file():
                    self.broken.append(f"{where}: no {file.relative_to(self.root).as_posix()}")
                    continue
                if fragment and file.suffix == ".html":
                    key = file.relative_to(self.root).as_posix()
                    if urllib.parse.unquote(fragment) not in self.pages[key].ids:
                        self.broken.append(f"{where}: no #{fragment} in {key}")
        return self


@pytest.fixture(scope="module")
def link_report(built_site):
    return LinkReport(built_site).check()


def test_every_internal_link_and_anchor_resolves(link_report):
    assert not link_report.broken, "broken links:\n  " + "\n  ".join(link_report.broken)


def test_nothing_is_fetched_from_another_host(link_report, built_site):
    assert not link_report.third_party, (
        "link/script/img URLs on another host:\n  " + "\n  ".join(link_report.third_party)
    )
    for css in [*built_site.joinpath("assets", "stylesheets").glob("*.css")]:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", url), f"{css.name} loads {url}"


def test_every_page_has_title_and_description(built_site):
    paths = sitemap_paths(built_site)
    for path in paths:
        parsed = parse(built_site / path / "index.html")
        assert parsed.title.strip(), f"/{path} has no <title>"
        assert (parsed.description or "").strip(), f"/{path} has no meta description"
    titles = [parse(built_site / p / "index.html").title.strip() for p in paths]
    assert len(set(titles)) == len(titles), f"pages share a <title>: {titles}"


def test_sitemap_lists_the_pages_of_the_nav(built_site):
    in_the_menu = nav_paths(ROOT)
    assert "" in in_the_menu and "rekenhulp/" in in_the_menu
    assert set(sitemap_paths(built_site)) == set(in_the_menu)


# --------------------------------------------------------------------------- in the browser


def _settle(page):
    """Wait until the page is idle; on calculator pages until the calculator has answered."""
    page.wait_for_load_state("load")
    if page.locator("[data-kmo-rekenhulp]").count():
        page.wait_for_selector(
            '#kmo-result[data-state]:not([data-state="loading"])', state="attached", timeout=CALCULATOR_TIMEOUT_MS
        )
    page.wait_for_load_state("networkidle")


def test_every_page_loads_cleanly(guarded_page, built_site, base_url):
    for path in sitemap_paths(built_site):
        response = guarded_page.goto(f"{base_url}/{path}")
        assert response is not None and response.status == 200, f"/{path}: HTTP {response and response.status}"
        _settle(guarded_page)
        assert guarded_page.title().strip(), f"/{path} has an empty title"
        description = guarded_page.locator('meta[name="description"]').first.get_attribute("content")
        assert description and description.strip(), f"/{path} has no meta description"


def test_home_page_links_to_calculator_and_contact(guarded_page, base_url):
    guarded_page.goto(base_url + "/")
    targets = guarded_page.eval_on_selector_all(
        ".md-content a[href]", "links => links.map(a => new URL(a.href).pathname)"
    )
    assert "/rekenhulp/" in targets, f"no link to /rekenhulp/ in the home page's content: {targets}"
    assert "/contact/" in targets, f"no link to /contact/ in the home page's content: {targets}"


def test_404_page_works_under_the_site_path(page, built_site, serve_directory):
    """GitHub Pages serves 404.html for any unknown address below the site's sub-path."""
    site_path = urllib.parse.urlsplit(site_url()).path
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    with serve_directory(built_site, prefix=site_path) as url:
        response = page.goto(url + "bestaat/niet/")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert "niet" in page.locator("h1").first.inner_text().lower()
        hrefs = page.eval_on_selector_all(".md-content a[href]", "links => links.map(a => a.href)")
        for wanted in ("", "rekenhulp/?service=advies&theme=cybersecurity", "contact/"):
            assert any(h.rstrip(".") == url + wanted for h in hrefs), f"404 page lacks a link to {url + wanted}: {hrefs}"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed"), (
            "the 404 page's stylesheet did not load"
        )
    # The document itself is a 404: Chromium reports that one response as a console error.
    others = [p for p in problems if "status of 404" not in p]
    assert not others, f"problems on the 404 page: {others}"
    assert len(problems) - len(others) <= 1


def test_screenshots(guarded_page, built_site, base_url):
    """Full-page screenshots of every page at phone and desktop width, for review by eye."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        guarded_page.set_viewport_size({"width": width, "height": 800 if width > 500 else 740})
        for path in sitemap_paths(built_site):
            guarded_page.goto(f"{base_url}/{path}")
            _settle(guarded_page)
            guarded_page.screenshot(path=str(SCREENSHOTS / f"{slug(path)}-{width}.png"), full_page=True)
            overflow = guarded_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"/{path} scrolls sideways by {overflow}px at {width}px"
