"""The pages as a phone shows them: no table wider than a 390 px screen, today's rates above each
dated table with the history folded, the footer from mkdocs.yml, the Bronnen en keuzes page, and
axe on the changed parts."""

from __future__ import annotations

import re
import urllib.parse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kmo_portefeuille import parameters, tables
from tests.support.site_pages import settle, sitemap_paths, table_paths

PHONE = {"width": 390, "height": 844}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
DATED = ("tarieven", "plafonds")


def violations(page, context=None) -> list[str]:
    response = Axe().run(page, context=context, options=WCAG).response
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in response["violations"]]


def test_no_table_is_wider_than_a_phone(guarded_page, built_site, base_url):
    page = guarded_page
    page.set_viewport_size(PHONE)
    wide = []
    for path in sitemap_paths(built_site):
        page.goto(f"{base_url}/{path}")
        settle(page)
        # Open every folded history: its table must fit too.
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        found = page.evaluate(
            """() => [...document.querySelectorAll('.md-content table')].map((t) => {
                 const box = t.getBoundingClientRect();
                 return {id: t.getAttribute('aria-labelledby') || t.className, right: box.right, width: box.width,
                         scroll: t.scrollWidth, client: t.clientWidth, screen: document.documentElement.clientWidth};
               })"""
        )
        for table in found:
            if table["right"] > table["screen"] + 1 or table["width"] > table["screen"] or table["scroll"] > table["client"] + 1:
                wide.append(f"/{path} {table}")
    assert not wide, "tables wider than a 390 px screen:\n  " + "\n  ".join(wide)


def test_a_stacked_table_is_still_a_table_with_its_headers(guarded_page, built_site, base_url):
    page = guarded_page
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{table_paths(built_site, 'tarieven')[0]}")
    table = page.locator(".kmo-tabel--tarieven table").first
    assert table.evaluate("(t) => getComputedStyle(t.querySelector('td')).display") != "table-cell", "not stacked"
    expect(table).to_have_attribute("role", "table")
    headers = table.evaluate("(t) => [...t.querySelectorAll('th[role=columnheader]')].map((h) => h.textContent.trim())")
    assert headers[:2] == ["Aanvragen vanaf", "Tarief"]
    labels = table.evaluate("(t) => [...t.querySelector('tbody tr').querySelectorAll('td')].map((c) => c.dataset.label)")
    assert labels == headers, "each cell shows its column's name"
    shown = table.evaluate("(t) => getComputedStyle(t.querySelector('td'), '::before').content")
    assert "Aanvragen vanaf" in shown
    assert not violations(page, {"include": [[".kmo-tabel--tarieven"]]})


def test_today_line_above_each_dated_table_and_the_history_folded(guarded_page, built_site, base_url):
    page = guarded_page
    page.set_viewport_size(PHONE)
    for name in DATED:
        page.goto(f"{base_url}/{table_paths(built_site, name)[0]}")
        data = tables.table(name, parameters.load())
        block = page.locator(f".kmo-tabel--{name}").first
        today = block.locator(".kmo-tabel__vandaag")
        assert today.inner_text().startswith("Vandaag ("), name
        # Above the table, and it is what the data says today.
        assert today.evaluate("(p) => p.compareDocumentPosition(p.parentElement.querySelector('table')) & Node.DOCUMENT_POSITION_FOLLOWING")
        assert re.sub(r"[*\s]+", " ", data["today"]).strip() == re.sub(r"\s+", " ", today.inner_text()).strip()
        # The first table holds only the rows in force (or announced), today's first.
        first = block.locator("table").first.locator("tbody tr")
        assert first.count() == len(data["current_rows"])
        assert " ".join(data["current_rows"][0][0].split()) in " ".join(first.first.inner_text().split())
        # The earlier rows are folded under a closed <details>.
        history = block.locator("details.kmo-tabel__eerder")
        assert history.count() == 1 and history.evaluate("(d) => d.open") is False
        summary = history.locator("summary")
        expect(summary).to_have_text(data["history"]["summary"], use_inner_text=True)
        expect(history.locator("table")).to_be_hidden()
        summary.click()
        expect(history.locator("table")).to_be_visible()
        assert history.locator("tbody tr").count() == len(data["history"]["rows"])
    rates = tables.table("tarieven", parameters.load())
    assert rates["history"]["summary"] == "Eerdere percentages"
    page.goto(f"{base_url}/{table_paths(built_site, 'tarieven')[0]}")
    cyber = page.locator(".kmo-tabel--tarieven table").first.locator("tbody tr").first
    assert "cybersecurity" in cyber.inner_text(), "today's cybersecurity rate is the first row"
    assert not violations(page, {"include": [[".kmo-tabel"]]}), "axe on the tables, history open, at 390 px"


