"""Amounts not in Belgian notation are read as before, but the visitor is asked what was meant;
amounts and dates in the texts never break inside on a phone."""

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille import evaluate

TODAY = date(2026, 11, 27)
NBSP = "\u00a0"


def cost(typed, **extra):
    request = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": typed,
               "company": {"size": "klein"}}
    return evaluate({**request, **extra}, today=TODAY)


@pytest.mark.parametrize("typed, read, message, suggestion", [
    ("12.00", "12.00", f"We lezen €{NBSP}12,00. Bedoel je €{NBSP}1.200?", "1200"),
    ("1.2345", "1.2345", f"We lezen €{NBSP}1,2345. Bedoel je €{NBSP}12.345?", "12345"),
    ("12,000", "12,000", f"We lezen €{NBSP}12,00. Bedoel je €{NBSP}12.000?", "12000"),
    ("12.5", "12.5", f"We lezen €{NBSP}12,50. Bedoel je €{NBSP}125?", "125"),
    ("€ 0.500", "0.500", f"We lezen €{NBSP}0,50. Bedoel je €{NBSP}500?", "500"),
    ("1,250.75", "1,250.75", f"We lezen €{NBSP}1.250,75. Klopt dat?", "1250,75"),
    ("12,000,000", "12,000,000", f"We lezen €{NBSP}12.000.000. Klopt dat?", "12000000"),
])
def test_every_non_belgian_separator_warns_with_what_was_read_and_meant(typed, read, message, suggestion):
    before = cost(typed)
    assert before["warnings"] == [{"field": "cost", "message": message, "read": read, "suggestion": suggestion}]
    # the one-tap fix: the suggestion typed in the field gives no warning, and the amount meant
    after = cost(suggestion)
    assert after["warnings"] == [] and re.sub(r"[.,]", "", after["cost"]).lstrip("0") == \
        re.sub(r"[.,]", "", f"{float(suggestion.replace(',', '.')):.2f}").lstrip("0")


@pytest.mark.parametrize("typed", ["12.000", "12.000,50", "1.234.567", "12,5", "12000", "€ 12 000,-", ",5", 12.5, 1200])
def test_belgian_amounts_do_not_warn(typed):
    assert cost(typed)["warnings"] == []


def test_each_amount_field_warns_under_its_own_name():
    response = cost("1.200", received="1000.5", company={"fte": 5, "turnover": "200.5"})
    fields = [w["field"] for w in response["warnings"]]
    assert fields == ["received", "company.turnover"]
    plan = evaluate({"services": [{"date": "2026-03-02", "service": "advies", "theme": "cybersecurity",
                                   "cost": "12.00"}], "company": {"size": "klein"}}, today=TODAY)
    assert plan["warnings"][0]["field"] == "services[0].cost"
    assert plan["warnings"][0]["message"] == f"Dienst 1: we lezen €{NBSP}12,00. Bedoel je €{NBSP}1.200?"


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 999_999), st.sampled_from([1, 2, 4]))
def test_a_single_dot_without_three_digits_after_it_always_warns(whole, decimals):
    typed = f"{whole}.{'5' * decimals}"
    response = cost(typed)
    assert response["ok"] and response["warnings"][0]["read"] == typed
    assert response["warnings"][0]["suggestion"] == f"{whole}{'5' * decimals}"


def test_amounts_and_dates_in_texts_never_break_inside():
    response = cost("12.000", date="2026-12-10", received="5.000")
    texts = [response["answer"]["headline"], *response["answer"]["why"], response["answer"]["new_year"]["line"],
             *(step["message"] for step in response["answer"]["next"]), *response["display"].values(),
             *(r["message"] for r in response["reasons"])]
    joined = "\n".join(texts)
    assert "€ " not in joined and re.search(r"€\u00a0[0-9]", joined)
    assert not re.search(r"[0-9] (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                         r"december)", joined)
    assert not re.search(r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                         r"december) [0-9]", joined)
    assert response["display"]["support"] == f"€{NBSP}2.500"  # the answer's format, in the bar too
