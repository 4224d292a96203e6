"""The calculator at /rekenhulp/ in a real Chromium: form -> URL -> Pyodide worker -> result.

Expected results come from the recorded cases (tests/cases/recorded.json) or from the rules
package itself, run here in CPython: the browser must show what Python answers.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import urllib.parse
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kmo_portefeuille import evaluate

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "recorded.json"
WEB = ROOT / "calculator" / "web"

READY = "#kmo-result[data-state='ready']:not([data-pending])"
FIGURES = ("fte", "turnover", "balance_sheet_total")
ROW_PARTS = ("share", *FIGURES)
ROW_KINDS = {"partners": "partner", "linked": "linked"}
CHECKLIST = ("legal_form", "flanders", "main_activity")
SERVICES = ("opleiding", "advies")
SIZES = ("klein", "middelgroot")
DESCRIBED_BY_WARNING = re.compile(r"(^|\s)kmo-warning-cost(\s|$)")
LOAD_MS = 30000  # generous: a cold Pyodide start on a slow CI runner
PHONE = "0800 93 710"


# --------------------------------------------------------------------------- mapping requests to the form


class Unmappable(Exception):
    """A request the form cannot express (e.g. a date the date input cannot hold)."""


def as_text(value) -> str:
    """A request value as a visitor would type it (Belgian decimal comma for floats)."""
    if isinstance(value, bool) or value is None:
        raise Unmappable(f"not a typed value: {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, str):
        return value
    raise Unmappable(f"not a typed value: {value!r}")


def form_values(request: dict, theme_values: set[str]) -> dict[str, str]:
    """URL keys -> text for a request; raises Unmappable when the form cannot express it."""
    if not isinstance(request, dict) or set(request) - {
        "date", "service", "theme", "cost", "received", "company", "checklist"
    }:
        raise Unmappable("unknown top-level keys")
    values: dict[str, str] = {}
    date = request.get("date")
    if date is not None:
        if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise Unmappable("the date input holds ISO dates only")
        datetime.date.fromisoformat(date)
        values["date"] = date
    if "service" in request:
        if request["service"] not in SERVICES:
            raise Unmappable("service")
        values["service"] = request["service"]
    if "theme" in request:
        if request["theme"] not in theme_values:
            raise Unmappable("theme")
        values["theme"] = request["theme"]
    for key in ("cost", "received"):
        if key in request:
            values[key] = as_text(request[key])
    company = request.get("company", {})
    if not isinstance(company, dict):
        raise Unmappable("company")
    if "public_share" in company:
        values["public_share"] = as_text(company["public_share"])
    if "size" in company:
        if set(company) - {"size", "public_share"} or company["size"] not in SIZES:
            raise Unmappable("size with figures, or a size the select does not offer")
        values["company"] = "size"
        values["size"] = company["size"]
    else:
        if set(company) - {*FIGURES, "previous", "partners", "linked", "public_share"}:
            raise Unmappable("company keys")
        values["company"] = "figures"
        for key in FIGURES:
            if key in company:
                values[key] = as_text(company[key])
        previous = company.get("previous", {})
        if not isinstance(previous, dict) or set(previous) - set(FIGURES):
            raise Unmappable("previous")
        for key in FIGURES:
            if key in previous:
                values[f"prev_{key}"] = as_text(previous[key])
        for key, prefix in ROW_KINDS.items():
            rows = company.get(key, [])
            if not isinstance(rows, list) or len(rows) > 20:
                raise Unmappable(key)
            for index, row in enumerate(rows):
                if not isinstance(row, dict) or set(row) - set(ROW_PARTS):
                    raise Unmappable(key)
                values[f"{prefix}_share_{index}"] = ""
                for part in ROW_PARTS:
                    if part in row:
                        values[f"{prefix}_{part}_{index}"] = as_text(row[part])
    checklist = request.get("checklist", {})
    if not isinstance(checklist, dict) or set(checklist) - set(CHECKLIST):
        raise Unmappable("checklist")
    for key, answer in checklist.items():
        if not isinstance(answer, bool):
            raise Unmappable("checklist answers are yes/no")
        values[key] = "ja" if answer else "nee"
    return values


def request_from_values(values: dict[str, str], today: str) -> dict:
    """The request the form sends for these values (every answer as text, defaults left out)."""
    request: dict = {"date": values.get("date") or today}
    for key in ("service", "theme", "cost", "received"):
        if values.get(key):
            request[key] = values[key]
    company: dict = {}
    if values.get("company", "size") == "size":
        if values.get("size"):  # no size is preselected
            company["size"] = values["size"]
    else:
        for key in FIGURES:
            if values.get(key):
                company[key] = values[key]
        previous = {key: values[f"prev_{key}"] for key in FIGURES if values.get(f"prev_{key}")}
        if previous:
            company["previous"] = previous
        for key, prefix in ROW_KINDS.items():
            count = 1 + max((int(k.rsplit("_", 1)[1]) for k in values if k.startswith(prefix + "_")), default=-1)
            rows = []
            for index in range(count):
                rows.append({p: values[f"{prefix}_{p}_{index}"] for p in ROW_PARTS if values.get(f"{prefix}_{p}_{index}")})
            if rows:
                company[key] = rows
    if values.get("public_share"):
        company["public_share"] = values["public_share"]
    if values.get("maatwerkbedrijf", "nee") == "ja":
        company["maatwerkbedrijf"] = True
    request["company"] = company
    # Answers left at their default stay out: the rules assume them (answer.assumed).
    request["checklist"] = {key: False for key in CHECKLIST if values.get(key, "ja") == "nee"}
    return request


def expected_attributes(response: dict) -> dict[str, str]:
    if any(warning.get("field") for warning in response.get("warnings", [])):
        return {"part": "doubt"}  # a doubtful amount: the question first, no verdict
    if not response.get("ok"):
        return {"ok": "false", "errors": " ".join(e["field"] for e in response.get("errors", []))}
    return {
        "ok": "true",
        "size": response["size"],
        "eligible": "true" if response["eligible"] else "false",
        "ratePercent": response["rate_percent"],
        "support": response["support"],
    }


def result_attributes(page, timeout: float = LOAD_MS) -> dict[str, str]:
    page.wait_for_selector(READY, timeout=timeout)
    return page.evaluate("() => Object.assign({}, document.querySelector('#kmo-result').dataset)")


def subset(attributes: dict[str, str], expected: dict[str, str]) -> dict[str, str]:
    return {key: attributes.get(key) for key in expected}


def browser_today(page) -> str:
    return page.evaluate(
        "() => { const d = new Date(); const p = (n) => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
    )


def open_details(page, name: str) -> None:
    details = page.locator(f"[data-kmo-details='{name}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def open_result_details(page) -> None:
    details = page.locator("[data-kmo-details='result']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


PRINT_ORDER = ["[data-kmo-out='headline']", "[data-kmo-block='why']", "[data-kmo-block='next']",
               "[data-kmo-details='result'] [data-kmo-out='support']", ".kmo-print-inputs"]


def assert_print_order(page, order=tuple(PRINT_ORDER)) -> None:
    """In print: the answer, why, what now, the details (open), then the inputs, top to bottom (or
    the parts of #kmo-result in `order`)."""
    tops = []
    for selector in order:
        element = page.locator(f"#kmo-result {selector}")
        assert element.is_visible(), f"{selector} is not printed"
        tops.append(element.bounding_box()["y"])
    assert tops == sorted(tops), list(zip(order, tops))


def fill_form(page, values: dict[str, str]) -> None:
    """Put values into the form the way a visitor would: click, choose, type."""
    mode = values.get("company", "size")
    page.check(f"input[name='company'][value='{mode}']")
    if mode == "size":
        page.select_option("#kmo-size", values.get("size") or "")
    else:
        for key in FIGURES:
            page.fill(f"#kmo-{key}", values.get(key, ""))
        open_details(page, "previous")
        for key in FIGURES:
            page.fill(f"#kmo-prev_{key}", values.get(f"prev_{key}", ""))
        open_details(page, "group")
        for prefix in ROW_KINDS.values():
            while page.locator(f"[data-kmo-rows='{prefix}'] [data-kmo-remove]").count():
                page.locator(f"[data-kmo-rows='{prefix}'] [data-kmo-remove]").first.click()
            count = 1 + max((int(k.rsplit("_", 1)[1]) for k in values if k.startswith(prefix + "_")), default=-1)
            for index in range(count):
                page.click(f"[data-kmo-add='{prefix}']")
                for part in ROW_PARTS:
                    page.fill(f"#kmo-{prefix}_{part}_{index}", values.get(f"{prefix}_{part}_{index}", ""))
    open_details(page, "assumed")
    page.fill("#kmo-public_share", values.get("public_share", ""))
    for key in CHECKLIST:
        page.check(f"input[name='{key}'][value='{values.get(key, 'ja')}']")
    if values.get("service"):
        page.check(f"input[name='service'][value='{values['service']}']")
    else:  # a radio cannot be unchecked by clicking: clear it as a reset would
        page.evaluate(
            "() => { for (const r of document.querySelectorAll(\"input[name='service']\")) r.checked = false;"
            " document.querySelector('#kmo-form').dispatchEvent(new Event('change', {bubbles: true})); }"
        )
    page.select_option("#kmo-theme", values.get("theme", ""))
    page.fill("#kmo-cost", values.get("cost", ""))
    page.fill("#kmo-date", values.get("date") or browser_today(page))
    page.fill("#kmo-received", values.get("received", ""))


def theme_options(page) -> set[str]:
    return set(page.eval_on_selector_all("#kmo-theme option", "os => os.map(o => o.value).filter(Boolean)"))


def load_cases() -> list[dict]:
    return json.loads(CASES.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- tests


def test_recorded_cases_through_the_form(guarded_page, base_url):
    page = guarded_page
    page.goto(base_url + "/rekenhulp/")
    result_attributes(page)
    themes = theme_options(page)
    cases = load_cases()
    assert cases, "tests/cases/recorded.json has no cases"
    checked, mismatches = 0, []
    for case in cases:
        try:
            values = form_values(case["request"], themes)
        except Unmappable:
            continue
        fill_form(page, values)
        got = result_attributes(page)
        want = expected_attributes(case["response"])
        if subset(got, want) != want:
            mismatches.append(f"{case['name']}: form gave {subset(got, want)}, recorded {want}")
        checked += 1
    assert not mismatches, "\n".join(mismatches)
    assert checked >= len(cases) * 0.8, f"only {checked} of {len(cases)} recorded cases map to the form"


def test_url_restores_form_and_result_and_prints_one_page(guarded_page, base_url):
    page = guarded_page
    values = {
        "company": "figures",
        "fte": "40",
        "turnover": "6.000.000",
        "balance_sheet_total": "4.000.000",
        "prev_fte": "38",
        "prev_turnover": "5.500.000",
        "prev_balance_sheet_total": "4.000.000",
        "partner_share_0": "30",
        "partner_fte_0": "40",
        "partner_turnover_0": "2.000.000",
        "partner_balance_sheet_total_0": "1.000.000",
        "linked_share_0": "60",
        "linked_fte_0": "2",
        "linked_turnover_0": "100.000",
        "linked_balance_sheet_total_0": "50.000",
        "main_activity": "nee",
        "service": "opleiding",
        "theme": "energie-efficientie",
        "cost": "3.000,00",
        "date": "2026-04-01",
        "received": "€ 1 000",
    }
    query = urllib.parse.urlencode(values)
    page.goto(f"{base_url}/rekenhulp/?{query}")
    got = result_attributes(page)
    expected = evaluate(request_from_values(values, values["date"]))
    assert subset(got, expected_attributes(expected)) == expected_attributes(expected)

    for key, text in values.items():
        if key in ("company", "main_activity", "service"):
            expect(page.locator(f"input[name='{key}'][value='{text}']"), key).to_be_checked()
        else:
            expect(page.locator(f"#kmo-{key}"), key).to_have_value(text)
    expect(page.locator("#kmo-prev_fte")).to_be_visible()
    expect(page.locator("#kmo-linked_fte_0")).to_be_visible()
    # Writing the URL back keeps the same state.
    assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query, keep_blank_values=True)) == values

    # A value from the URL inside the folded questions opens them.
    expect(page.locator("[data-kmo-details='assumed']")).to_have_js_property("open", True)

    # The answer first: the one reason that decides the "no"; the rule trace in the closed details.
    assert got["eligible"] == "false"
    expect(page.locator("[data-kmo-out='headline']")).to_have_text(expected["answer"]["headline"], use_inner_text=True)
    expect(page.locator("[data-kmo-details='result']")).to_have_js_property("open", False)
    expect(page.locator("[data-kmo-out='reasons'] li").first).to_be_attached()
    open_result_details(page)
    expect(page.locator("[data-kmo-out='support']")).to_have_text(re.compile(r"^\s*€\s\d{1,3}(\.\d{3})*(,\d{2})?\s*$"))

    # A training: ECX does not give it, the hand-off points to VLAIO instead of asking ECX for an offer.
    expect(page.locator("[data-kmo-advice]")).to_be_hidden()
    vlaio = page.locator("[data-kmo-handoff='opleiding'] a")
    expect(vlaio).to_be_visible()
    assert urllib.parse.urlsplit(vlaio.get_attribute("href")).hostname == "www.vlaio.be"
    assert set(vlaio.get_attribute("rel").split()) == {"noopener", "noreferrer", "external"}

    # Print: only the answer, why, what now, the details (open) and the inputs, in that order, on one page.
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("#kmo-form")).to_be_hidden()
    expect(page.locator(".kmo-actions")).to_be_hidden()
    expect(page.locator("[data-kmo-bar]")).to_be_hidden()
    expect(page.locator(".kmo-print-inputs")).to_be_visible()
    expect(page.locator(".kmo-print-inputs")).to_contain_text("3.000,00", use_inner_text=True)
    expect(page.locator("[data-kmo-out='support']")).to_be_visible()
    assert_print_order(page)
    pdf = page.pdf(format="A4", margin={"top": "1cm", "bottom": "1cm", "left": "1cm", "right": "1cm"})
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages == 1, f"the printout has {pages} pages"
    page.emulate_media(media="screen")

    # No accessibility violations axe can find in the calculator.
    violations = Axe().run(page, context={"include": [[".kmo-rekenhulp"]]}).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]

    # Advice: the hand-off asks ECX for an offer and opens the contact form with the simulation.
    page.check("input[name='service'][value='advies']")
    result_attributes(page)
    expect(page.locator("[data-kmo-handoff='opleiding']")).to_be_hidden()
    advice = page.locator("[data-kmo-advice]")
    expect(advice).to_be_visible()
    expect(advice).to_have_text("Vraag ECX een offerte", use_inner_text=True)
    parts = urllib.parse.urlsplit(advice.get_attribute("href"))
    assert parts.path == "/contact/"
    summary = urllib.parse.parse_qs(parts.query)["simulatie"][0]
    assert "Advies" in summary and "/rekenhulp/?" in summary
    advice.click()
    page.wait_for_url("**/contact/**")
    message = page.locator("textarea[name='bericht']")
    message.wait_for()
    page.wait_for_function("() => document.querySelector(\"textarea[name='bericht']\").value.length > 0")
    assert "Simulatie kmo-portefeuille" in message.input_value()