def test_every_table_links_to_the_sources_and_choices_page(guarded_page, built_site, base_url):
    page = guarded_page
    for path in sitemap_paths(built_site):
        if path == "bronnen-en-keuzes/":
            continue
        page.goto(f"{base_url}/{path}")
        for index in range(page.locator(".kmo-tabel").count()):
            links = page.locator(".kmo-tabel").nth(index).locator("a", has_text="Bronnen en keuzes")
            assert links.count() >= 1, f"/{path} table {index}"
            assert urllib.parse.urlsplit(links.first.evaluate("(a) => a.href")).path.endswith("/bronnen-en-keuzes/")


def test_sources_and_choices_page(guarded_page, base_url):
    page = guarded_page
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/bronnen-en-keuzes/")
    data = parameters.load()
    sources = page.locator(".kmo-tabel--bronnen tbody tr")
    assert sources.count() == len(data.sources)
    for (source_id, source), row in zip(data.sources.items(), sources.all()):
        assert row.locator(f"a[href='{source['url']}']").count() == 1, source_id
        expect(row).to_contain_text("nagekeken", use_inner_text=True)
    choices = tables.choices(data)
    rows = page.locator(".kmo-tabel--keuzes tbody tr")
    if choices:
        assert rows.count() == len(choices)
        for choice, row in zip(choices, rows.all()):
            assert choice["choice"][:40] in re.sub(r"\s+", " ", row.inner_text())
    assert not violations(page)


def test_the_footer_shows_what_mkdocs_yml_holds_and_nothing_else(guarded_page, base_url):
    from mkdocs.utils.yaml import yaml_load

    from tests.support.site_build import ROOT

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        extra = yaml_load(handle)["extra"]
    page = guarded_page
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/")
    footer = page.locator("footer .ecx-footer")
    for key, value in extra["company"].items():
        shown = footer.locator(f"[data-ecx-footer='{key}']")
        if str(value or "").strip():
            assert str(value).strip() in shown.inner_text(), key
        else:
            assert shown.count() == 0, f"{key} is empty in mkdocs.yml but the footer shows something"
    assert footer.locator("[data-ecx-footer='phone']").inner_text() == extra["contact"]["phone"]
    assert footer.locator("[data-ecx-footer='email']").inner_text() == extra["contact"]["email"]
    if not str(extra["company"].get("company_number") or "").strip():
        assert "KBO" not in footer.inner_text()
    if not str(extra["company"].get("provider_number") or "").strip():
        assert "DV.A" not in footer.inner_text()
    assert not violations(page, {"include": [["footer"]]})


def test_links_to_the_rekenhulp_preset_cybersecurity_advice(guarded_page, built_site, base_url):
    page = guarded_page
    bare = []
    for path in sitemap_paths(built_site):
        page.goto(f"{base_url}/{path}")
        for href in page.eval_on_selector_all(".md-content a[href]", "links => links.map(a => a.href)"):
            url = urllib.parse.urlsplit(href)
            if url.path.endswith("/rekenhulp/") and not (path == "rekenhulp/" and not url.query):
                query = urllib.parse.parse_qs(url.query)
                if query.get("service") != ["advies"] or query.get("theme") != ["cybersecurity"]:
                    bare.append(f"/{path}: {href}")
    assert not bare, "links to the rekenhulp without service=advies&theme=cybersecurity:\n  " + "\n  ".join(bare)
    page.goto(f"{base_url}/?x")
    page.locator(".md-content a[href*='rekenhulp']").first.click()
    page.wait_for_url(re.compile(r"/rekenhulp/\?service=advies&theme=cybersecurity"))
