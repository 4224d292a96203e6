"""Support already received belongs to a calendar year: it counts only against that year's cap,
and near the year's end the answer says what the same service gets with the new year's cap."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille import evaluate

from .shape import assert_valid_shape
from .strategies import valid_requests

TODAY = date(2026, 11, 27)
NBSP = "\u00a0"


def single(**extra):
    """A medium-sized company's cybersecurity advice of EUR 12,000: 35%, EUR 4,200."""
    request = {"date": "2027-01-05", "service": "advies", "theme": "cybersecurity", "cost": "12.000",
               "company": {"size": "middelgroot"}}
    return evaluate({**request, **extra}, today=TODAY)


def test_support_received_in_2026_does_not_count_for_a_2027_application():
    response = single(received="5.000", received_year=2026)
    assert (response["support"], response["received"]) == ("4200.00", "0.00")
    assert (response["received_year"], response["received_counted"]) == (2026, False)
    assert response["answer"]["received_line"] == (
        f"De €{NBSP}5.000 die je in 2026 kreeg, telt niet mee: je aanvraag valt in 2027, en elk kalenderjaar "
        "heeft een eigen plafond.")
    assert_valid_shape(response)


def test_without_a_year_received_counts_for_the_application_year():
    response = single(received="5.000")
    assert (response["support"], response["received_year"], response["received_counted"]) == ("2500.00", 2027, True)
    assert response["answer"]["received_line"] is None
    assert single(received="5.000", received_year="2027")["support"] == "2500.00"


def test_nothing_received_needs_no_line_whatever_the_year():
    response = single(received_year=2026)
    assert response["received_counted"] is False and response["answer"]["received_line"] is None


def test_a_bad_year_is_a_field_error():
    for bad in ("vorig jaar", 1999, "20266", True, 2101):
        response = single(received="5.000", received_year=bad)
        assert response["ok"] is False and [e["field"] for e in response["errors"]] == ["received_year"], bad


@settings(max_examples=150, deadline=None)
@given(valid_requests, st.integers(2000, 2100))
def test_support_received_in_another_year_never_changes_a_single_request(request, year):
    alone = evaluate({**request, "received": 0}, today=TODAY)
    if not alone["ok"] or int(alone["date"][:4]) == year:
        return
    other = evaluate({**request, "received_year": year}, today=TODAY)
    assert other["support"] == alone["support"] and other["eligible"] == alone["eligible"]
    assert other["received_counted"] is False


def plan(*dates, **extra):
    rows = [{"date": day, "service": "advies", "theme": "cybersecurity", "cost": "12.000"} for day in dates]
    return evaluate({"services": rows, "company": {"size": "middelgroot"}, **extra}, today=TODAY)


def test_a_plan_counts_received_for_its_year_whatever_the_earliest_row():
    response = plan("2026-12-10", "2027-01-05", received="5.000", received_year=2027)
    assert [row["support"] for row in response["services"]] == ["4200.00", "2500.00"]
    assert [(y["year"], y["received"]) for y in response["years"]] == [(2026, "0.00"), (2027, "5000.00")]
    assert (response["received_year"], response["received_counted"]) == (2027, True)
    assert [row["received_counted"] for row in response["services"]] == [False, True]
    assert_valid_shape(response)


def test_a_plan_without_a_year_counts_received_for_its_earliest_row():
    response = plan("2026-12-10", "2027-01-05", received="5.000")
    assert [row["support"] for row in response["services"]] == ["2500.00", "4200.00"]
    assert response["received_year"] == 2026


def test_a_plan_whose_rows_are_all_in_another_year_does_not_count_received():
    response = plan("2027-01-05", received="5.000", received_year=2026)
    assert response["total_support"] == "4200.00" and response["received_counted"] is False


# --- the new year's cap ---------------------------------------------------------------------------

def test_near_the_new_year_a_capped_answer_says_what_january_gives():
    response = single(date="2026-12-10", received="5.000")
    assert response["support"] == "2500.00" and response["limited_by_cap"]
    assert response["answer"]["new_year"] == {
        "date": "2027-01-01",
        "support": "4200.00",
        "display": {"date": f"1{NBSP}januari{NBSP}2027", "support": f"€{NBSP}4.200"},
        "line": f"Start je dezelfde dienst in januari{NBSP}2027 en vraag je ze dan aan, dan krijg je €{NBSP}4.200: "
                "een nieuw jaar, een nieuw plafond.",
    }


def test_a_reached_cap_near_the_new_year_gets_the_line_too():
    response = single(date="2026-12-10", received="7.500")
    assert response["eligible"] is False and response["answer"]["new_year"]["support"] == "4200.00"


def test_no_new_year_line_far_from_the_new_year_or_without_a_cap_that_limits():
    new_year = date(2027, 1, 1)
    assert single(date=str(new_year - timedelta(days=60)), received="5.000")["answer"]["new_year"] is not None
    assert single(date=str(new_year - timedelta(days=61)), received="5.000")["answer"]["new_year"] is None
    assert single(date="2026-12-10")["answer"]["new_year"] is None
    assert plan("2026-12-10", received="5.000")["services"][0]["answer"]["new_year"] is None


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2026, 10, 15), max_value=date(2026, 12, 31)),
       st.sampled_from(["opleiding", "advies"]), st.sampled_from(["cybersecurity", "innovatie", "digitalisering"]),
       st.sampled_from(["5.000", "12.000", "30.000"]), st.sampled_from(["0", "3.000", "7.000", "7.500"]),
       st.sampled_from(["klein", "middelgroot"]))
def test_the_new_year_line_is_the_same_request_on_1_january_with_nothing_received(day, service, theme, cost,
                                                                                 received, size):
    request = {"date": str(day), "service": service, "theme": theme, "cost": cost, "received": received,
               "company": {"size": size}}
    response = evaluate(request, today=TODAY)
    new_year = response["answer"]["new_year"]
    if new_year is None:
        return
    january = evaluate({**request, "date": "2027-01-01", "received": "0"}, today=TODAY)
    assert (new_year["date"], new_year["support"]) == ("2027-01-01", january["support"])
    assert Decimal(new_year["support"]) > Decimal(response["support"])
    assert (date(2027, 1, 1) - day).days <= 60
