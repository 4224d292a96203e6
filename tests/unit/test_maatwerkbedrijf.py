"""Recognised maatwerkbedrijven: since 1 January 2026 also a large one gets support, at the rates
and the cap of a medium-sized company; a small one keeps the small rates; before that date nothing
changes."""

import copy

import pytest

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import ParameterError, Parameters, load

LARGE = {"fte": "400", "turnover": "90.000.000", "balance_sheet_total": "90.000.000"}


def ask(day, company, service="advies", theme="cybersecurity", cost="10000"):
    return evaluate({"date": day, "service": service, "theme": theme, "cost": cost, "company": company})


def codes(response):
    return [r["code"] for r in response["reasons"]]


def test_a_large_maatwerkbedrijf_gets_the_medium_rate_and_cap_from_1_january_2026():
    response = ask("2026-01-01", {**LARGE, "maatwerkbedrijf": "ja"})
    assert response["eligible"] is True
    assert (response["size"], response["size_category"]) == ("middelgroot", "groot")
    assert (response["rate_percent"], response["support"], response["cap"]) == ("35", "3500.00", "7500.00")
    why = next(r for r in response["reasons"] if r["code"] == "maatwerkbedrijf")
    assert "middelgrote onderneming" in why["message"] and why["group"] == "grootte"
    assert why["source"] == "https://refli.be/fr/lex/2025009401"
    assert "grootte_groot" not in codes(response)


def test_the_day_before_a_large_maatwerkbedrijf_is_still_refused():
    response = ask("2025-12-31", {**LARGE, "maatwerkbedrijf": True})
    assert response["eligible"] is False and response["size"] == "groot"
    assert "grootte_groot" in codes(response)
    assert "1\u00a0januari\u00a02026" in next(r["message"] for r in response["reasons"] if r["code"] == "maatwerkbedrijf")


def test_a_small_maatwerkbedrijf_keeps_the_small_rate():
    response = ask("2026-03-02", {"size": "klein", "maatwerkbedrijf": "ja"}, service="opleiding", theme="innovatie",
                   cost="1000")
    assert (response["size"], response["rate_percent"], response["support"]) == ("klein", "30", "300.00")


def test_without_the_answer_a_large_company_is_refused_as_before():
    for answer in (None, False, "nee"):
        company = {**LARGE} if answer is None else {**LARGE, "maatwerkbedrijf": answer}
        response = ask("2026-03-02", company)
        assert response["eligible"] is False and "maatwerkbedrijf" not in codes(response)


def test_a_public_share_of_25_percent_still_excludes_a_maatwerkbedrijf():
    response = ask("2026-03-02", {"size": "middelgroot", "public_share": "25", "maatwerkbedrijf": "ja"})
    assert response["eligible"] is False and "overheidsbelang" in codes(response)


def test_an_unreadable_answer_is_a_field_error():
    response = ask("2026-03-02", {"size": "klein", "maatwerkbedrijf": "misschien"})
    assert response["ok"] is False
    assert response["errors"] == [{"field": "company.maatwerkbedrijf", "message": "Antwoord met ja of nee."}]


def test_a_size_group_outside_small_and_medium_is_refused_at_load():
    data = copy.deepcopy(load().data)
    data["maatwerkbedrijf_size_groups"][1]["value"]["groot"] = "groot"
    with pytest.raises(ParameterError) as raised:
        Parameters(data)
    assert "maatwerkbedrijf_size_groups" in str(raised.value) and "2026-01-01" in str(raised.value)
