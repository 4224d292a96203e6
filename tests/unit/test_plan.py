"""The year plan: several services, the annual cap shared out in application order (issue 14)."""

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille import evaluate, parsing
from kmo_portefeuille.parameters import Parameters, load

from .conftest import TODAY
from .shape import assert_valid_shape
from .strategies import checklists, valid_plans, valid_requests
from .test_contract import run_cli

PLAN_CASES = json.loads((Path(__file__).parents[1] / "cases" / "plans.json").read_text(encoding="utf-8"))
ROW_KEYS = ("date", "service", "theme", "cost")


def row(day, service="advies", theme="cybersecurity", cost=10000):
    return {"date": day, "service": service, "theme": theme, "cost": cost}


def plan(*rows, **extra):
    return {"company": {"size": "klein"}, "services": list(rows), **extra}


def run(request, parameters=None):
    response = evaluate(request, parameters=parameters, today=TODAY)
    assert_valid_shape(response)
    return response


def amounts(response, key="support"):
    return [row[key] for row in response["services"]]


def years(response):
    return {year["year"]: {k: year[k] for k in ("cap", "received", "support", "remaining")} for year in response["years"]}


# --------------------------------------------------------------------------- order and years


def test_rows_are_applied_by_date_and_answered_in_the_order_given():
    response = run(plan(row("2026-09-01", "opleiding", "innovatie", 20000), row("2026-03-02")))
    assert response["ok"] and response["rows"] == 2 and response["order"] == [1, 0]
    assert [r["date"] for r in response["services"]] == ["2026-09-01", "2026-03-02"]
    # March first: 45% of 10,000; September gets what is left of the cap, not its 30% of 20,000.
    assert amounts(response) == ["3000.00", "4500.00"]
    assert amounts(response, "received") == ["4500.00", "0.00"]
    assert amounts(response, "cap_remaining") == ["0.00", "3000.00"]
    assert amounts(response, "own_share") == ["17000.00", "5500.00"]
    assert "plafond_beperkt" in [r["code"] for r in response["services"][0]["reasons"]]
    assert (response["total_support"], response["total_own_share"], response["total_cost"]) == \
        ("7500.00", "22500.00", "30000.00")
    assert response["display"]["total_support"] == "€\u00a07.500"


def test_rows_on_the_same_date_keep_the_listed_order():
    advice, training = row("2026-05-04", cost=12000), row("2026-05-04", "opleiding", "innovatie", 10000)
    first = run(plan(advice, training))
    assert first["order"] == [0, 1] and amounts(first) == ["5400.00", "2100.00"]
    second = run(plan(training, advice))
    assert second["order"] == [0, 1] and amounts(second) == ["3000.00", "4500.00"]
    assert first["total_support"] == second["total_support"] == "7500.00"


def test_each_calendar_year_has_its_own_cap():
    response = run(plan(row("2027-01-01", cost=20000), row("2026-12-31", cost=20000), row("2026-12-15", cost=2000)))
    assert response["order"] == [2, 1, 0]
    assert amounts(response) == ["7500.00", "6600.00", "900.00"]
    assert years(response) == {
        2026: {"cap": "7500.00", "received": "0.00", "support": "7500.00", "remaining": "0.00"},
        2027: {"cap": "7500.00", "received": "0.00", "support": "7500.00", "remaining": "0.00"},
    }
    assert response["years"][0]["display"] == {"cap": "€\u00a07.500", "received": "€\u00a00", "support": "€\u00a07.500",
                                               "remaining": "€\u00a00"}
    assert response["total_support"] == "15000.00"


