"""WCAG 2.1 AA in a real Chromium: axe-core on every page of the sitemap and on every state of the
calculator, keyboard use, announcements, and no sideways scrolling at 320 px and at 200% zoom.

The pages come from sitemap.xml, so a new page is covered without touching this file.
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.site_pages import LOAD_MS, settle, sitemap_paths, table_paths

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
READY = "#kmo-result[data-state='ready']:not([data-pending])"

_axe = Axe()


def axe_violations(page, context=None) -> list[str]:
    """One line per violation: rule id, impact, the first few elements."""
    # Colours are measured once the theme's transitions (e.g. the header title) have ended.
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
        timeout=10_000,
    )
    response = _axe.run(page, context=context, options=AXE_OPTIONS).response
    lines = []
    for violation in response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:4]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return lines


def axe_after_amount_edits(page, name: str, found: dict[str, list[str]], where: str, prefix: str = "") -> None:
    """axe with an amount warning ("12,000" in field `name`), then with that field empty (invalid)."""
    page.fill(f"#kmo-{name}", "12,000")
    page.wait_for_selector(f"[data-kmo-warning-for='{name}']")
    page.wait_for_selector(READY)
    found[f"{prefix}amount warning ({where})"] = axe_violations(page)
    page.fill(f"#kmo-{name}", "")
    page.wait_for_selector(READY)
    expect(page.locator("#kmo-result")).to_have_attribute("data-ok", "false")
    found[f"{prefix}invalid ({where})"] = axe_violations(page)


def assert_no_violations(found: dict[str, list[str]]) -> None:
    """Fails with every state's violations (found: state -> axe_violations)."""
    bad = {where: lines for where, lines in found.items() if lines}
    assert not bad, "axe (WCAG 2.1 A/AA) violations:\n" + "\n".join(
        f"  {where}:\n    " + "\n    ".join(lines) for where, lines in bad.items()
    )


# --------------------------------------------------------------------------- axe


def site_prefix(built_site: Path) -> str:
    """The path of the site's address ("/kmo-portefeuille/"): 404.html links below it."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text.strip() for loc in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)]
    return urllib.parse.urlsplit(min(locations, key=len)).path


def test_axe_on_every_page_and_state(guarded_page, built_site, base_url, serve_directory):
    page = guarded_page
    found: dict[str, list[str]] = {}
    for path in sitemap_paths(built_site):
        page.goto(f"{base_url}/{path}")
        settle(page)
        found[f"/{path}"] = axe_violations(page)
        # The search dialog, opened.
        if path == "":
            page.locator("label.md-header__button[for='__search']:visible, .md-search__input:visible").first.click()
            page.locator(".md-search__input").press_sequentially("steun", delay=30)
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
            found["/ (search open)"] = axe_violations(page)
            page.keyboard.press("Escape")
    # The page for unknown addresses, served like GitHub Pages does: below the site's path.
    with serve_directory(built_site, prefix=site_prefix(built_site)) as url:
        page.goto(f"{url}bestaat/niet/")
        page.wait_for_load_state("load")
        found["404"] = axe_violations(page)
    page.kmo_problems[:] = [p for p in page.kmo_problems if "status of 404" not in p]  # the 404 document itself

    # The calculator: a complete answer, then a form with errors shown next to their fields.
    page.goto(f"{base_url}/rekenhulp/?company=figures&fte=8&turnover=900.000&balance_sheet_total=400.000"
              "&service=advies&theme=cybersecurity&cost=10.000&date=2026-03-02")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    expect(page.locator("#kmo-result")).to_have_attribute("data-ok", "true")
    page.locator("[data-kmo-details='previous'] summary").click()
    found["calculator ready"] = axe_violations(page)
    page.fill("#kmo-fte", "veel")
    page.fill("#kmo-cost", "zeven")
    page.locator("#kmo-date").focus()
    page.wait_for_selector("#kmo-error-cost:not([hidden])")
    page.wait_for_selector(READY)
    expect(page.locator("#kmo-result")).to_have_attribute("data-ok", "false")
    found["calculator with field errors"] = axe_violations(page)

    assert_no_violations(found)


def test_axe_on_the_calculator_while_loading_and_after_a_failure(page, base_url):
    # Not guarded: the aborted download is logged as a console error on purpose.
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # never answered: loading
    page.goto(f"{base_url}/rekenhulp/?kmo_timeout=60000")
    page.wait_for_selector("#kmo-result[data-state='loading']")
    for _ in range(300):  # until the runtime's download is held
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the calculator never asked for pyodide.asm.wasm"
    expect(page.locator("[data-kmo-part='loading']")).to_be_visible()
    loading = axe_violations(page)

    page.unroute("**/pyodide.asm.wasm")
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(f"{base_url}/rekenhulp/?kmo_timeout=3000")
    page.wait_for_selector("#kmo-result[data-state='error']", timeout=20_000)
    expect(page.locator("#kmo-result [data-kmo-phone]")).to_be_visible()
    failed = axe_violations(page)
    for route in held:
        try:
            route.abort()
        except Exception:  # noqa: BLE001 - the page that asked is gone
            pass
    assert not loading and not failed, f"loading: {loading}\nerror: {failed}"


def test_axe_on_every_state_of_the_answer(guarded_page, base_url):
    """The answer first: a yes, a no, an incomplete form and an amount warning, details open, on a phone too."""
    page = guarded_page
    found: dict[str, list[str]] = {}
    base = "service=advies&theme=cybersecurity&date=2026-03-02&size=klein"
    for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
        page.set_viewport_size(viewport)
        where = f"{viewport['width']} px"
        page.goto(f"{base_url}/rekenhulp/?{base}&cost=12000&main_activity=nee&public_share=10")
        page.wait_for_selector(READY, timeout=LOAD_MS)
        expect(page.locator("#kmo-result")).to_have_attribute("data-eligible", "false")
        found[f"ready, no ({where})"] = axe_violations(page)
        page.goto(f"{base_url}/rekenhulp/?{base}&cost=12000")
        page.wait_for_selector(READY, timeout=LOAD_MS)
        expect(page.locator("#kmo-result")).to_have_attribute("data-eligible", "true")
        found[f"ready, yes ({where})"] = axe_violations(page)
        page.locator("[data-kmo-details='result'] summary").click()
        page.locator("[data-kmo-details='assumed'] summary").click()
        found[f"ready, details open ({where})"] = axe_violations(page)
        axe_after_amount_edits(page, "cost", found, where)
    assert_no_violations(found)


# --------------------------------------------------------------------------- the keyboard


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
           return {name: e.name || e.dataset.kmoAdd || e.dataset.kmoRemove !== undefined && 'remove' || e.id || e.tagName,
                   tag: e.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
                   text: (e.textContent || '').trim().slice(0, 60)}; }"""
    )


