"""Some kinds of training and advice are excluded from a date on: the rules cannot tell a
service's kind, so from that date a result for that service says so and links the list.
Tested on entries written here, so a change to the live data never fails these tests."""

from __future__ import annotations

import copy
import json
from datetime import date

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import PACKAGED, Parameters

LIST_URL = "https://example.org/uitgesloten-lijst"
TODAY = date(2026, 11, 27)


def _params(excluded: list[dict] | None) -> Parameters:
    with open(PACKAGED, encoding="utf-8") as handle:
        data = json.load(handle)
    data = copy.deepcopy(data)
    data["sources"]["test-lijst"] = {"label": "Testlijst", "title": "Lijst van uitgesloten diensten (test)",
                                     "url": LIST_URL, "checked": "2026-11-27"}
    if excluded is None:
        data.pop("excluded_kinds", None)
    else:
        data["excluded_kinds"] = excluded
    return Parameters(data)


FIXED = _params([
    {"from": "2016-04-01", "value": None, "source": "test-lijst"},
    {"from": "2020-07-01", "value": ["opleiding"], "source": "test-lijst"},
])


def _ask(day: str, service: str = "opleiding", params: Parameters = FIXED) -> dict:
    request = {"date": day, "service": service, "theme": "innovatie", "cost": "1000", "company": {"size": "klein"}}
    return evaluate(request, parameters=params, today=TODAY)


def _excluded_line(response: dict) -> dict | None:
    return next((r for r in response["reasons"] if r["code"] == "soorten_uitgesloten"), None)


def test_a_training_from_the_date_on_says_some_kinds_are_excluded_and_links_the_list():
    line = _excluded_line(_ask("2020-07-01"))
    assert line is not None
    assert "Sinds 1\u00a0juli\u00a02020" in line["message"] and "opleiding" in line["message"]
    assert line["source"] == LIST_URL and not line["blocking"]


def test_the_line_does_not_block_the_support():
    response = _ask("2021-03-01")
    assert response["eligible"] and _excluded_line(response)


def test_no_line_before_the_date():
    assert _excluded_line(_ask("2020-06-30")) is None


def test_no_line_for_a_service_the_entry_does_not_name():
    assert _excluded_line(_ask("2021-03-01", service="advies")) is None


def test_a_file_without_the_parameter_still_loads_and_gives_no_line():
    assert _excluded_line(_ask("2021-03-01", params=_params(None))) is None