def test_received_counts_for_the_year_of_the_earliest_row_only():
    response = run(plan(row("2027-02-01"), row("2026-12-01"), received="5.000"))
    assert amounts(response) == ["4500.00", "2500.00"]
    assert amounts(response, "received") == ["0.00", "5000.00"]
    assert years(response)[2026] == {"cap": "7500.00", "received": "5000.00", "support": "2500.00", "remaining": "0.00"}
    assert years(response)[2027] == {"cap": "7500.00", "received": "0.00", "support": "4500.00", "remaining": "3000.00"}
    # All rows in 2027: ``received`` is then 2027's.
    later = run(plan(row("2027-02-01"), row("2027-03-01"), received=7000))
    assert amounts(later) == ["500.00", "0.00"] and years(later)[2027]["received"] == "7000.00"


def test_a_year_already_at_its_cap_refuses_its_rows_and_the_next_year_starts_afresh():
    response = run(plan(row("2026-11-02"), row("2027-01-04"), company={"size": "middelgroot"}, received=7500))
    first, second = response["services"]
    assert not first["eligible"] and first["support"] == "0.00" and first["own_share"] == "10000.00"
    assert "plafond_bereikt" in [r["code"] for r in first["reasons"]]
    assert second["eligible"] and second["support"] == "3500.00" and second["rate_percent"] == "35"
    assert years(response)[2026]["remaining"] == "0.00" and years(response)[2027]["remaining"] == "4000.00"


def test_an_ineligible_row_takes_nothing_from_the_cap():
    response = run(plan(
        row("2026-03-02", theme="innovatie"),  # advice after 1 February 2026: cybersecurity only
        row("2026-03-03", "opleiding", "innovatie", 50),  # below the minimum of a training
        row("2026-04-01", cost=20000),
    ))
    assert [r["eligible"] for r in response["services"]] == [False, False, True]
    assert amounts(response) == ["0.00", "0.00", "7500.00"]
    assert amounts(response, "cap_remaining") == ["7500.00", "7500.00", "0.00"]
    assert amounts(response, "received") == ["0.00", "0.00", "0.00"]
    assert response["eligible"] is True
    assert response["total_own_share"] == "22550.00"


def test_each_row_gets_the_rules_of_its_own_date():
    themes = run(plan(row("2026-01-31", theme="innovatie"), row("2026-02-01", theme="innovatie")))
    assert [r["eligible"] for r in themes["services"]] == [True, False]
    assert "thema_niet_toegelaten" in [r["code"] for r in themes["services"][1]["reasons"]]
    rates = run(plan(row("2021-09-13"), row("2021-09-14")))
    assert amounts(rates, "rate_percent") == ["30", "45"] and amounts(rates) == ["3000.00", "4500.00"]


def test_the_size_is_determined_once_with_the_earliest_row():
    data = copy.deepcopy(load().data)
    ceilings = copy.deepcopy(data["size_ceilings"][-1])
    ceilings["from"] = "2027-01-01"
    ceilings["value"][1]["staff_below"] = "10"  # from 2027 a company of 12 FTE would be medium-sized
    data["size_ceilings"].append(ceilings)
    params = Parameters(data)
    company = {"fte": 12, "turnover": 1500000, "balance_sheet_total": 800000}
    response = run(plan(row("2027-06-01"), row("2026-06-01"), company=company), parameters=params)
    assert response["size"] == "klein" and response["size_category"] == "klein"
    assert amounts(response, "size") == ["klein", "klein"] and amounts(response, "rate_percent") == ["45", "45"]
    assert [r["code"] for r in response["size_reasons"]] == ["grootte_cijfers", "grootte_vastgelegd"]
    single = evaluate({**row("2027-06-01"), "company": company}, parameters=params, today=TODAY)
    assert single["size"] == "middelgroot"


def test_a_maatwerkbedrijf_gets_its_regime_from_each_rows_date():
    case = next(c for c in PLAN_CASES if c["name"] == "plan-maatwerkbedrijf-across-2026")
    response = run(case["request"])
    assert response["size"] == "groot" and response["size_category"] == "groot"
    assert amounts(response, "size") == ["groot", "middelgroot"]
    assert [r["eligible"] for r in response["services"]] == [False, True]
    assert amounts(response, "rate_percent") == ["0", "35"] and response["total_support"] == "7500.00"


