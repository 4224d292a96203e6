"""The maintainer's promise: a rule change is one dated entry in parameters.json, nothing else.

On a copy of the data, new entries from 1 January 2027 (rates, cap, a theme vocabulary that drops
'internationalisering' and adds a theme, eligible themes). Every request dated before that day
must answer exactly as with the original data; requests from that day follow the new entries.
"""

import copy
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille import evaluate, parameters, tables

from .conftest import TODAY
from .shape import assert_valid_shape
from .strategies import any_requests, valid_requests

NEW = date(2027, 1, 1)
AI = "artificiele-intelligentie"
NEW_RATES = {"standaard": {"klein": "25", "middelgroot": "15"}, "cybersecurity": {"klein": "50", "middelgroot": "40"}}
NEW_CAP = {"klein": "5000", "middelgroot": "6000"}


def drilled_data() -> dict:
    data = copy.deepcopy(parameters.load().data)
    new = {"from": NEW.isoformat(), "source": "vlaio-2026"}
    for scheme in data["rates"]:
        if scheme["name"] in NEW_RATES:
            scheme["values"].append({**new, "value": NEW_RATES[scheme["name"]], "change": "Nieuwe tarieven."})
    data["annual_cap"].append({**new, "value": NEW_CAP, "change": "Nieuw jaarplafond."})
    vocabulary = [t for t in data["themes"][-1]["value"] if t["value"] != "internationalisering"]
    vocabulary.append({"value": AI, "label": "Artificiële intelligentie", "parent": None})
    data["themes"].append({**new, "value": vocabulary})
    training = [t for t in data["eligible_themes"][-1]["value"]["opleiding"] if t != "internationalisering"] + [AI]
    data["eligible_themes"].append({**new, "value": {"opleiding": training, "advies": ["cybersecurity", AI]}})
    return data


@pytest.fixture(scope="module")
def drilled(tmp_path_factory):
    path = tmp_path_factory.mktemp("drill") / "parameters.json"
    path.write_text(json.dumps(drilled_data(), ensure_ascii=False), encoding="utf-8")
    return path


drill_dates = st.dates(min_value=date(2016, 1, 1), max_value=date(2028, 12, 31)).map(str)
drill_requests = st.tuples(valid_requests, drill_dates).map(lambda pair: {**pair[0], "date": pair[1]})


def training_on(day: str, theme: str, **extra) -> dict:
    return {"date": day, "service": "opleiding", "theme": theme, "cost": 1000, "company": {"size": "klein"}, **extra}


@settings(max_examples=400, deadline=None, derandomize=True)
@given(request=drill_requests)
def test_requests_before_the_new_date_answer_exactly_as_before(drilled, request):
    if date.fromisoformat(request["date"]) >= NEW:
        return
    before = evaluate(request, parameters=parameters.load(), today=TODAY)
    after = evaluate(request, parameters=parameters.load(drilled), today=TODAY)
    assert after == before


def expected_rate(service: str, theme: str, size: str) -> str:
    if theme == "cybersecurity":
        return NEW_RATES["cybersecurity"][size]
    if theme == "energie-efficientie" and service == "opleiding":
        return {"klein": "45", "middelgroot": "35"}[size]
    return NEW_RATES["standaard"][size]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(request=drill_requests)
def test_requests_from_the_new_date_follow_the_new_entries(drilled, request):
    if date.fromisoformat(request["date"]) < NEW:
        return
    response = evaluate(request, parameters=parameters.load(drilled), today=TODAY)
    assert_valid_shape(response)
    if request["theme"] == "internationalisering":
        assert not response["ok"]
        theme_error = next(e["message"] for e in response["errors"] if e["field"] == "theme")
        assert "bestaat niet meer voor aanvragen vanaf 1\u00a0januari\u00a02027" in theme_error
        return
    if not response["ok"] or response["size"] == "groot":
        return
    assert response["cap"] == f"{NEW_CAP[response['size']]}.00"
    refused = request["theme"] not in ("cybersecurity", AI) if request["service"] == "advies" else request["theme"] == "ander"
    assert ("thema_niet_toegelaten" in {r["code"] for r in response["reasons"] if r["blocking"]}) is refused
    if response["eligible"]:
        assert response["rate_percent"] == expected_rate(request["service"], request["theme"], response["size"])


