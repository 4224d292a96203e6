"""Honest when something fails: each failure a visitor can meet is forced here, and the page must
say in Dutch what happened and offer a way forward (the free phone number), without losing what
the visitor typed.

Forced failures: the runtime's wasm served with a wrong MIME type (Pyodide's load never settles),
missing (404) or refused by the network (each reported by the worker at once, long before the
stall bound), a download that stalls, a worker that throws while loading, one that loads and then
says nothing, one that closes itself, one that never answers a calculation, one that crashes on a
calculation, and a browser with JavaScript turned off. A slow but healthy download shows its
progress and no error; a runtime that comes up after a stall replaces the error with the result.
`?kmo_stall=<ms>` shortens the bounds (no byte for that long; no answer for that long).
(The calculator under a sub-path: test_calculator.py::test_under_a_sub_path.)
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import emulate_network
from tests.support.site_pages import table_paths

PHONE = "0800 93 710"
PHONE_HREF = "tel:+3280093710"
ERROR = "#kmo-result[data-state='error']"
TITLES = {
    "traag": "De rekenhulp laadt niet of te traag in je browser.",
    "laden": "De rekenhulp kan op dit moment niet rekenen.",
    "antwoord": "De rekenhulp gaf geen antwoord.",
}
QUERY = "service=opleiding&theme=innovatie&cost=1.234,00&date=2026-03-02&size=klein"

# Stand-ins for worker.mjs (module scripts).
WORKERS = {
    "throws": 'throw new Error("kapot bij het laden");\n',
    "silent": "// loads, then says nothing\n",
    "closes": "self.close();\n",
    "never-answers": 'self.postMessage({type: "ready", ms: 1});\nself.addEventListener("message", () => {});\n',
    "crashes-on-request": (
        'self.postMessage({type: "ready", ms: 1});\n'
        'self.addEventListener("message", () => { throw new Error("kapot bij het rekenen"); });\n'
    ),
}


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def assert_honest_failure(page, kind: str) -> None:
    """The Dutch message of this kind, the phone number as a link, spoken, the form kept."""
    result = page.locator("#kmo-result")
    expect(result).to_have_attribute("data-error", kind)
    expect(page.locator("[data-kmo-out='error-title']")).to_have_text(TITLES[kind], use_inner_text=True)
    part = page.locator("[data-kmo-part='error']")
    expect(part).to_be_visible()
    expect(part).to_contain_text("Bel ons gratis", use_inner_text=True)
    phone = part.locator("a[data-kmo-phone]")
    expect(phone).to_be_visible()
    expect(phone).to_have_text(PHONE, use_inner_text=True)
    expect(phone).to_have_attribute("href", PHONE_HREF)
    expect(page.locator("[data-kmo-part='loading']")).to_be_hidden()
    expect(result).not_to_have_attribute("data-support")  # no half result
    status = page.locator("[data-kmo-status]")
    expect(status).to_contain_text(PHONE)
    expect(status).to_contain_text(TITLES[kind])
    expect(page.locator("#kmo-cost"), "what the visitor typed is kept").to_have_value("1.234,00")


# Counts, from the first script on, how often the page shows the error state and what the status
# regions say: a failure must be set and announced once, progress only at a few milestones.
WATCH_RESULT = """
window.__kmo = {errorStates: 0, spoken: [], loadingSpoken: [], values: new Set(), bytesTexts: new Set()};
new MutationObserver((records) => {
  for (const record of records) {
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    if (!target) continue;
    if (record.attributeName === "data-state" && target.dataset.state === "error") window.__kmo.errorStates++;
    if (target.matches("progress") && target.hasAttribute("value")) window.__kmo.values.add(target.value + "/" + target.max);
    if (record.type === "childList" || record.type === "characterData") {
      if (target.matches("[data-kmo-status]")) window.__kmo.spoken.push(target.textContent);
      if (target.matches("[data-kmo-out='loading-status']")) window.__kmo.loadingSpoken.push(target.textContent);
      if (target.matches("[data-kmo-out='loading-bytes']")) window.__kmo.bytesTexts.add(target.textContent);
    }
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                      attributeFilter: ["data-state", "value", "max"]});
"""


def watched(page) -> list[str]:
    page.add_init_script(WATCH_RESULT)
    return watch(page)


def spoken_failures(page) -> list[str]:
    return [text for text in page.evaluate("window.__kmo.spoken") if PHONE in text]


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda wasm: lambda route: route.fulfill(path=wasm, content_type="text/html"), id="wrong-mime-type"),
        pytest.param(lambda wasm: lambda route: route.fulfill(status=404, body="not found"), id="missing"),
        pytest.param(lambda wasm: lambda route: route.abort(), id="refused"),
    ],
)
def test_a_runtime_file_that_fails_is_reported_at_once(page, built_site, base_url, answer):
    # The stall bound is a minute: an error before it comes from the failed request itself.
    errors = watched(page)
    wasm = built_site / "assets" / "pyodide" / "pyodide.asm.wasm"
    page.route("**/pyodide.asm.wasm", answer(wasm))
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_stall=60000")
    page.wait_for_selector(ERROR, timeout=30_000)
    assert_honest_failure(page, "laden")
    assert page.evaluate("window.__kmo.errorStates") == 1
    assert not errors, errors


def test_a_stalled_download_fails_once_and_a_late_start_replaces_the_error(page, base_url):
    errors = watched(page)
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # never answered: stalled
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_stall=1500")
    page.wait_for_selector(ERROR, timeout=20_000)
    assert held, "the calculator never asked for pyodide.asm.wasm"
    assert_honest_failure(page, "traag")
    # Set and spoken once, also while the visitor types and time passes.
    page.fill("#kmo-cost", "1.234,00")
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__kmo.errorStates") == 1
    assert len(spoken_failures(page)) == 1, page.evaluate("window.__kmo.spoken")
    # The download goes on after all: the result replaces the error.
    for route in held:
        route.fallback()
    page.wait_for_selector("#kmo-result[data-state='ready']:not([data-pending])", timeout=60_000)
    assert page.get_attribute("#kmo-result", "data-support") is not None
    expect(page.locator("#kmo-result")).not_to_have_attribute("data-error")
    expect(page.locator("[data-kmo-part='error']")).to_be_hidden()
    assert not errors, errors


def test_a_slow_download_shows_its_progress_and_no_error(page, base_url):
    errors = watched(page)
    # About 8 s for what the calculator needs: slow, healthy, with a bound of 5 s without a byte.
    emulate_network(page, latency_ms=20, down_bytes_per_s=2e6, up_bytes_per_s=2e6)
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_stall=5000")
    page.wait_for_selector("#kmo-result[data-state='ready']:not([data-pending])", timeout=120_000)
    seen = page.evaluate("({errors: window.__kmo.errorStates, values: [...window.__kmo.values],"
                         " texts: [...window.__kmo.bytesTexts], spoken: window.__kmo.loadingSpoken})")
    assert seen["errors"] == 0, "a healthy slow load showed the error"
    shares = [float(received) / float(total) for received, total in (v.split("/") for v in seen["values"])]
    assert len(set(shares)) >= 10, f"the bar barely moved: {sorted(shares)}"
    assert max(shares) > 0.9 and min(shares) < 0.5, sorted(shares)
    # "3,2 van 6,4 MB": Belgian decimals.
    assert any(re.fullmatch(r"\d+,\d van \d+,\d MB", text) for text in seen["texts"]), seen["texts"]
    # Screen readers hear a few milestones, not every update; after the last byte, what happens now.
    *milestones, last = seen["spoken"]
    assert last == "De rekenhulp start…", seen["spoken"]
    assert 1 <= len(milestones) <= 3, seen["spoken"]
    assert all(re.fullmatch(r"Rekenhulp voor (25|50|75)% geladen\.", text) for text in milestones), seen["spoken"]
    assert not errors, errors


@pytest.mark.parametrize(
    ("worker", "kind", "stall_ms"),
    [
        # A crash is noticed at once: the long bound shows it does not wait for the clock.
        ("throws", "laden", 60_000),
        ("silent", "traag", 2_000),
        ("closes", "traag", 2_000),
        ("never-answers", "antwoord", 2_000),
        ("crashes-on-request", "laden", 60_000),
    ],
)
def test_worker_failures(page, base_url, worker, kind, stall_ms):
    errors = watched(page)
    page.route(
        "**/assets/kmo/worker.mjs",
        lambda route: route.fulfill(body=WORKERS[worker], content_type="text/javascript; charset=utf-8"),
    )
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_stall={stall_ms}")
    page.wait_for_selector(ERROR, timeout=20_000)
    assert_honest_failure(page, kind)
    # Typing again does not bring back "loading" or an empty result: the way forward stays.
    page.fill("#kmo-cost", "2.000")
    page.wait_for_timeout(300)
    page.wait_for_selector(ERROR, timeout=max(stall_ms, 1000) + 10_000)
    expect(page.locator("[data-kmo-part='error'] a[data-kmo-phone]")).to_be_visible()
    assert len(spoken_failures(page)) == 1, page.evaluate("window.__kmo.spoken")
    assert not errors, errors


def test_without_javascript(browser, built_site, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/rekenhulp/?{QUERY}")
        expect(page.locator(f"a[href='{PHONE_HREF}']:visible").first).to_be_attached()
        # A <noscript> message says what is wrong and what to do.
        message = page.locator(".kmo-noscript")
        expect(message).to_be_visible()
        text = message.inner_text()
        assert "JavaScript" in text and PHONE in text
        # The rates to reckon by hand: a link to the page with the rate table, which shows it without scripts.
        (rates,) = table_paths(built_site, "tarieven")
        link = page.locator(f"article a[href*='{rates.rstrip('/')}']").first
        expect(link).to_be_visible()
        link.click()
        expect(page.locator(".kmo-tabel--tarieven table").first).to_be_visible()
        assert page.locator(".kmo-tabel--tarieven table").first.locator("tbody tr").count() >= 3
        page.goto(f"{base_url}/rekenhulp/?{QUERY}")
        # No promise that never comes.
        expect(page.locator("[data-kmo-part='loading']")).to_be_hidden()
        assert "wordt geladen" not in page.inner_text("article")

        # The contact page: the phone number, the mail address, and a form that opens a mail.
        page.goto(f"{base_url}/contact/")
        expect(page.locator(f"a[href='{PHONE_HREF}']:visible").first).to_be_attached()
        assert page.get_attribute("form.kmo-contact__form", "action").startswith("mailto:")
        expect(page.locator("noscript").first).to_be_attached()
    finally:
        context.close()