# --------------------------------------------------------------------------- the answer


def test_headline_with_support():
    response = run(plan(row("2026-03-02"), row("2026-04-01", "opleiding", "innovatie", 18000)))
    assert response["answer"]["headline"] == "Je krijgt in totaal €\u00a07.500 steun; je betaalt zelf €\u00a020.500, plus btw."
    cents = run(plan(row("2026-03-02", cost="1.001")))
    assert cents["answer"]["headline"] == "Je krijgt in totaal €\u00a0450,45 steun; je betaalt zelf €\u00a0550,55, plus btw."


def test_headline_without_support():
    large = run(plan(row("2026-03-02"), row("2026-04-01"), company={"size": "groot"}))
    assert large["eligible"] is False and large["size"] == "groot" and large["total_support"] == "0.00"
    assert large["answer"]["headline"] == "Geen steun: een grote onderneming krijgt geen steun via de kmo-portefeuille."
    assert large["answer"]["why"] == []  # a large company has no cap to speak of
    mixed = run(plan(row("2026-03-02", theme="innovatie"), row("2026-03-03", "opleiding", "innovatie", 50)))
    assert mixed["answer"]["headline"] == ("Geen steun: geen enkele dienst van je plan komt in aanmerking. "
                                           "Bij elke dienst staat waarom.")


# --------------------------------------------------------------------------- limits and errors


def test_twenty_rows_are_fine_and_twenty_one_are_not():
    rows = [row(f"2026-{month:02d}-{day:02d}", "opleiding", "innovatie", 1000) for month in range(3, 8) for day in (1, 8, 15, 22)]
    twenty = run(plan(*rows))
    assert twenty["ok"] and twenty["rows"] == 20 and twenty["total_support"] == "6000.00"
    too_many = run(plan(*rows, row("2026-08-01")))
    assert too_many["errors"] == [{"field": "services", "message": "Een plan telt hoogstens 20 diensten; je gaf er 21 op."}]


@pytest.mark.parametrize("services, message", [
    ([], "Voeg minstens één dienst toe."),
    (None, "Geef de diensten op als een lijst."),
    ("advies", "Geef de diensten op als een lijst."),
    ({"0": row("2026-03-02")}, "Geef de diensten op als een lijst."),
    ([row("2026-03-02"), "advies"], "Dienst 2: geef datum, dienst, thema en prijs op."),
    ([row("2026-03-02"), None, []], "Dienst 2: geef datum, dienst, thema en prijs op."),
])
def test_a_bad_list_is_an_error_on_services(services, message):
    assert run({"company": {"size": "klein"}, "services": services})["errors"] == [{"field": "services", "message": message}]


def test_errors_name_the_row():
    response = run(plan(row("2026-03-02"), {**row("2026-03-02"), "cost": ""}))
    assert response["errors"] == [{"field": "services[1].cost", "message": "Dienst 2: vul de prijs van de dienst (excl. btw) in."}]


@pytest.mark.parametrize("field, value, message", [
    ("date", "31/02/2026", "Dienst 1: dat is geen geldige datum. Schrijf bijvoorbeeld 15/03/2026."),
    ("date", "2015-12-01", "Dienst 1: de kmo-portefeuille in haar huidige vorm bestaat sinds 1/4/2016."),
    ("date", "2101-01-01", "Dienst 1: kies een datum vóór 2101."),
    ("service", "", "Dienst 1: kies of het om een opleiding of een advies gaat."),
    ("service", "cursus", "Dienst 1: kies een van deze mogelijkheden: Opleiding, Advies."),
    ("theme", None, "Dienst 1: kies het thema van de opleiding of het advies."),
    ("cost", "tienduizend", "Dienst 1: de prijs van de dienst (excl. btw) is geen geldig getal."),
    ("cost", -5, "Dienst 1: de prijs van de dienst (excl. btw) kan niet negatief zijn."),
    ("cost", 10**15, "Dienst 1: de prijs van de dienst (excl. btw) is onwaarschijnlijk groot."),
])
def test_every_row_field_error(field, value, message):
    response = run(plan({**row("2026-03-02"), field: value}))
    assert [e["field"] for e in response["errors"]] == [f"services[0].{field}"]
    assert response["errors"][0]["message"].startswith(message)