def test_belgian_numbers_typed_and_errors_next_to_fields(guarded_page, base_url):
    page = guarded_page
    page.goto(base_url + "/rekenhulp/")
    result_attributes(page)
    page.check("input[name='company'][value='figures']")
    page.locator("#kmo-fte").press_sequentially("12,5")
    page.locator("#kmo-turnover").press_sequentially("€ 12 000")
    page.locator("#kmo-balance_sheet_total").press_sequentially("900.000")
    page.check("input[name='service'][value='opleiding']")
    page.select_option("#kmo-theme", "innovatie")
    page.locator("#kmo-cost").press_sequentially("7.500,50")
    page.fill("#kmo-date", "2026-05-15")
    got = result_attributes(page)
    values = {
        "company": "figures", "fte": "12,5", "turnover": "€ 12 000", "balance_sheet_total": "900.000",
        "service": "opleiding", "theme": "innovatie", "cost": "7.500,50", "date": "2026-05-15",
    }
    expected = evaluate(request_from_values(values, "2026-05-15"))
    assert expected["ok"] and expected["support"] == "2250.15"
    assert subset(got, expected_attributes(expected)) == expected_attributes(expected)
    open_result_details(page)
    expect(page.locator("[data-kmo-out='support']")).to_have_text("€ 2.250,15", use_inner_text=True)

    # A wrong number: the message sits next to its field, and what was typed stays.
    page.fill("#kmo-cost", "zeven")
    got = result_attributes(page)
    assert got["ok"] == "false" and "cost" in got["errors"].split()
    expect(page.locator("#kmo-cost")).to_have_attribute("aria-invalid", "true")
    described = page.get_attribute("#kmo-cost", "aria-describedby").split()
    assert "kmo-error-cost" in described
    expect(page.locator("#kmo-error-cost")).to_be_visible()
    assert page.inner_text("#kmo-error-cost").strip()
    expect(page.locator("#kmo-cost")).to_have_value("zeven")
    expect(page.locator("#kmo-fte")).to_have_value("12,5")
    page.fill("#kmo-cost", "7.500,50")
    assert result_attributes(page)["ok"] == "true"
    expect(page.locator("#kmo-cost")).not_to_have_attribute("aria-invalid")
    expect(page.locator("#kmo-error-cost")).to_be_hidden()

    # A partner row can be added and removed; its errors land on its own field.
    open_details(page, "group")
    page.click("[data-kmo-add='partner']")
    page.fill("#kmo-partner_share_0", "300")
    page.fill("#kmo-partner_fte_0", "1")
    got = result_attributes(page)
    assert "company.partners.0.share" in got["errors"].split()
    expect(page.locator("#kmo-error-partner_share_0")).to_be_visible()
    page.click("[data-kmo-rows='partner'] [data-kmo-remove]")
    assert result_attributes(page)["ok"] == "true"
    assert "partner_" not in page.url

    # Every control has a label, also in added rows; the fixed URL keys are the field names.
    page.click("[data-kmo-add='partner']")
    page.click("[data-kmo-add='linked']")
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('#kmo-form input:not([type=hidden]), #kmo-form select')]
              .filter((e) => !e.labels || e.labels.length === 0 || !e.labels[0].textContent.trim())
              .map((e) => e.name || e.outerHTML)"""
    )
    assert unlabeled == []
    names = page.eval_on_selector_all("#kmo-form [name]", "es => es.map(e => e.name)")
    for fixed in ("date", "service", "theme", "cost", "received", "size", "fte", "turnover", "balance_sheet_total"):
        assert fixed in names


def test_keyboard_only(guarded_page, base_url):
    """Through the form by keyboard alone, what is bought first, on to the answer and its details."""
    page = guarded_page
    page.goto(base_url + "/rekenhulp/?date=2026-03-02&size=klein")  # no size is preselected: the link gives it
    result_attributes(page)
    page.evaluate("() => { window.__marker = 'kept'; document.activeElement && document.activeElement.blur(); }")

    def focused():
        return page.evaluate(
            "() => { const e = document.activeElement;"
            " return e ? (e.name || (e.tagName === 'SUMMARY' && e.parentElement.dataset.kmoDetails) || e.id || e.tagName) : null; }"
        )

    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        name = focused()
        seen.append(name)
        if name == "service":
            break
    else:
        pytest.fail(f"Tab never reached the service choice; focus went through {seen}")
    assert not {"company", "size", "legal_form", "public_share"} & set(seen), f"company questions before the service: {seen}"

    page.keyboard.press("ArrowRight")  # second radio of the group: advies
    expect(page.locator("input[name='service'][value='advies']")).to_be_checked()
    page.keyboard.press("Tab")
    assert focused() == "theme"
    page.keyboard.type("Cyber")
    expect(page.locator("#kmo-theme")).to_have_value("cybersecurity")
    page.keyboard.press("Tab")
    assert focused() == "cost"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus must be visible"
    page.keyboard.type("5.000")
    page.keyboard.press("Enter")  # must not submit or reload
    got = result_attributes(page)
    values = {"service": "advies", "theme": "cybersecurity", "cost": "5.000", "date": "2026-03-02", "size": "klein"}
    expected = evaluate(request_from_values(values, "2026-03-02"))
    assert subset(got, expected_attributes(expected)) == expected_attributes(expected)
    assert page.evaluate("() => window.__marker") == "kept"

    # On through the company, the folded questions and what was received, to the answer's details.
    rest = []
    for _ in range(40):
        page.keyboard.press("Tab")
        rest.append(focused())
        if rest[-1] == "result":
            break
    else:
        pytest.fail(f"Tab never reached the answer's details; focus went through {rest}")
    order = [n for n in ("date", "company", "size", "assumed", "received", "result") if n in rest]
    assert order == ["date", "company", "size", "assumed", "received", "result"], rest
    page.keyboard.press("Enter")
    expect(page.locator("[data-kmo-details='result']")).to_have_js_property("open", True)
    expect(page.locator("[data-kmo-out='support']")).to_be_visible()

    # The folded questions open by keyboard; change the size with the keyboard: the result follows.
    page.focus("[data-kmo-details='assumed'] summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused() == "legal_form"
    page.focus("#kmo-size")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#kmo-size")).to_have_value("middelgroot")
    got = result_attributes(page)
    expected = evaluate(request_from_values({**values, "size": "middelgroot"}, "2026-03-02"))
    assert subset(got, expected_attributes(expected)) == expected_attributes(expected)
    assert got["size"] == "middelgroot"

    # The status region speaks the headline once typing has paused.
    page.wait_for_function(
        "() => document.querySelector('[data-kmo-status]').textContent.trim().length > 0", timeout=5000
    )
    expect(page.locator("[data-kmo-status]")).to_have_attribute("aria-live", "polite")
    expect(page.locator("[data-kmo-status]")).to_have_text(expected["answer"]["headline"], use_inner_text=True)


def test_error_when_the_runtime_cannot_load(page, base_url):
    # Not guarded: the aborted request is logged as a console error on purpose.
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(base_url + "/rekenhulp/")
    page.fill("#kmo-cost", "1.234,00")
    page.wait_for_selector("#kmo-result[data-state='error']", timeout=15000)
    phone = page.locator("#kmo-result [data-kmo-phone]")
    expect(phone).to_be_visible()
    expect(phone).to_have_text(PHONE, use_inner_text=True)
    expect(phone).to_have_attribute("href", "tel:+3280093710")
    expect(page.locator("#kmo-cost")).to_have_value("1.234,00")
    expect(page.locator("#kmo-result")).not_to_have_attribute("data-size")


def site_path(built_site: Path) -> str:
    """The path of site_url ("/kmo-portefeuille/"), read from the sitemap Material uses."""
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    first = re.search(r"<loc>([^<]+)</loc>", text)
    return urllib.parse.urlsplit(first.group(1)).path if first else "/"


def test_instant_navigation_reuses_one_worker(built_site, serve_directory, browser_type, browser_type_launch_args):
    # Material navigates instantly only to URLs in sitemap.xml, compared on their path: serve the
    # site at the path of site_url, on a host name without a port.
    prefix = site_path(built_site)
    problems: list[str] = []
    wasm_requests: list[str] = []
    with contextlib.ExitStack() as stack:
        served = stack.enter_context(serve_directory(built_site, prefix=prefix))
        port = urllib.parse.urlsplit(served).port
        args = list(browser_type_launch_args.get("args", [])) + [f"--host-resolver-rules=MAP kmo.test 127.0.0.1:{port}"]
        browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
        stack.callback(browser.close)
        home = f"http://kmo.test{prefix}"
        page = browser.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

        def on_request(request):
            host = urllib.parse.urlsplit(request.url).hostname
            if request.url.startswith(("http:", "https:")) and host not in ("kmo.test", "127.0.0.1", "localhost"):
                problems.append(f"off-host request: {request.url}")
            if request.url.endswith("pyodide.asm.wasm"):
                wasm_requests.append(request.url)

        page.context.on("request", on_request)
        page.goto(home)
        # Material intercepts links once it has read sitemap.xml.
        page.wait_for_load_state("networkidle")
        page.evaluate("() => { window.__marker = 'same-document'; }")
        page.locator("a[href$='rekenhulp/']:visible").first.click()
        page.wait_for_url("**/rekenhulp/**")
        got = result_attributes(page)
        assert page.evaluate("() => window.__marker") == "same-document", "the page was fully reloaded"
        page.check("input[name='service'][value='advies']")
        page.select_option("#kmo-theme", "cybersecurity")
        page.fill("#kmo-cost", "10.000")
        page.fill("#kmo-date", "2026-03-02")
        got = result_attributes(page)
        expected = evaluate(request_from_values(
            {"service": "advies", "theme": "cybersecurity", "cost": "10.000", "date": "2026-03-02"}, "2026-03-02"
        ))
        assert subset(got, expected_attributes(expected)) == expected_attributes(expected)
        assert urllib.parse.urlsplit(page.get_attribute("[data-kmo-advice]", "href")).path == f"{prefix}contact/"

        # Away and back again: the calculator mounts anew, on the same worker.
        page.locator("a[href$='contact/']:visible").first.click()
        page.wait_for_url("**/contact/**")
        page.locator("a[href$='rekenhulp/']:visible").first.click()
        page.wait_for_url("**/rekenhulp/**")
        result_attributes(page, timeout=10000)
        assert page.evaluate("() => window.__marker") == "same-document", "the page was fully reloaded"
        assert page.evaluate("() => document.querySelectorAll('[data-kmo-rekenhulp]').length") == 1
        assert len(wasm_requests) == 1, wasm_requests
        assert not problems, problems


def test_under_a_sub_path(guarded_page, built_site, serve_directory):
    page = guarded_page
    with serve_directory(built_site, prefix="/kmo-site/") as url:
        page.goto(url + "rekenhulp/?service=opleiding&theme=digitalisering&cost=1000&date=2026-03-02&size=klein")
        got = result_attributes(page)
        assert got["ok"] == "true"
        href = page.get_attribute("[data-kmo-advice]", "href")
        assert urllib.parse.urlsplit(href).path == "/kmo-site/contact/"


CALCULATOR_FILES = ("calculator.mjs", "worker.mjs", "mount.mjs", "fields.mjs", "form.mjs", "render.mjs",
                    "answer.mjs", "warnings.mjs", "bar.mjs", "dom.mjs", "summary.mjs", "address.mjs")


def test_browser_files_decide_nothing_and_write_no_html():
    """The glue stays thin: no HTML from strings, no theme, rate or amount of the rules, no formatting."""
    sources = {path.name: path.read_text(encoding="utf-8") for path in WEB.glob("*.mjs")
               if path.name in CALCULATOR_FILES}
    assert set(sources) == set(CALCULATOR_FILES)
    for name, text in sources.items():
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{name} uses {sink}"
        for word in ("cybersecurity", "energie", "7500", "7.500", "0.3", "0.45"):
            assert word not in text, f"{name} mentions {word!r}: rules belong in the package"
        # Amounts, percentages and dates come formatted from Python (response.display).
        for formatter in ("Intl.", "toLocaleString", "toLocaleDateString", "toFixed("):
            assert formatter not in text, f"{name} formats with {formatter}"


def test_results_follow_typing_without_a_pause(guarded_page, base_url):
    """A new result while the visitor keeps typing: no waiting for a pause before computing."""
    page = guarded_page
    page.goto(base_url + "/rekenhulp/?service=opleiding&theme=innovatie&date=2026-03-02&cost=2000&size=klein")
    first = result_attributes(page)
    # Keystrokes every 60 ms, each changing the cost, until a result shows while still typing.
    seen = page.evaluate(
        """async () => {
            const result = document.querySelector('#kmo-result');
            const input = document.querySelector('#kmo-cost');
            const before = result.dataset.support;
            for (let i = 0; i < 100; i++) {
              input.value = String(3000 + 10 * i);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise((resolve) => setTimeout(resolve, 60));
              if (result.dataset.state === 'ready' && !result.dataset.pending && result.dataset.support !== before) {
                return { cost: input.value, support: result.dataset.support, keystrokes: i + 1 };
              }
            }
            return null;
        }"""
    )
    assert seen, "no result appeared while typing without a pause"
    values = {"service": "opleiding", "theme": "innovatie", "date": "2026-03-02", "cost": seen["cost"], "size": "klein"}
    expected = evaluate(request_from_values(values, "2026-03-02"))
    assert seen["support"] == expected["support"] != first["support"]


def test_missing_figures_are_reported_at_the_first_figure(guarded_page, base_url):
    page = guarded_page
    page.goto(base_url + "/rekenhulp/?service=opleiding&theme=innovatie&cost=1000&date=2026-03-02")
    result_attributes(page)
    page.check("input[name='company'][value='figures']")
    got = result_attributes(page)
    assert got["ok"] == "false" and got["errors"].split() == ["company"]
    message = evaluate(request_from_values({"company": "figures", "service": "opleiding", "theme": "innovatie",
                                            "cost": "1000", "date": "2026-03-02"}, "2026-03-02"))["errors"][0]["message"]
    # The first figure field says what is missing, and the screen reader is told so.
    expect(page.locator("#kmo-error-fte")).to_be_visible()
    expect(page.locator("#kmo-error-fte")).to_have_text(message, use_inner_text=True)
    expect(page.locator("#kmo-fte")).to_have_attribute("aria-invalid", "true")
    assert "kmo-error-fte" in page.get_attribute("#kmo-fte", "aria-describedby").split()
    # Every error in the result is a link to its field; this one puts the focus in fte.
    items = page.locator("[data-kmo-out='errors'] li")
    assert items.count() == 1 and items.locator("a").count() == 1
    link = items.locator("a[href='#kmo-fte']")
    expect(link).to_have_text(message, use_inner_text=True)
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "kmo-fte"
    # Once a figure is typed, the error moves on to what is still missing.
    page.fill("#kmo-fte", "3")
    got = result_attributes(page)
    assert "company" not in got["errors"].split() and "company.turnover" in got["errors"].split()


def test_a_large_maatwerkbedrijf_is_answered_with_the_medium_rate(guarded_page, base_url):
    page = guarded_page
    query = ("date=2026-03-02&service=advies&theme=cybersecurity&cost=10000&company=figures"
             "&fte=400&turnover=90000000&balance_sheet_total=90000000")
    page.goto(f"{base_url}/rekenhulp/?{query}")
    assert result_attributes(page)["eligible"] == "false"
    open_details(page, "assumed")
    page.check("input[name='maatwerkbedrijf'][value='ja']")
    page.wait_for_selector("#kmo-result[data-eligible='true']:not([data-pending])", timeout=LOAD_MS)
    got = result_attributes(page)
    assert (got["size"], got["support"]) == ("middelgroot", "3500.00")
    assert "maatwerkbedrijf=ja" in page.url
    # The URL brings the answer back.
    page.goto(page.url)
    expect(page.locator("input[name='maatwerkbedrijf'][value='ja']")).to_be_checked()
    assert result_attributes(page)["support"] == "3500.00"


# --------------------------------------------------------------------------- the answer first (issue 13)

CYBER = {"service": "advies", "theme": "cybersecurity", "cost": "12000", "date": "2026-03-02", "size": "klein"}


def load_answer(page, base_url, values: dict[str, str]) -> tuple[dict, dict]:
    """Open the rekenhulp with these values: what #kmo-result says, and what Python answers."""
    page.goto(f"{base_url}/rekenhulp/?{urllib.parse.urlencode(values)}")
    return result_attributes(page), evaluate(request_from_values(values, values["date"]))


