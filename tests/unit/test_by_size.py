"""No amount from a default: without a size or figures the answer gives the amount for each size."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille import evaluate

from .strategies import rows, service_fields

TODAY = date(2026, 11, 27)
NBSP = "\u00a0"
ADVICE = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": "12.000"}


def test_without_a_size_the_answer_gives_both_amounts_and_keeps_the_question():
    response = evaluate(ADVICE, today=TODAY)
    assert response["ok"] is False
    assert [e["field"] for e in response["errors"]] == ["company"]
    by_size = response["by_size"]
    assert by_size["headline"] == f"Als kleine onderneming krijg je €{NBSP}5.400 steun, als middelgrote €{NBSP}4.200."
    assert [(s["size"], s["label"], s["eligible"], s["support"], s["own_share"]) for s in by_size["sizes"]] == [
        ("klein", "kleine onderneming", True, "5400.00", "6600.00"),
        ("middelgroot", "middelgrote onderneming", True, "4200.00", "7800.00"),
    ]
    assert by_size["sizes"][0]["display"] == {"support": f"€{NBSP}5.400", "own_share": f"€{NBSP}6.600"}
    assert response["received_year"] == 2026
    assert "gaf je zelf aan" not in str(response)


def test_the_same_answer_for_both_sizes_is_said_once():
    assert evaluate({**ADVICE, "cost": "40.000"}, today=TODAY)["by_size"]["headline"] == \
        f"Je krijgt €{NBSP}7.500 steun, als kleine en als middelgrote onderneming."
    refused = evaluate({**ADVICE, "theme": "digitalisering", "company": {}}, today=TODAY)["by_size"]
    assert refused["headline"].startswith("Geen steun: sinds 1\u00a0februari\u00a02026 komt advies")
    assert [s["eligible"] for s in refused["sizes"]] == [False, False]


def test_a_plan_without_a_size_gives_each_sizes_totals():
    response = evaluate({"services": [ADVICE, {**ADVICE, "date": "2026-05-04"}]}, today=TODAY)
    assert [(s["size"], s["support"]) for s in response["by_size"]["sizes"]] == [
        ("klein", "7500.00"), ("middelgroot", "7500.00")]


def test_no_amounts_while_anything_else_is_wrong_or_when_figures_are_given():
    assert "by_size" not in evaluate({**ADVICE, "cost": ""}, today=TODAY)
    assert "by_size" not in evaluate({**ADVICE, "company": {"fte": 5}}, today=TODAY)
    assert "by_size" not in evaluate({**ADVICE, "company": {"size": "klein"}}, today=TODAY)
    assert "by_size" not in evaluate({**ADVICE, "company": "klein"}, today=TODAY)


def test_a_chosen_size_is_told_as_chosen():
    response = evaluate({**ADVICE, "company": {"size": "middelgroot"}}, today=TODAY)
    assert response["support"] == "4200.00" and "Je onderneming is middelgroot: dat gaf je zelf aan." in \
        response["answer"]["why"]


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({**service_fields, "received": st.sampled_from(["0", "2.000", "7.500"])}),
       st.fixed_dictionaries({}, optional={"public_share": st.integers(0, 100), "maatwerkbedrijf": st.booleans()}))
def test_by_size_equals_the_two_evaluations_with_a_size(request, company):
    unsized = evaluate({**request, "company": company}, today=TODAY)
    for entry in unsized.get("by_size", {"sizes": []})["sizes"]:
        sized = evaluate({**request, "company": {**company, "size": entry["size"]}}, today=TODAY)
        assert (entry["eligible"], entry["support"], entry["own_share"]) == \
            (sized["eligible"], sized["support"], sized["own_share"])
    alone = [evaluate({**request, "company": {**company, "size": size}}, today=TODAY)["ok"]
             for size in ("klein", "middelgroot")]
    assert ("by_size" in unsized) == all(alone)


@settings(max_examples=30, deadline=None)
@given(st.lists(rows, min_size=1, max_size=4))
def test_a_plans_by_size_equals_its_two_plans_with_a_size(services):
    unsized = evaluate({"services": services}, today=TODAY)
    for entry in unsized.get("by_size", {"sizes": []})["sizes"]:
        sized = evaluate({"services": services, "company": {"size": entry["size"]}}, today=TODAY)
        assert (entry["support"], entry["own_share"]) == (sized["total_support"], sized["total_own_share"])