def test_row_and_company_errors_are_reported_together():
    case = next(c for c in PLAN_CASES if c["name"] == "plan-errors")
    response = run(case["request"])
    assert [e["field"] for e in response["errors"]] == [
        "services[0].date", "services[1].service", "services[1].theme", "services[1].cost",
        "received", "company.fte", "company.turnover",
    ]
    assert "internal_error" not in response


def test_a_balance_sheet_total_that_decides_the_size_is_asked_once_for_the_plan():
    company = {"fte": 30, "turnover": "12.000.000"}
    response = run(plan(row("2026-03-02"), row("2026-05-04"), company=company))
    assert response["errors"] == [{"field": "company.balance_sheet_total", "message":
                                   "Vul het balanstotaal in: met 30 VTE en een jaaromzet van €\u00a012.000.000 hangt je "
                                   "grootte ervan af."}]
    assert run(plan(row("2026-03-02"), company={"fte": 5, "turnover": "100.000"}))["size"] == "klein"


def test_warnings_name_the_row():
    response = run(plan(row("2026-03-02"), row("2026-05-04", "opleiding", "innovatie", "1,500"), received="1,000"))
    assert response["ok"] and response["services"][1]["cost"] == "1.50"
    cost = {"field": "services[1].cost", "suggestion": "1500", "read": "1,500",
            "message": "Dienst 2: we lezen €\u00a01,50. Bedoel je €\u00a01.500?"}
    received = {"field": "received", "suggestion": "1000", "read": "1,000",
                "message": "We lezen €\u00a01,00. Bedoel je €\u00a01.000?"}
    assert response["warnings"] == [cost, received]
    assert response["services"][0]["warnings"] == [received]
    assert response["services"][1]["warnings"] == [cost, received]
    with_error = run(plan(row("2026-03-02", cost="12,000"), row("2026-03-02", cost="")))
    assert [w["field"] for w in with_error["warnings"]] == ["services[0].cost"]
    assert [e["field"] for e in with_error["errors"]] == ["services[1].cost"]


def test_the_plan_answer_says_what_is_left_each_year():
    response = run(plan(row("2026-03-02"), row("2027-03-02", cost=20000), received=1000))
    assert response["answer"]["why"] == [
        "2026: €\u00a04.500 steun van je jaarplafond van €\u00a07.500, na de €\u00a01.000 die je al kreeg; er blijft €\u00a02.000 over.",
        "2027: €\u00a07.500 steun van je jaarplafond van €\u00a07.500; er blijft €\u00a00 over.",
    ]
    assert response["answer"]["next"] == [] and response["answer"]["assumed"] == \
        response["services"][0]["answer"]["assumed"] != []
    assert response["display"]["size"] == "Klein (of micro)"
    assert response["services"][1]["answer"]["headline"] == "Je krijgt €\u00a07.500 steun; je betaalt zelf €\u00a012.500, plus btw."


def test_a_blank_row_date_is_today_as_in_a_single_request():
    response = run(plan({**row(""), "theme": "cybersecurity"}))
    assert response["services"][0]["date"] == TODAY.isoformat()


def test_the_single_request_keys_beside_services_are_ignored():
    response = run({**plan(row("2026-03-02")), **row("2019-01-01", "opleiding", "innovatie", 1)})
    assert response["ok"] and response["services"][0]["support"] == "4500.00"


@pytest.mark.parametrize("case", PLAN_CASES, ids=[c["name"] for c in PLAN_CASES])
def test_the_parity_cases_answer_in_shape(case):
    run(case["request"])