def visible_text(page, selector: str) -> str:
    # Amounts and dates hold no-break spaces, as the rules write them.
    return page.inner_text(selector)


def test_the_answer_panel_comes_first_and_holds_the_amounts(guarded_page, base_url):
    page = guarded_page
    got, expected = load_answer(page, base_url, CYBER)
    assert got["eligible"] == "true" and expected["eligible"]
    answer = expected["answer"]

    # The first element of the ready part is the panel with the verdict and both amounts.
    first = page.evaluate("() => document.querySelector(\"#kmo-result [data-kmo-part='ready']\").firstElementChild.outerHTML")
    assert 'data-kmo-out="headline"' in first and "kmo-answer" in first
    headline = visible_text(page, "[data-kmo-out='headline']").strip()
    assert headline == answer["headline"]
    assert "5.400" in headline and "6.600" in headline

    # Then why, what to do now (with the dates the rules know), what was assumed.
    assert [t.strip() for t in page.locator("[data-kmo-out='why'] li").all_inner_texts()] == answer["why"]
    next_items = page.locator("[data-kmo-out='next'] li").all_inner_texts()
    assert len(next_items) == len(answer["next"]) >= 1
    for index, (item, text) in enumerate(zip(answer["next"], next_items)):
        assert item["message"] in text
        if item.get("date_display"):
            bold = page.locator("[data-kmo-out='next'] li").nth(index).locator("strong")
            expect(bold).to_have_text(item["date_display"], use_inner_text=True)
    assert any(item.get("date_display") for item in answer["next"]), "the deadlines with their dates"
    assert answer["assumed"], "nothing was answered in the folded questions: the rules assume it"
    assert visible_text(page, "[data-kmo-out='assumed']").strip() == answer["assumed_line"]
    assert answer["assumed_line"].startswith("We gaan ervan uit dat je onderneming een aanvaarde rechtsvorm heeft")

    # The figures and the rule trace wait in the closed details, with one size line and the rate line.
    details = page.locator("[data-kmo-details='result']")
    expect(details).to_have_js_property("open", False)
    expect(details.locator("summary")).to_have_text("Details en bronnen", use_inner_text=True)
    open_result_details(page)
    display = expected["display"]
    assert visible_text(page, "[data-kmo-out='size']").strip() == display["size"]
    assert visible_text(page, "[data-kmo-out='rate']").strip() == display["rate_line"]
    assert visible_text(page, "[data-kmo-out='support']").strip() == display["support"]
    expect(page.locator("[data-kmo-out='reasons'] a[rel~='external']").first).to_be_attached()


