"""The calculator starts from the build's Pyodide memory snapshot, and the normal way without it.

The snapshot (site_overrides/hooks/kmo_snapshot.py) makes the first answer come sooner; a visitor
must get the same answer when it is missing, altered in transit, or skipped because the
connection is slow (it is ~4.5 MB more to download). The normal start uses the standard library
trimmed to what the rules import (site_overrides/kmo_build/stdlib.py), and Pyodide's full one when
that is missing or altered; when that fails too, the visitor gets the Dutch error at once.
"""

from __future__ import annotations

import gzip
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kmo_portefeuille import evaluate
from tests.support.browser import emulate_network

QUERY = "date=2026-11-27&service=advies&theme=cybersecurity&cost=10.000,00&size=klein"
REQUEST = {"date": "2026-11-27", "service": "advies", "theme": "cybersecurity", "cost": "10000", "company": {"size": "klein"}}
READY = "#kmo-result[data-state='ready']:not([data-pending])"
LOAD_MS = 30000
TRIMMED = "-stdlib.zip"
FULL = "python_stdlib.zip"


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    return urls


def assert_answers(page) -> None:
    page.wait_for_selector(READY, timeout=LOAD_MS)
    expected = Decimal(evaluate(REQUEST)["support"])
    assert expected > 0
    assert Decimal(page.get_attribute("#kmo-result", "data-support")) == expected


def test_starts_from_the_snapshot(guarded_page, base_url):
    urls = record_requests(guarded_page)
    guarded_page.goto(f"{base_url}/rekenhulp/?{QUERY}")
    assert_answers(guarded_page)
    assert any(url.endswith(".snapshot.gz") for url in urls), "the snapshot was not used"
    assert not any(url.endswith(".whl") for url in urls), "a restored snapshot needs no wheel"
    assert not any(url.endswith((FULL, TRIMMED)) for url in urls), "nor the standard library"


def altered(route):
    route.fulfill(status=200, content_type="application/gzip", body=gzip.compress(b"\0" * 4096))


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda route: route.fulfill(status=404, body="not found"), id="missing"),
        pytest.param(altered, id="altered"),
    ],
)
def test_without_a_usable_snapshot_it_starts_the_normal_way(page, base_url, answer):
    # Not guarded: the refused snapshot is logged as a console error, on purpose.
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    urls = record_requests(page)
    page.route("**/*.snapshot.gz", answer)
    page.goto(f"{base_url}/rekenhulp/?{QUERY}")
    assert_answers(page)
    assert any(url.endswith(".whl") for url in urls), "the normal start fetches the wheel"
    assert any(url.endswith(TRIMMED) for url in urls), "and the trimmed standard library"
    assert not any(url.endswith(FULL) for url in urls), "not the full one"
    assert not errors, errors


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda route: route.fulfill(status=404, body="not found"), id="missing"),
        pytest.param(lambda route: route.fulfill(status=200, content_type="application/zip", body=b"PK\5\6" + b"\0" * 18), id="altered"),
    ],
)
def test_without_the_trimmed_library_it_starts_with_the_full_one(page, base_url, answer):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    urls = record_requests(page)
    page.route("**/*.snapshot.gz", lambda route: route.abort())
    page.route(f"**/*{TRIMMED}", answer)
    page.goto(f"{base_url}/rekenhulp/?{QUERY}")
    assert_answers(page)
    assert any(url.endswith(FULL) for url in urls), "the last way to start fetches the full standard library"
    assert not errors, errors


def test_when_every_way_to_start_fails_the_error_comes_at_once(page, base_url):
    # The stall bound is a minute: the error comes from the refused files themselves.
    page.route("**/*.snapshot.gz", lambda route: route.abort())
    page.route(f"**/*{TRIMMED}", lambda route: route.abort())
    page.route(f"**/{FULL}", lambda route: route.fulfill(status=200, content_type="application/zip", body=b"altered"))
    page.goto(f"{base_url}/rekenhulp/?{QUERY}&kmo_stall=60000")
    page.wait_for_selector("#kmo-result[data-state='error']", timeout=LOAD_MS)
    expect(page.locator("#kmo-result")).to_have_attribute("data-error", "laden")
    expect(page.locator("#kmo-result [data-kmo-phone]")).to_be_visible()


def test_a_slow_connection_skips_the_snapshot(page, base_url):
    urls = record_requests(page)
    # A round trip of 300 ms: Chromium then reports effectiveType "3g" to the worker too.
    emulate_network(page, latency_ms=300, down_bytes_per_s=50e6 / 8, up_bytes_per_s=10e6 / 8)
    with page.expect_request(lambda request: request.url.endswith(".whl"), timeout=LOAD_MS):
        page.goto(f"{base_url}/rekenhulp/?{QUERY}")
    assert page.evaluate("navigator.connection.effectiveType") == "3g"
    assert not any(url.endswith(".snapshot.gz") for url in urls), "the snapshot was fetched on a slow connection"
    assert_answers(page)
