"""Hand-written expectations for the key cases, worked out from the sources, not recorded.

tests/cases/recorded.json pins every response as the rules give it; these few values are
checked by hand, so a re-recording cannot silently approve a wrong amount.
"""

import pytest

from .conftest import run


def advice(**extra):
    request = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": "10.000",
               "company": {"size": "klein"}}
    return run(**{**request, **extra})


def training(day, size="klein", **extra):
    return run(date=day, service="opleiding", theme="innovatie", cost="1.000", company={"size": size}, **extra)


def test_a_small_company_s_cybersecurity_advice_in_2026_gets_45_percent():
    response = advice()
    assert (response["eligible"], response["rate_percent"]) == (True, "45")
    assert (response["support"], response["own_share"]) == ("4500.00", "5500.00")
    assert (response["cap"], response["cap_remaining"]) == ("7500.00", "3000.00")
    assert response["display"]["support"] == "€\u00a04.500"


def test_a_medium_company_s_cybersecurity_advice_in_2026_gets_35_percent():
    response = advice(company={"size": "middelgroot"})
    assert (response["rate_percent"], response["support"], response["own_share"]) == ("35", "3500.00", "6500.00")


@pytest.mark.parametrize("day, size, rate, support", [
    ("2019-11-30", "klein", "40", "400.00"), ("2019-12-01", "klein", "30", "300.00"),
    ("2019-11-30", "middelgroot", "30", "300.00"), ("2019-12-01", "middelgroot", "20", "200.00"),
])
def test_the_rates_drop_for_applications_from_1_december_2019(day, size, rate, support):
    response = training(day, size)
    assert (response["rate_percent"], response["support"]) == (rate, support)


def test_the_caps_of_2019_hold_until_the_end_of_2019():
    assert training("2019-12-01")["cap"] == "10000.00"
    assert training("2019-12-01", "middelgroot")["cap"] == "15000.00"
    assert training("2020-01-01")["cap"] == "7500.00"


def test_an_advice_on_another_theme_than_cybersecurity_is_refused_from_february_2026():
    response = advice(date="2026-02-01", theme="digitalisering")
    assert (response["eligible"], response["support"], response["own_share"]) == (False, "0.00", "10000.00")
    assert [r["code"] for r in response["reasons"] if r["blocking"]] == ["thema_niet_toegelaten"]
    before = advice(date="2026-01-31", theme="digitalisering")
    assert (before["eligible"], before["rate_percent"], before["support"]) == (True, "30", "3000.00")


def test_the_support_is_limited_to_what_is_left_of_the_year_s_cap():
    response = run(date="2026-05-04", service="opleiding", theme="innovatie", cost="10.000", received="6.000",
                   company={"size": "klein"})
    assert (response["support"], response["own_share"], response["cap_remaining"]) == ("1500.00", "8500.00", "0.00")
    assert "plafond_beperkt" in [r["code"] for r in response["reasons"]]


def test_a_company_that_reached_its_cap_gets_nothing():
    response = advice(received="7.500")
    assert (response["eligible"], response["support"]) == (False, "0.00")
    assert [r["code"] for r in response["reasons"] if r["blocking"]] == ["plafond_bereikt"]


@pytest.mark.parametrize("figures, size, category", [
    ({"fte": "8", "turnover": "1.500.000", "balance_sheet_total": "900.000"}, "klein", "micro"),
    ({"fte": "12,5", "turnover": "1.500.000", "balance_sheet_total": "900.000"}, "klein", "klein"),
    ({"fte": "60", "turnover": "12.000.000", "balance_sheet_total": "20.000.000"}, "middelgroot", "middelgroot"),
    # the staff ceiling always; of the two financial ceilings one suffices
    ({"fte": "120", "turnover": "60.000.000", "balance_sheet_total": "40.000.000"}, "middelgroot", "middelgroot"),
    ({"fte": "250", "turnover": "1.000.000", "balance_sheet_total": "1.000.000"}, "groot", "groot"),
])
def test_the_size_follows_from_the_figures(figures, size, category):
    response = advice(company=figures)
    assert (response["size"], response["size_category"]) == (size, category)
    assert response["eligible"] is (size != "groot")