def test_a_no_says_its_reason_once(guarded_page, base_url):
    page = guarded_page
    got, expected = load_answer(page, base_url, {**CYBER, "theme": "innovatie"})
    assert got["eligible"] == "false" == ("true" if expected["eligible"] else "false")
    headline = expected["answer"]["headline"]
    assert visible_text(page, "[data-kmo-out='headline']").strip() == headline
    assert visible_text(page, "#kmo-result").count(headline) == 1
    assert page.locator("[data-kmo-out='next'] li").count() >= 1, "a no says what can be done"
    assert visible_text(page, "[data-kmo-bar-text]").strip() == headline


@pytest.mark.parametrize(("date", "shown"), [("2021-09-13", True), ("2021-09-14", False), ("2026-03-02", False)])
def test_the_13_september_2021_note_only_for_that_date(guarded_page, base_url, date, shown):
    page = guarded_page
    got, _ = load_answer(page, base_url, {**CYBER, "date": date})
    assert got["ok"] == "true"
    ready = page.eval_on_selector("#kmo-result [data-kmo-part='ready']", "e => e.textContent")
    trace = page.eval_on_selector("[data-kmo-details='result']", "e => e.textContent")
    note = re.compile(r"13[ \u00a0]september[ \u00a0]2021")  # with or without no-break spaces
    assert bool(note.search(trace)) is shown
    assert bool(note.search(ready)) is shown
    if shown:
        assert not note.search(visible_text(page, "[data-kmo-out='headline']"))


