"""The calculator starts from the build's Pyodide memory snapshot, and the normal way without it.

The snapshot (site_overrides/hooks/kmo_snapshot.py) makes the first answer come sooner; a visitor
must get the same answer when it is missing, altered in transit, or skipped because the
connection is slow (it is ~2.7 MB more to download).
"""

from __future__ import annotations

import gzip
from decimal import Decimal

import pytest

from kmo_portefeuille import evaluate

QUERY = "date=2026-11-27&service=advies&theme=cybersecurity&cost=10.000,00&size=klein"
REQUEST = {"date": "2026-11-27", "service": "advies", "theme": "cybersecurity", "cost": "10000", "company": {"size": "klein"}}
READY = "#kmo-result[data-state='ready']:not([data-pending])"
LOAD_MS = 30000


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
    assert not any(url.endswith("python_stdlib.zip") for url in urls), "nor the standard library"


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
    assert any(url.endswith("python_stdlib.zip") for url in urls), "and the standard library"
    assert not errors, errors


def test_a_slow_connection_skips_the_snapshot(page, base_url):
    urls = record_requests(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # A round trip of 300 ms: Chromium then reports effectiveType "3g" to the worker too.
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 300, "downloadThroughput": 50e6 / 8, "uploadThroughput": 10e6 / 8},
    )
    with page.expect_request(lambda request: request.url.endswith(".whl"), timeout=LOAD_MS):
        page.goto(f"{base_url}/rekenhulp/?{QUERY}")
    assert page.evaluate("navigator.connection.effectiveType") == "3g"
    assert not any(url.endswith(".snapshot.gz") for url in urls), "the snapshot was fetched on a slow connection"
    assert_answers(page)
