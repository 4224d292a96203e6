"""Issue 21 in a real Chromium: "Zet de termijnen in je agenda" downloads the deadlines the result
shows as kmo-portefeuille-termijnen.ics (a Blob of type text/calendar: nothing leaves the browser),
offers the same text to copy, is hidden without a dated step, passes axe and works by keyboard.

The size is always chosen in the URL: no test leans on a preselected size.
"""

from __future__ import annotations

import re
import urllib.parse
from datetime import date

import icalendar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kmo_portefeuille import evaluate
from kmo_portefeuille.money import long_date

READY = "#kmo-result[data-state='ready']:not([data-pending])"
BUTTON = "[data-kmo-agenda-download]"
LOAD_MS = 60_000
FILE_NAME = "kmo-portefeuille-termijnen.ics"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}

SINGLE = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": "10.000", "size": "klein"}
# Three services across two calendar years.
PLAN = {**SINGLE, "date": "2026-11-20",
        "date_2": "2026-12-15", "service_2": "opleiding", "theme_2": "innovatie", "cost_2": "2.000",
        "date_3": "2027-01-10", "service_3": "opleiding", "theme_3": "digitalisering", "cost_3": "3.000"}
PLAN_REQUEST = {"company": {"size": "klein"}, "services": [
    {"date": PLAN["date"], "service": "advies", "theme": "cybersecurity", "cost": "10.000"},
    {"date": PLAN["date_2"], "service": "opleiding", "theme": "innovatie", "cost": "2.000"},
    {"date": PLAN["date_3"], "service": "opleiding", "theme": "digitalisering", "cost": "3.000"},
]}
# Which Blob types the page made (the download event itself does not tell).
RECORD_BLOBS = """
window.kmoBlobTypes = [];
const original = URL.createObjectURL;
URL.createObjectURL = (blob) => { window.kmoBlobTypes.push(blob.type); return original(blob); };
"""


def open_calculator(page, base_url, query: dict):
    page.add_init_script(RECORD_BLOBS)
    page.goto(f"{base_url}/rekenhulp/?{urllib.parse.urlencode(query)}")
    page.wait_for_selector(READY, timeout=LOAD_MS)


def download_events(page, press=None) -> list:
    """Click the button (or press a key on it) and read the file back."""
    with page.expect_download() as info:
        if press:
            page.keyboard.press(press)
        else:
            page.click(BUTTON)
    download = info.value
    assert download.suggested_filename == FILE_NAME
    assert download.url.startswith("blob:")
    assert page.evaluate("window.kmoBlobTypes")[-1] == "text/calendar"
    with open(download.path(), encoding="utf-8") as handle:
        text = handle.read()
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def plain(text: str) -> str:
    """A no-break space (in amounts and dates) as a space."""
    return text.replace("\xa0", " ")


def shown_date(day: date) -> str:
    return plain(long_date(day))


def result_text(page) -> str:
    """Everything the result holds, the closed details included (the printout opens them)."""
    return plain(page.eval_on_selector("#kmo-result [data-kmo-part='ready']", "e => e.textContent"))


def dated_steps(response) -> list[date]:
    rows = response.get("services", [response])
    return sorted(date.fromisoformat(s["date"]) for row in rows for s in row["answer"]["next"] if s["date"])


def axe_violations(page) -> list[str]:
    response = Axe().run(page, context="#kmo-result", options=AXE_OPTIONS).response
    return [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in response["violations"]]


def test_the_button_downloads_the_dates_the_result_shows(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, SINGLE)
    button = page.locator(BUTTON)
    expect(button).to_be_visible()
    expect(button).to_have_text("Zet de termijnen in je agenda")
    # Right under "Wat moet je nu doen".
    assert page.evaluate(f"""() => document.querySelector('[data-kmo-block="next"]')
        .compareDocumentPosition(document.querySelector('{BUTTON}')) & Node.DOCUMENT_POSITION_FOLLOWING""")
    shown = [plain(text) for text in page.locator("[data-kmo-out='next'] strong").all_inner_texts()]
    found = download_events(page)
    assert [shown_date(e.decoded("DTSTART")) for e in found] == shown
    assert {"1 april 2026", "31 december 2027"} <= set(shown)
    summaries = {str(e["SUMMARY"]): e for e in found}
    own_share = summaries["kmo-portefeuille: eigen bijdrage storten voor cybersecurityadvies"]
    assert own_share.decoded("DTSTART") == date(2026, 4, 1)
    # The address of this very simulation.
    assert f"Je simulatie: {base_url}/rekenhulp/?" in str(own_share["DESCRIPTION"])
    assert "cost=10.000" in str(own_share["URL"]) and "size=klein" in str(own_share["URL"])