def assert_visible_focus(page, what: str) -> None:
    state = focused(page)
    # Chromium's own focus ring ("auto") or an outline of at least 2 px.
    visible = state["outline"] == "auto" or (state["outline"] not in ("none", "") and state["width"] >= 2)
    assert visible, f"no visible focus on {what}: {state}"


def test_calculator_rows_and_details_by_keyboard_alone(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/?company=figures&fte=10&turnover=1.000.000&balance_sheet_total=500.000"
              "&service=opleiding&theme=innovatie&cost=2.000&date=2026-03-02")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    page.focus("#kmo-balance_sheet_total")

    def tab_to(predicate, what: str, limit: int = 20):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if predicate(focused(page)):
                return
        pytest.fail(f"Tab never reached {what}; now on {focused(page)}")

    # The first <details> (previous year) opens with Enter, its fields come next.
    tab_to(lambda f: f["tag"] == "SUMMARY", "the first summary")
    assert_visible_focus(page, "a summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "prev_fte"
    # On to the group details, open it, add a partner with Enter.
    tab_to(lambda f: f["tag"] == "SUMMARY", "the second summary")
    page.keyboard.press("Enter")
    tab_to(lambda f: f["name"] == "partner", "the add-partner button")
    assert_visible_focus(page, "the add button")
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "partner_share_0", "focus moves into the new row"
    page.keyboard.type("30")
    for text in ("5", "100.000", "100.000"):
        page.keyboard.press("Tab")
        page.keyboard.type(text)
    page.wait_for_selector(READY)
    assert "partner_share_0=30" in page.url
    tab_to(lambda f: f["name"] == "remove", "the remove button", limit=3)
    assert_visible_focus(page, "the remove button")
    page.keyboard.press("Enter")
    expect(page.locator("[data-kmo-rows='partner'] .kmo-row")).to_have_count(0)
    assert focused(page)["name"] == "partner", "focus goes back to the add button"
    page.wait_for_selector(READY)
    assert "partner_" not in page.url


def test_errors_are_tied_to_fields_and_reachable_from_the_result(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/?service=opleiding&theme=innovatie&cost=zeven&date=2026-03-02")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    expect(page.locator("#kmo-result")).to_have_attribute("data-ok", "false")
    # The field says it is wrong and which message belongs to it.
    expect(page.locator("#kmo-cost")).to_have_attribute("aria-invalid", "true")
    described = page.get_attribute("#kmo-cost", "aria-describedby").split()
    assert "kmo-error-cost" in described
    message = page.inner_text("#kmo-error-cost").strip()
    assert message
    # The result lists the same message as a link that puts the keyboard focus in the field.
    link = page.locator("[data-kmo-out='errors'] a[href='#kmo-cost']")
    expect(link).to_have_text(message, use_inner_text=True)
    link.focus()
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "cost"


def test_result_is_announced_once_typing_pauses(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/?service=advies&theme=cybersecurity&date=2026-03-02")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    status = page.locator("[data-kmo-status]")
    # The first answer (an incomplete form) is spoken a moment after it shows; then type.
    page.wait_for_function("() => document.querySelector('[data-kmo-status]').textContent.trim() !== ''", timeout=5000)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    page.evaluate(
        """() => { window.__said = [];
           new MutationObserver(() => window.__said.push(document.querySelector('[data-kmo-status]').textContent))
             .observe(document.querySelector('[data-kmo-status]'), {childList: true, characterData: true, subtree: true}); }"""
    )
    page.locator("#kmo-cost").press_sequentially("12.345", delay=60)
    page.wait_for_selector(READY)
    page.wait_for_function("() => window.__said.length > 0", timeout=5000)
    page.wait_for_timeout(1200)  # the announcement waits for a pause; give a second one time to appear
    said = page.evaluate("window.__said")
    assert len(said) == 1, f"the live region spoke {len(said)} times while typing one number: {said}"
    assert "12.345" in said[0] or "€" in said[0] or said[0].strip(), said
    # The live region is in the page from the start (a region added later is not always read).
    expect(page.locator("[data-kmo-status]")).to_have_count(1)


def test_generated_tables_fit_a_phone_and_can_be_scrolled_by_keyboard(guarded_page, built_site, base_url):
    """At 360 px every generated table fits the column (its rows are stacked, see ecx.css); each
    is focusable and named, and one that is wider than its column (at any width) scrolls with the
    keyboard."""
    page = guarded_page
    pages = table_paths(built_site)
    assert pages, "no page shows a generated table"
    for width, path in ((width, path) for width in (360, 1280) for path in pages):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(f"{base_url}/{path}")
        page.wait_for_selector(".kmo-tabel .md-typeset__scrollwrap")
        page.evaluate("document.querySelectorAll('.kmo-tabel details').forEach((d) => { d.open = true; })")
        tables = page.locator(".kmo-tabel table")
        expect(tables.first).to_be_attached()
        for index in range(tables.count()):
            table = tables.nth(index)
            expect(table).to_have_attribute("tabindex", "0")
            name = table.evaluate("(t) => document.getElementById(t.getAttribute('aria-labelledby'))?.textContent.trim()")
            assert name, "a focusable table is named by its caption"
            wrap = table.locator("xpath=ancestor::div[contains(@class,'md-typeset__scrollwrap')][1]")
            wide = wrap.evaluate("(w) => w.scrollWidth > w.clientWidth + 1")
            if width == 360:
                assert not wide, f"table {name!r} is wider than a 360 px screen"
            elif wide:
                table.focus()
                assert_visible_focus(page, "a table")
                page.keyboard.press("ArrowRight")
                page.wait_for_function("(w) => w.scrollLeft > 0", arg=wrap.element_handle())
        assert not axe_violations(page), f"axe at {width} px on /{path}"


# --------------------------------------------------------------------------- small screens and zoom


@pytest.mark.parametrize(
    ("label", "viewport", "scale"),
    [("320 px", {"width": 320, "height": 640}, 1), ("200% zoom", {"width": 640, "height": 400}, 2)],
)
def test_no_sideways_scrolling(browser, built_site, base_url, label, viewport, scale):
    # 200% zoom of a 1280 px wide window: a layout viewport of 640 CSS px at device scale 2.
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        page = context.new_page()
        wide = []
        for path in sitemap_paths(built_site):
            page.goto(f"{base_url}/{path}")
            settle(page)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                culprit = page.evaluate(
                    """() => { const w = document.documentElement.clientWidth;
                       const e = [...document.querySelectorAll('body *')].find(
                         (x) => x.getBoundingClientRect().right > w + 1 && getComputedStyle(x).position !== 'fixed');
                       return e ? e.tagName + '.' + e.className : '?'; }"""
                )
                wide.append(f"/{path}: {overflow}px ({culprit})")
        assert not wide, f"the document scrolls sideways at {label}:\n  " + "\n  ".join(wide)
    finally:
        context.close()