def test_service_fields_come_before_company_fields(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/")
    names = page.eval_on_selector_all("#kmo-form [name]", "es => [...new Set(es.map(e => e.name))]")
    position = {name: names.index(name) for name in names}
    for bought in ("service", "theme", "cost", "date"):
        for company in ("company", "size", "fte", "legal_form", "flanders", "main_activity", "public_share",
                        "maatwerkbedrijf", "received"):
            assert position[bought] < position[company], names
    # The rare questions are folded in one closed section whose summary says what is assumed.
    assumed = page.locator("[data-kmo-details='assumed']")
    expect(assumed).to_have_js_property("open", False)
    expect(assumed.locator("summary")).to_have_text(re.compile(r"^We gaan ervan uit dat je onderneming"), use_inner_text=True)
    for name in ("legal_form", "flanders", "main_activity", "public_share", "maatwerkbedrijf"):
        expect(assumed.locator(f"[name='{name}']").first).to_be_attached()
        expect(page.locator(f"[name='{name}']").first).to_be_hidden()
    # Changing one changes the summary.
    assumed.locator("summary").click()
    page.check("input[name='flanders'][value='nee']")
    expect(assumed.locator("summary")).to_have_text(re.compile(r"^Je paste aan"), use_inner_text=True)


def test_a_comma_before_three_digits_asks_and_corrects_in_one_tap(guarded_page, base_url):
    page = guarded_page
    values = {key: text for key, text in CYBER.items() if key != "cost"}
    page.goto(f"{base_url}/rekenhulp/?{urllib.parse.urlencode(values)}")
    result_attributes(page)
    page.locator("#kmo-cost").press_sequentially("12,000")
    result_attributes(page)
    warning = page.locator("[data-kmo-warning-for='cost']")
    warning.wait_for()
    expect(page.locator("[data-kmo-warning-for='cost'] p")).to_contain_text("Bedoel je €\u00a012.000?")
    expect(page.locator("#kmo-cost")).to_have_attribute("aria-describedby", DESCRIBED_BY_WARNING)
    # The correction is the next stop for the keyboard, labelled, and described by the question.
    page.keyboard.press("Tab")
    fix = page.locator("[data-kmo-warning-for='cost'] [data-kmo-fix='cost']")
    assert page.evaluate("() => document.activeElement.dataset.kmoFix") == "cost"
    assert fix.inner_text().strip()
    expect(fix).to_have_attribute("aria-describedby", "kmo-warning-cost")
    page.keyboard.press("Enter")
    expect(page.locator("#kmo-cost")).to_have_value("12000")
    assert page.evaluate("() => document.activeElement.id") == "kmo-cost"
    got = result_attributes(page)
    expected = evaluate(request_from_values({**values, "cost": "12000"}, values["date"]))
    assert got["support"] == expected["support"] == "5400.00"
    expect(page.locator("[data-kmo-warning-for='cost']")).to_have_count(0)
    expect(page.locator("#kmo-cost")).not_to_have_attribute("aria-describedby", DESCRIBED_BY_WARNING)
    assert "cost=12000" in page.url


def test_the_balance_sheet_is_optional_when_staff_and_turnover_decide(guarded_page, base_url):
    page = guarded_page
    base = {key: text for key, text in CYBER.items() if key != "size"}
    page.goto(f"{base_url}/rekenhulp/?{urllib.parse.urlencode({**base, 'company': 'figures', 'fte': '8', 'turnover': '900.000'})}")
    got = result_attributes(page)
    assert got["ok"] == "true" and got["size"] == "klein"
    expect(page.locator("label[for='kmo-balance_sheet_total']")).to_contain_text("niet altijd nodig", use_inner_text=True)
    # When it does decide, the field says why it is needed.
    page.fill("#kmo-fte", "30")
    page.fill("#kmo-turnover", "12.000.000")
    got = result_attributes(page)
    assert got["ok"] == "false" and "company.balance_sheet_total" in got["errors"].split()
    expected = evaluate(request_from_values({**base, "company": "figures", "fte": "30", "turnover": "12.000.000"}, base["date"]))
    message = next(e["message"] for e in expected["errors"] if e["field"] == "company.balance_sheet_total")
    expect(page.locator(f"[data-kmo-out='errors'] li >> text={message}")).to_have_count(1)


def test_one_size_line_for_a_public_share_of_25(guarded_page, base_url):
    page = guarded_page
    got, expected = load_answer(page, base_url, {**CYBER, "public_share": "25"})
    assert got["eligible"] == "false"
    open_result_details(page)
    assert visible_text(page, "[data-kmo-out='size']").strip() == expected["display"]["size"]
    sizes = {option["label"] for option in page.eval_on_selector_all(
        "#kmo-size option[value]:not([value=''])", "os => os.map(o => ({label: o.textContent.trim()}))")}
    # No line of the result names a size the shown size line contradicts.
    text = visible_text(page, "#kmo-result [data-kmo-part='ready']")
    assert not [size for size in sizes if size.lower() in text.lower() and size != expected["display"]["size"]], text


def test_nothing_is_wider_than_a_phone_and_the_answer_bar_stays_in_view(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        query = urllib.parse.urlencode({**{k: v for k, v in CYBER.items() if k != "size"}, "company": "figures",
                                        "fte": "8", "turnover": "900.000", "partner_share_0": "30",
                                        "partner_fte_0": "2", "partner_turnover_0": "100.000",
                                        "linked_share_0": "60", "linked_fte_0": "1", "linked_turnover_0": "50.000",
                                        "prev_fte": "7", "prev_turnover": "800.000"})
        page.goto(f"{base_url}/rekenhulp/?{query}")
        result_attributes(page)
        for name in ("assumed", "previous", "group", "result"):
            open_details(page, name)
        page.fill("#kmo-cost", "12,000")
        page.wait_for_selector("[data-kmo-warning-for='cost']")
        result_attributes(page)
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.kmo-rekenhulp *')]
                 .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > 390.5 || r.left < -0.5); })
                 .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
        )
        assert not wide, wide
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

        # Editing the cost at the top of the form: the bar with the answer is in view, below the field.
        page.fill("#kmo-cost", "12.000")
        result_attributes(page)
        page.locator("#kmo-cost").focus()
        page.evaluate("() => window.scrollTo(0, document.querySelector('#kmo-cost').getBoundingClientRect().top + scrollY - 300)")
        bar = page.locator("[data-kmo-bar]")
        expect(bar).to_be_visible()
        box, field = bar.bounding_box(), page.locator("#kmo-cost").bounding_box()
        assert box["y"] + box["height"] <= 844 + 0.5 and box["y"] >= field["y"] + field["height"], (box, field)
        expected = evaluate(request_from_values(CYBER, CYBER["date"]))
        assert visible_text(page, "[data-kmo-bar-text]").strip() == expected["answer"]["headline"]
        # Never announced on its own: no live region, no status role; it links to the result.
        for attribute in ("aria-live", "role"):
            assert page.evaluate(f"() => !!document.querySelector('[data-kmo-bar]').closest('[{attribute}]')") is False
            expect(page.locator(f"[data-kmo-bar] [{attribute}]")).to_have_count(0)
        assert bar.locator("a").get_attribute("href").endswith("#kmo-result")
        # A field focused near the bottom of the screen is scrolled clear of the bar.
        page.evaluate("() => window.scrollTo(0, document.querySelector('#kmo-received').getBoundingClientRect().top + scrollY - 820)")
        page.locator("#kmo-received").focus()
        page.keyboard.type("1")
        box, field = bar.bounding_box(), page.locator("#kmo-received").bounding_box()
        assert field["y"] + field["height"] <= box["y"] + 0.5, (box, field)
        # The bar leads to the result of what is in the form now, on this page.
        page.evaluate("() => { window.__kmoSamePage = true; }")
        bar.locator("a").click()
        assert page.evaluate("() => window.__kmoSamePage") is True
        assert page.evaluate("() => document.activeElement.id") == "kmo-result"
        expect(page.locator("#kmo-received")).to_have_value("1")
        result_box = page.locator("#kmo-result").bounding_box()
        assert -1 <= result_box["y"] < 844
        # Not on a wide screen, and not in print.
        page.set_viewport_size({"width": 1280, "height": 800})
        expect(bar).to_be_hidden()
        page.set_viewport_size({"width": 390, "height": 844})
        page.emulate_media(media="print")
        expect(bar).to_be_hidden()
    finally:
        context.close()
