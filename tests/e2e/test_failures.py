"""Honest when something fails: each failure a visitor can meet is forced here, and the page must
say in Dutch what happened and offer a way forward (the free phone number), without losing what
the visitor typed.

Forced failures: the runtime served with a wrong MIME type (Pyodide's load never settles), a
worker that throws while loading, one that loads and then says nothing, one that closes itself,
one that never answers a calculation, one that crashes on a calculation, and a browser with
JavaScript turned off. (A runtime that cannot be downloaded at all: tests/e2e/test_calculator.py;
the calculator under a sub-path: test_calculator.py::test_under_a_sub_path.)
"""

from __future__ import annotations

import pytest

PHONE = "0800 93 710"
PHONE_HREF = "tel:+3280093710"
ERROR = "#kmo-result[data-state='error']"
TITLES = {
    "traag": "De rekenhulp laadt niet of te traag in je browser.",
    "laden": "De rekenhulp kan op dit moment niet rekenen.",
    "antwoord": "De rekenhulp gaf geen antwoord.",
}
QUERY = "service=opleiding&theme=innovatie&cost=1.234,00&date=2026-03-02"

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
    assert result.get_attribute("data-error") == kind
    assert page.inner_text("[data-kmo-out='error-title']").strip() == TITLES[kind]
    part = page.locator("[data-kmo-part='error']")
    assert part.is_visible()
    assert "Bel ons gratis" in part.inner_text()
    phone = part.locator("a[data-kmo-phone]")
    assert phone.is_visible() and phone.inner_text().strip() == PHONE
    assert phone.get_attribute("href") == PHONE_HREF
    assert not page.is_visible("[data-kmo-part='loading']")
    assert result.get_attribute("data-support") is None  # no half result
    page.wait_for_function(
        "(phone) => document.querySelector('[data-kmo-status]').textContent.includes(phone)", arg=PHONE
    )
    assert TITLES[kind] in page.inner_text("[data-kmo-status]") or page.text_content("[data-kmo-status]")
    assert page.input_value("#kmo-cost") == "1.234,00", "what the visitor typed is kept"


def test_wasm_with_a_wrong_mime_type(page, built_site, base_url):
    errors = watch(page)
    wasm = built_site / "assets" / "pyodide" / "pyodide.asm.wasm"
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(path=wasm, content_type="text/html"))
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_timeout=3000")
    page.wait_for_selector(ERROR, timeout=30_000)
    assert_honest_failure(page, page.get_attribute("#kmo-result", "data-error"))
    assert page.get_attribute("#kmo-result", "data-error") in ("traag", "laden")
    assert not errors, errors


@pytest.mark.parametrize(
    ("worker", "kind", "timeout_ms"),
    [
        # A crash is noticed at once: the long timeout shows it does not wait for the clock.
        ("throws", "laden", 60_000),
        ("silent", "traag", 2_000),
        ("closes", "traag", 2_000),
        ("never-answers", "antwoord", 2_000),
        ("crashes-on-request", "laden", 60_000),
    ],
)
def test_worker_failures(page, base_url, worker, kind, timeout_ms):
    errors = watch(page)
    page.route(
        "**/assets/kmo/worker.mjs",
        lambda route: route.fulfill(body=WORKERS[worker], content_type="text/javascript; charset=utf-8"),
    )
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_timeout={timeout_ms}")
    page.wait_for_selector(ERROR, timeout=20_000)
    assert_honest_failure(page, kind)
    # Typing again does not bring back "loading" or an empty result: the way forward stays.
    page.fill("#kmo-cost", "2.000")
    page.wait_for_timeout(300)
    page.wait_for_selector(ERROR, timeout=max(timeout_ms, 1000) + 10_000)
    assert page.is_visible("[data-kmo-part='error'] a[data-kmo-phone]")
    assert not errors, errors


def test_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/rekenhulp/?{QUERY}")
        # The rates to reckon by hand, and the phone number.
        table = page.locator(".kmo-tabel--tarieven table")
        assert table.is_visible() and table.locator("tbody tr").count() >= 3
        assert page.locator(f"a[href='{PHONE_HREF}']:visible").count() >= 1
        # A <noscript> message says what is wrong and what to do, and links to the table.
        message = page.locator(".kmo-noscript")
        assert message.is_visible()
        text = message.inner_text()
        assert "JavaScript" in text and PHONE in text
        assert message.locator("a[href='#kmo-tabel-tarieven']").count() == 1
        assert page.locator("#kmo-tabel-tarieven").count() == 1
        # No promise that never comes.
        assert not page.is_visible("[data-kmo-part='loading']")
        assert "wordt geladen" not in page.inner_text("article")

        # The contact page: the phone number, the mail address, and a form that opens a mail.
        page.goto(f"{base_url}/contact/")
        assert page.locator(f"a[href='{PHONE_HREF}']:visible").count() >= 1
        assert page.get_attribute("form.kmo-contact__form", "action").startswith("mailto:")
        assert page.locator("noscript").count() >= 1
    finally:
        context.close()