def test_a_plan_across_two_years_downloads_every_service_s_dates(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, PLAN)
    expect(page.locator("#kmo-result")).to_have_attribute("data-rows", "3")
    found = download_events(page)
    days = sorted(e.decoded("DTSTART") for e in found)
    assert days == dated_steps(evaluate(PLAN_REQUEST))
    assert {day.year for day in days} == {2026, 2027, 2028}
    text = result_text(page)
    assert all(shown_date(day) in text for day in days)
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_the_hand_off_names_the_same_dates(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, PLAN)
    page.wait_for_function("() => new URL(document.querySelector('[data-kmo-advice]').href).searchParams"
                           ".get('simulatie').split('\\n').some((line) => line.startsWith('Dienst 3: ')"
                           " && line.includes('eigen bijdrage storten uiterlijk'))")
    handoff = urllib.parse.parse_qs(urllib.parse.urlsplit(page.get_attribute("[data-kmo-advice]", "href")).query)
    lines = plain(handoff["simulatie"][0]).split("\n")
    for index, row in enumerate(evaluate(PLAN_REQUEST)["services"]):
        line = next(line for line in lines if line.startswith(f"Dienst {index + 1}: ") and "uiterlijk" in line)
        assert all(plain(step["date_display"]) in line for step in row["answer"]["next"] if step["date"])


def test_no_button_without_a_dated_step(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, {**SINGLE, "cost": "100"})  # under the minimum: no support
    expect(page.locator("[data-kmo-agenda]")).to_be_hidden()
    page.fill("#kmo-cost", "10.000")
    expect(page.locator(BUTTON)).to_be_visible()


def test_the_text_can_be_copied_where_a_download_is_blocked(guarded_page, base_url):
    page = guarded_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_calculator(page, base_url, SINGLE)
    page.click("[data-kmo-agenda-copy] > summary")
    area = page.locator("[data-kmo-agenda-text]")
    expect(area).to_have_value(re.compile(r"^BEGIN:VCALENDAR.*DTSTART;VALUE=DATE:20260401", re.S))
    page.click("[data-kmo-agenda-copy-button]")
    expect(page.locator("[data-kmo-agenda-status]")).to_have_text("Gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()").startswith("BEGIN:VCALENDAR")
    # A changed answer changes the text.
    page.fill("#kmo-date", "2026-05-04")
    expect(area).to_have_value(re.compile(r"DTSTART;VALUE=DATE:20260603"))


def test_axe_finds_nothing_with_the_button_and_the_copy_box(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, PLAN)
    expect(page.locator(BUTTON)).to_be_visible()
    assert axe_violations(page) == []
    page.click("[data-kmo-agenda-copy] > summary")
    expect(page.locator("[data-kmo-agenda-text]")).to_have_value(re.compile("BEGIN:VCALENDAR"))
    assert axe_violations(page) == []


def test_by_keyboard_alone(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, SINGLE)
    page.focus("#kmo-cost")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{BUTTON}')"):
            break
    else:
        raise AssertionError("Tab never reached the agenda button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    found = download_events(page, press="Enter")
    assert {date(2026, 4, 1), date(2027, 12, 31)} <= {e.decoded("DTSTART") for e in found}


def test_the_printout_shows_the_dates_of_the_file_and_not_the_button(guarded_page, base_url):
    page = guarded_page
    open_calculator(page, base_url, PLAN)
    days = [e.decoded("DTSTART") for e in download_events(page)]
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing does first
    expect(page.locator("[data-kmo-agenda]")).to_be_hidden()
    printed = plain(page.inner_text("#kmo-result"))
    assert all(shown_date(day) in printed for day in days)


def test_the_normal_start_gives_the_same_file(page, base_url):
    # Not guarded: the refused snapshot is logged as a console error, on purpose.
    page.route("**/*.snapshot.gz", lambda route: route.fulfill(status=404, body="not found"))
    wheel = []
    page.context.on("request", lambda request: wheel.append(request.url) if request.url.endswith(".whl") else None)
    open_calculator(page, base_url, SINGLE)
    assert wheel, "the normal start fetches the wheel"
    found = download_events(page)
    assert {date(2026, 4, 1), date(2027, 12, 31)} <= {e.decoded("DTSTART") for e in found}