def test_a_2025_training_on_the_theme_dropped_in_2027_still_gets_30_percent(drilled):
    response = evaluate(training_on("2025-06-02", "internationalisering"), parameters=parameters.load(drilled), today=TODAY)
    assert response["eligible"] and response["rate_percent"] == "30" and response["support"] == "300.00"


def test_a_2025_request_naming_the_2027_theme_gets_a_clear_field_error(drilled):
    response = evaluate(training_on("2025-06-02", AI), parameters=parameters.load(drilled), today=TODAY)
    assert "internal_error" not in response and response["ok"] is False
    assert response["errors"] == [{
        "field": "theme",
        "message": "Het thema 'Artificiële intelligentie' bestaat pas vanaf 1\u00a0januari\u00a02027. Voor een aanvraag van "
                   "2\u00a0juni\u00a02025 kies je een ander thema, of een datum vanaf 1\u00a0januari\u00a02027.",
    }]


def test_from_2027_the_new_theme_is_accepted_for_advice_at_the_new_rate(drilled):
    advice = {**training_on("2027-03-01", AI), "service": "advies", "cost": 10000}
    response = evaluate(advice, parameters=parameters.load(drilled), today=TODAY)
    assert response["eligible"] and response["rate_percent"] == "25" and response["support"] == "2500.00"
    assert response["cap"] == "5000.00"


def test_from_2027_the_dropped_theme_is_refused_with_a_field_error(drilled):
    response = evaluate(training_on("2027-01-01", "internationalisering"), parameters=parameters.load(drilled), today=TODAY)
    assert response["errors"] == [{
        "field": "theme",
        "message": "Het thema 'Internationalisering' bestaat niet meer voor aanvragen vanaf 1\u00a0januari\u00a02027. "
                   "Voor een aanvraag van 1\u00a0januari\u00a02027 kies je een ander thema.",
    }]


def test_the_copy_is_used_through_the_environment_too(drilled, monkeypatch):
    monkeypatch.setenv("KMO_PARAMETERS", str(drilled))
    assert evaluate(training_on("2027-01-01", "cybersecurity"), today=TODAY)["rate_percent"] == "50"
    assert evaluate(training_on("2026-12-31", "cybersecurity"), today=TODAY)["rate_percent"] == "45"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(request=st.one_of(any_requests, drill_requests))
def test_the_changed_rules_never_reach_the_internal_error(drilled, request):
    assert_valid_shape(evaluate(request, parameters=parameters.load(drilled), today=TODAY))


@pytest.mark.parametrize("name", ["tarieven", "plafonds", "tijdlijn"])
def test_the_tables_show_the_2027_entries_as_announced_until_their_day(drilled, name):
    params = parameters.load(drilled)
    before = [row[0] for row in tables.table(name, params, date(2026, 12, 31))["rows"]]
    assert "vanaf 1\u00a0januari\u00a02027, aangekondigd" in before and "1\u00a0januari\u00a02027" not in before
    on_the_day = [row[0] for row in tables.table(name, params, NEW)["rows"]]
    assert "1\u00a0januari\u00a02027" in on_the_day and not any("aangekondigd" in cell for cell in on_the_day)


def test_the_themes_table_announces_the_new_list_and_then_shows_it(drilled):
    params = parameters.load(drilled)
    before = tables.table("themas", params, date(2026, 12, 31))
    assert "Internationalisering" in [row[0] for row in before["rows"]]
    assert any(note.startswith("Aangekondigd vanaf 1\u00a0januari\u00a02027") for note in before["notes"])
    after = tables.table("themas", params, NEW)
    rows = {row[0]: row[1:] for row in after["rows"]}
    assert "Internationalisering" not in rows and rows["Artificiële intelligentie"] == ["ja", "ja"]


@pytest.mark.parametrize("name", tables.TABLE_NAMES)
def test_every_table_says_when_it_was_built(name):
    assert tables.table(name, on=date(2026, 12, 2))["notes"][-1] == \
        "Opgemaakt op 2\u00a0december\u00a02026 uit de gegevens van de rekenhulp."