def test_cli_takes_a_plan_on_stdin():
    done = run_cli(json.dumps(plan(row("2026-03-02"), row("2027-03-02"))))
    assert done.returncode == 0
    response = json.loads(done.stdout)
    assert response["total_support"] == "9000.00" and [y["year"] for y in response["years"]] == [2026, 2027]
    bad = run_cli(json.dumps(plan()))
    assert bad.returncode == 1 and json.loads(bad.stdout)["errors"][0]["field"] == "services"


# --------------------------------------------------------------------------- properties


def in_plan(field: str) -> str:
    return f"services[0].{field}" if field in ROW_KEYS else field


def _received(request) -> Decimal:
    return parsing.amount(request.get("received"), "received", "", parsing.Errors(), required=False, default=Decimal(0))


@settings(max_examples=200, deadline=None)
@given(valid_plans)
def test_total_support_never_exceeds_the_caps_less_received_and_the_years_add_up(request):
    response = run(request)
    if not response["ok"]:
        return
    params = load()
    rows = response["services"]
    dates = [date.fromisoformat(r["date"]) for r in rows]
    # The bound from the parameters, not from the plan's own years: the highest cap of any size.
    caps = {}
    for day in dates:
        caps[day.year] = max(caps.get(day.year, Decimal(0)), *params.value_at("annual_cap", day).values())
    first_year = min(dates).year
    bound = sum(max(cap - (_received(request) if year == first_year else 0), Decimal(0)) for year, cap in caps.items())
    total = Decimal(response["total_support"])
    assert total <= bound
    assert total == sum(Decimal(r["support"]) for r in rows) == sum(Decimal(y["support"]) for y in response["years"])
    assert Decimal(response["total_own_share"]) + total == Decimal(response["total_cost"])
    assert all(Decimal(r["support"]) + Decimal(r["own_share"]) == Decimal(r["cost"]) for r in rows)
    _each_row_starts_where_the_one_before_left_off(response)


def _each_row_starts_where_the_one_before_left_off(response):
    """Within a year, in application order; the year ends where its last row does."""
    rows = [response["services"][index] for index in response["order"]]
    by_year = {}
    for r in rows:
        by_year.setdefault(int(r["date"][:4]), []).append(r)
    for year in response["years"]:
        applied = by_year[year["year"]]
        assert applied[0]["received"] == year["received"]
        for before, after in zip(applied, applied[1:]):
            assert Decimal(after["received"]) == Decimal(before["received"]) + Decimal(before["support"])
        assert applied[-1]["cap_remaining"] == year["remaining"]
    assert [date.fromisoformat(r["date"]) for r in rows] == sorted(date.fromisoformat(r["date"]) for r in rows)


@settings(max_examples=300, deadline=None)
@given(valid_requests, st.one_of(st.none(), checklists))
def test_a_one_row_plan_equals_the_single_request(single, checklist):
    if checklist is not None:
        single = {**single, "checklist": checklist}
    alone = evaluate(single, today=TODAY)
    planned = run({**{k: v for k, v in single.items() if k not in ROW_KEYS},
                   "services": [{k: single[k] for k in ROW_KEYS}]})
    assert planned["ok"] == alone["ok"]
    assert [in_plan(w["field"]) for w in alone["warnings"]] == [w["field"] for w in planned["warnings"]]
    if not alone["ok"]:
        assert [in_plan(e["field"]) for e in alone["errors"]] == [e["field"] for e in planned["errors"]]
        return
    row_answer = planned["services"][0]
    for key in ("eligible", "support", "own_share", "rate_percent", "cap_remaining", "reasons"):
        assert row_answer[key] == alone[key], key
    assert row_answer["warnings"] == planned["warnings"]
    # the new-year line is a single request's: a plan shows the next year's rows itself
    single_only = {"new_year": None, "received_line": None}
    assert {**row_answer, "warnings": []} == {**alone, "warnings": [], "answer": {**alone["answer"], **single_only}}
    assert planned["total_support"] == alone["support"] and planned["size"] == alone["size"]
