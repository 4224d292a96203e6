import pytest

from .conftest import run, small


def outcome(date, service="opleiding", theme="innovatie", size="klein", cost=1000, received=0):
    response = run(date=date, service=service, theme=theme, cost=cost, received=received, company={"size": size})
    assert response["ok"], response
    return response


@pytest.mark.parametrize("date, size, rate", [
    ("2016-04-01", "klein", "40"), ("2016-04-01", "middelgroot", "30"),
    ("2019-11-30", "klein", "40"), ("2019-11-30", "middelgroot", "30"),
    ("2019-12-01", "klein", "30"), ("2019-12-01", "middelgroot", "20"),
    ("2026-11-27", "klein", "30"), ("2026-11-27", "middelgroot", "20"),
])
def test_standard_rate_by_application_date(date, size, rate):
    assert outcome(date, size=size)["rate_percent"] == rate


@pytest.mark.parametrize("date, cap", [("2019-12-31", "10000.00"), ("2020-01-01", "7500.00")])
def test_cap_of_small_companies_drops_on_2020_01_01(date, cap):
    assert outcome(date)["cap"] == cap


@pytest.mark.parametrize("date, cap", [("2019-12-31", "15000.00"), ("2020-01-01", "7500.00")])
def test_cap_of_medium_companies_drops_on_2020_01_01(date, cap):
    assert outcome(date, size="middelgroot")["cap"] == cap


@pytest.mark.parametrize("service", ["opleiding", "advies"])
@pytest.mark.parametrize("date, small_rate, medium_rate", [
    ("2021-09-13", "30", "20"),  # VLAIO: applications *after* 13 September 2021
    ("2021-09-14", "45", "35"),
    ("2026-11-27", "45", "35"),
])
def test_cybersecurity_rate_after_13_september_2021(service, date, small_rate, medium_rate):
    assert outcome(date, service=service, theme="cybersecurity", cost=1000)["rate_percent"] == small_rate
    assert outcome(date, service=service, theme="cybersecurity", cost=1000, size="middelgroot")["rate_percent"] == medium_rate


def test_energy_efficiency_rate_is_for_training_only():
    assert outcome("2025-05-01", service="opleiding", theme="energie-efficientie")["rate_percent"] == "45"
    advice = outcome("2025-05-01", service="advies", theme="energie-efficientie")
    assert advice["rate_percent"] == "30" and advice["eligible"]


def test_energy_efficiency_start_date_is_the_earliest_confirmation():
    assert outcome("2024-06-04", theme="energie-efficientie")["rate_percent"] == "30"
    assert outcome("2024-06-05", theme="energie-efficientie")["rate_percent"] == "45"


def test_themes_limit_services_from_2023():
    assert outcome("2022-12-31", theme="ander")["eligible"] is True
    late = outcome("2023-01-01", theme="ander")
    assert late["eligible"] is False
    assert "thema_niet_toegelaten" in {r["code"] for r in late["reasons"] if r["blocking"]}


def test_advice_outside_cybersecurity_stops_qualifying_on_2026_02_01():
    before = outcome("2026-01-31", service="advies", theme="digitalisering", cost=1000)
    after = outcome("2026-02-01", service="advies", theme="digitalisering", cost=1000)
    assert before["eligible"] is True and before["support"] == "300.00"
    assert after["eligible"] is False and after["support"] == "0.00" and after["own_share"] == "1000.00"
    blocker = next(r for r in after["reasons"] if r["blocking"])
    assert "1\u00a0februari\u00a02026" in blocker["message"] and "Cybersecurity" in blocker["message"]
    assert "opleiding over dit thema komt wel in aanmerking" in blocker["message"]
    assert after["summary"].startswith("Geen steun")


def test_cybersecurity_advice_still_qualifies_after_2026_02_01():
    response = outcome("2026-02-01", service="advies", theme="cybersecurity", cost=1000)
    assert response["eligible"] and response["rate_percent"] == "45" and response["support"] == "450.00"


def test_training_is_unchanged_on_2026_02_01():
    assert outcome("2026-02-01", service="opleiding", theme="digitalisering")["eligible"] is True


@pytest.mark.parametrize("service, cost, eligible", [
    ("opleiding", "99,99", False), ("opleiding", 100, True),
    ("advies", "499,99", False), ("advies", 500, True),
])
def test_minimum_cost(service, cost, eligible):
    response = outcome("2026-03-02", service=service, theme="cybersecurity", cost=cost)
    assert response["eligible"] is eligible
    if not eligible:
        assert "onder_minimum" in {r["code"] for r in response["reasons"]}


def test_support_is_limited_by_what_remains_of_the_cap():
    response = run(**small(cost=10000, received=7000))
    assert response["support"] == "500.00" and response["own_share"] == "9500.00" and response["cap_remaining"] == "0.00"
    assert "plafond_beperkt" in {r["code"] for r in response["reasons"]}


def test_cap_reached():
    response = run(**small(received="7.500"))
    assert response["eligible"] is False
    assert "plafond_bereikt" in {r["code"] for r in response["reasons"]}


def test_cap_remaining_after_this_service():
    response = run(**small(cost=2000, received=1000))
    assert (response["support"], response["cap_remaining"]) == ("900.00", "5600.00")


def test_rounding_to_cents_once_at_the_end():
    response = run(**small(service="opleiding", theme="innovatie", cost="333,33"))
    assert response["support"] == "100.00"  # 99.999 rounds once to 100.00
    assert response["own_share"] == "233.33"


def test_checklist_no_answers_block_with_their_reasons():
    response = run(**small(checklist={"legal_form": False, "flanders": "nee", "main_activity": True}))
    assert response["eligible"] is False
    blocking = {r["code"] for r in response["reasons"] if r["blocking"]}
    assert blocking == {"rechtsvorm", "vestiging"}
    assert "vzw" in next(r["message"] for r in response["reasons"] if r["code"] == "rechtsvorm")


def test_deadlines_follow_the_application_date():
    response = run(**small(date="2026-03-02"))
    finish = next(d for d in response["deadlines"] if d["code"] == "afronding")
    assert finish["date"] == "2027-12-31" and "31\u00a0december\u00a02027" in finish["message"]
    codes = {r["code"] for r in response["reasons"]}
    assert {"termijn_aanvraag", "termijn_afronding"} <= codes
    assert "14 kalenderdagen" in next(d["message"] for d in response["deadlines"] if d["code"] == "aanvraag")


def test_rate_reason_names_the_rate_its_start_and_its_source():
    reason = next(r for r in run(**small())["reasons"] if r["code"] == "tarief")
    assert "45%" in reason["message"] and "14\u00a0september\u00a02021" in reason["message"]
    assert reason["source"].startswith("https://")
