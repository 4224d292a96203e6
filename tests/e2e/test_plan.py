"""The year planner in a real Chromium: several services in one simulation (issue 14).

Rows 2.. of the service step are date_2, service_2, theme_2, cost_2, … in the URL; with two rows or
more the request is a plan and the result a table in the order of application. Expected amounts
come from the rules package itself, run here in CPython.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from kmo_portefeuille import evaluate
from tests.e2e.test_accessibility import (
    assert_no_violations,
    assert_visible_focus,
    axe_after_amount_edits,
    axe_violations,
    focused,
)
from tests.e2e.test_calculator import assert_print_order

READY = "#kmo-result[data-state='ready']:not([data-pending])"
LOAD_MS = 30000
ROWS = [  # (date, service, theme, cost): row 1 is the latest, so the order of application differs
    ("2026-11-02", "advies", "cybersecurity", "10000"),
    ("2027-01-10", "opleiding", "innovatie", "8.000"),
    ("2026-03-02", "advies", "cybersecurity", "6000"),
]
PHONE = {"width": 390, "height": 844}


def plan_query(rows, **extra) -> str:
    params = {}
    for index, (date, service, theme, cost) in enumerate(rows):
        suffix = "" if index == 0 else f"_{index + 1}"
        params.update({f"service{suffix}": service, f"theme{suffix}": theme, f"cost{suffix}": cost, f"date{suffix}": date})
    params.update({"size": "klein", **extra})
    return urllib.parse.urlencode(params)


def plan_request(rows, **extra) -> dict:
    services = [{"date": d, "service": s, "theme": t, "cost": c} for d, s, t, c in rows]
    return {"company": {"size": "klein"}, "services": services, **extra}


def open_plan(page, base_url, rows, **extra):
    page.goto(f"{base_url}/rekenhulp/?{plan_query(rows, **extra)}")
    page.wait_for_selector(READY, timeout=LOAD_MS)


def result(page, name: str):
    return page.get_attribute("#kmo-result", f"data-{name}")


def tab_to(page, predicate, what: str, limit: int = 25):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return
    pytest.fail(f"Tab never reached {what}; now on {focused(page)}")


# --------------------------------------------------------------------------- the form


def test_a_plan_built_by_keyboard_alone(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/?service=advies&theme=cybersecurity&cost=10000&date=2026-03-02&size=klein")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    assert result(page, "rows") == "1"
    expect(page.locator("[data-kmo-plan-first]"), "one service: the form as before").to_be_hidden()
    page.focus("#kmo-date")
    tab_to(page, lambda f: f["name"] == "service" and f["tag"] == "BUTTON", "Nog een dienst toevoegen")
    assert_visible_focus(page, "the add button")
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "service_2", "focus moves to the new row's first field"
    expect(page.locator("[data-kmo-plan-first]")).to_be_visible()
    expect(page.locator("[data-kmo-rows='service'] legend").first).to_have_text("Dienst 2", use_inner_text=True)
    page.keyboard.press("Space")  # the first radio: opleiding
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "theme_2"
    page.keyboard.type("Innovatie")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "cost_2"
    page.keyboard.type("4.000")
    page.wait_for_selector(READY)  # "4.00" on the way asked about its notation: that question is gone
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "date_2"
    expect(page.locator("#kmo-date_2"), "a new service starts with today's date").not_to_have_value("")
    page.fill("#kmo-date_2", "2026-06-01")  # the date control's own keyboard format depends on the locale
    page.wait_for_selector(READY)
    assert result(page, "rows") == "2"
    assert "service_2=opleiding" in page.url and "theme_2=innovatie" in page.url and "cost_2=4.000" in page.url
    expected = evaluate(plan_request([("2026-03-02", "advies", "cybersecurity", "10000"),
                                      ("2026-06-01", "opleiding", "innovatie", "4.000")]))
    assert result(page, "support") == expected["total_support"]

    # A third row, then remove row 2: the focus goes to the next row's first field, now row 2's.
    tab_to(page, lambda f: f["name"] == "service" and f["tag"] == "BUTTON", "the add button again")
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "service_3"
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Verwijder dienst 2"
    assert_visible_focus(page, "the remove button")
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "service_2", "focus goes to the next row, renumbered"
    expect(page.locator("[data-kmo-rows='service'] .kmo-row")).to_have_count(1)
    expect(page.locator("[data-kmo-rows='service'] [data-kmo-remove]")).to_have_text("Verwijder dienst 2", use_inner_text=True)
    # Remove the last added row: the focus goes back to the add button; a single request again.
    tab_to(page, lambda f: f["name"] == "remove", "the remove button", limit=8)
    page.keyboard.press("Enter")
    assert focused(page)["text"] == "Nog een dienst toevoegen"
    page.wait_for_selector(READY)
    assert result(page, "rows") == "1"
    assert "_2=" not in page.url
    assert result(page, "rate-percent") == "45", "one row is a single request again"


def test_one_row_still_sends_a_single_request(guarded_page, base_url):
    page = guarded_page
    page.goto(f"{base_url}/rekenhulp/?service=advies&theme=cybersecurity&cost=12000&date=2026-03-02&size=klein")
    page.wait_for_selector(READY, timeout=LOAD_MS)
    single = evaluate({"service": "advies", "theme": "cybersecurity", "cost": "12000", "date": "2026-03-02",
                     "company": {"size": "klein"}})
    assert result(page, "rows") == "1"
    assert result(page, "support") == single["support"]
    assert result(page, "rate-percent") == single["rate_percent"], "a plan has no single rate"
    expect(page.locator("[data-kmo-plan]")).to_be_hidden()
    expect(page.locator("[data-kmo-block='why']")).to_be_visible()
    expect(page.locator("[data-kmo-rows='service'] .kmo-row")).to_have_count(0)


# --------------------------------------------------------------------------- URL restore, result


def test_a_three_row_plan_across_two_years_comes_back_from_its_url(guarded_page, base_url):
    page = guarded_page
    open_plan(page, base_url, ROWS, received="500")
    expected = evaluate(plan_request(ROWS, received="500"))
    assert expected["ok"] and len(expected["years"]) == 2
    # The form.
    for index, (date, service, theme, cost) in enumerate(ROWS):
        suffix = "" if index == 0 else f"_{index + 1}"
        expect(page.locator(f"#kmo-date{suffix}")).to_have_value(date)
        expect(page.locator(f"input[name='service{suffix}'][value='{service}']")).to_be_checked()
        expect(page.locator(f"#kmo-theme{suffix}")).to_have_value(theme)
        expect(page.locator(f"#kmo-cost{suffix}")).to_have_value(cost)
    # The contract of #kmo-result.
    assert result(page, "rows") == "3"
    assert result(page, "support") == expected["total_support"]
    assert result(page, "eligible") == "true"
    assert result(page, "size") == "klein"
    # The answer first, then the table in the order of application.
    expect(page.locator("[data-kmo-out='headline']")).to_have_text(expected["answer"]["headline"], use_inner_text=True)
    lines = page.locator("[data-kmo-out='plan-rows'] tr")
    expect(lines).to_have_count(3)
    for line, index in enumerate(expected["order"]):
        row = expected["services"][index]
        text = lines.nth(line).inner_text()
        assert row["display"]["date"] in text and f"Dienst {index + 1}" in text
        assert row["display"]["rate_line"] in text and row["display"]["support"] in text and row["display"]["own_share"] in text
    assert [lines.nth(i).locator("th").inner_text() for i in range(3)] == ["2\u00a0maart\u00a02026", "2\u00a0november\u00a02026", "10\u00a0januari\u00a02027"]
    expect(page.locator("[data-kmo-out='plan-support']")).to_have_text(expected["display"]["total_support"], use_inner_text=True)
    expect(page.locator("[data-kmo-out='plan-own-share']")).to_have_text(expected["display"]["total_own_share"],
                                                                          use_inner_text=True)
    # What is left of the cap per calendar year.
    years = page.locator("[data-kmo-out='plan-years'] tr")
    expect(years).to_have_count(2)
    for number, year in enumerate(expected["years"]):
        text = years.nth(number).inner_text()
        assert str(year["year"]) in text and year["display"]["remaining"] in text and year["display"]["received"] in text
    # The details: each service's own answer.
    page.locator("[data-kmo-details='result'] summary").click()
    details = page.locator("[data-kmo-out='plan-details'] .kmo-plan__service")
    expect(details).to_have_count(3)
    expect(details.nth(2)).to_contain_text(expected["services"][1]["answer"]["headline"], use_inner_text=True)
    # The compact bar shows the totals, in the answer's own words.
    expect(page.locator("[data-kmo-bar-text]")).to_contain_text(expected["answer"]["headline"], use_inner_text=True)


def test_a_row_error_and_warning_show_at_the_row(guarded_page, base_url):
    page = guarded_page
    open_plan(page, base_url, [ROWS[0], (ROWS[1][0], ROWS[1][1], ROWS[1][2], "12,000")])
    expect(page.locator("[data-kmo-warning-for='cost_2']")).to_be_visible()
    page.locator("[data-kmo-warning-for='cost_2'] button").click()
    page.wait_for_selector(READY)
    expect(page.locator("#kmo-cost_2")).to_have_value("12000")
    assert page.evaluate("document.activeElement.id") == "kmo-cost_2"
    page.fill("#kmo-cost_2", "")
    page.wait_for_selector(READY)
    assert result(page, "ok") == "false"
    assert "services[1].cost" in result(page, "errors")
    link = page.locator("[data-kmo-out='errors'] a[href='#kmo-cost_2']")
    expect(link).to_contain_text("Dienst 2", use_inner_text=True)
    expect(page.locator("#kmo-cost_2")).to_have_attribute("aria-invalid", "true")


# --------------------------------------------------------------------------- print and hand-off


def test_the_printout_carries_every_row_on_one_page(guarded_page, base_url):
    page = guarded_page
    rows = ROWS + [("2027-03-01", "opleiding", "innovatie", "2.500"), ("2027-05-01", "advies", "cybersecurity", "9000")]
    open_plan(page, base_url, rows)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert_print_order(page, ["[data-kmo-out='headline']", ".kmo-plan__table:not(.kmo-plan__years)", ".kmo-plan__years",
                              "[data-kmo-out='plan-steps']", ".kmo-print-inputs"])
    printed = page.inner_text(".kmo-print-inputs")
    for number in range(1, 6):
        assert f"Dienst {number}: Prijs zonder btw" in printed
    assert "Dienst 2: Onderwerp" in printed and "Innovatie" in printed
    assert "10\u00a0januari\u00a02027" in printed, "dates as the rules package writes them"
    expect(page.locator("[data-kmo-out='printed-url']")).to_contain_text("cost_5=9000", use_inner_text=True)
    pdf = page.pdf(format="A4", margin={"top": "1cm", "bottom": "1cm", "left": "1cm", "right": "1cm"})
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages == 1, f"the printout of 5 services has {pages} pages"


def test_the_hand_off_carries_every_row(guarded_page, base_url):
    page = guarded_page
    open_plan(page, base_url, ROWS)
    expected = evaluate(plan_request(ROWS))
    link = page.locator("[data-kmo-advice]")
    expect(link).to_be_visible()
    query = urllib.parse.urlparse(link.get_attribute("href")).query
    message = urllib.parse.parse_qs(query)["simulatie"][0]
    for index, (_, _, _, cost) in enumerate(ROWS):
        assert f"Dienst {index + 1}: Prijs zonder btw: {cost}" in message
        assert f"Dienst {index + 1}: steun {expected['services'][index]['display']['support']}" in message
    assert expected["display"]["total_support"] in message
    simulation = urllib.parse.urlparse(message.rsplit("Link: ", 1)[1]).query
    assert urllib.parse.parse_qs(simulation)["cost_3"] == ["6000"]


# --------------------------------------------------------------------------- accessibility, phone


def test_axe_in_the_plan_states(guarded_page, base_url):
    page = guarded_page
    found: dict[str, list[str]] = {}
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        page.set_viewport_size(viewport)
        where = f"{viewport['width']} px"
        open_plan(page, base_url, ROWS)
        found[f"plan ({where})"] = axe_violations(page)
        page.locator("[data-kmo-details='result'] summary").click()
        found[f"plan, details open ({where})"] = axe_violations(page)
        axe_after_amount_edits(page, "cost_3", found, where, "plan, ")
        open_plan(page, base_url, [ROWS[0], ("2026-03-02", "advies", "innovatie", "5000")])
        found[f"plan, a row without support ({where})"] = axe_violations(page)
    assert_no_violations(found)


def test_five_rows_fit_a_phone(guarded_page, base_url):
    page = guarded_page
    page.set_viewport_size(PHONE)
    rows = ROWS + [("2027-03-01", "opleiding", "innovatie", "2.500"), ("2027-05-01", "advies", "cybersecurity", "9000")]
    open_plan(page, base_url, rows)
    page.locator("[data-kmo-details='result'] summary").click()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    wide = page.evaluate(
        """() => { const w = document.documentElement.clientWidth;
           return [...document.querySelectorAll('.kmo-rekenhulp *')]
             .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 1)
             .map((e) => e.tagName + '.' + e.className).slice(0, 5); }"""
    )
    assert not wide, f"wider than a 390 px screen: {wide}"
    expect(page.locator("[data-kmo-out='plan-rows'] tr")).to_have_count(5)
