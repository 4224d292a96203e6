from decimal import Decimal

import pytest

from kmo_portefeuille import evaluate
from kmo_portefeuille.parsing import decimal_from_text

from tests.support.rules import run, small


@pytest.mark.parametrize("text, expected", [
    ("7.500,50", "7500.50"),
    ("€ 12 000", "12000"),
    ("12000", "12000"),
    ("12,5", "12.5"),
    ("1.500.000", "1500000"),
    ("EUR 1.000.000,00", "1000000"),
    ("7.500", "7500"),
    ("12.5", "12.5"),
    ("1,250.75", "1250.75"),
    ("0,125", "0.125"),
    ("1 234,5", "1234.5"),
    ("12\u00a0000 euro", "12000"),
])
def test_belgian_numbers(text, expected):
    assert decimal_from_text(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12,34,5", "", "€", "1e5", "--5", "12.34.567,8.9"])
def test_not_numbers(text):
    assert decimal_from_text(text) is None


def test_belgian_strings_give_the_same_answer_as_numbers():
    typed = run(**small(cost="€ 10 000", company={"fte": "12,5", "turnover": "1.500.000", "balance_sheet_total": "900.000,00"}))
    plain = run(**small(cost=10000, company={"fte": 12.5, "turnover": 1500000, "balance_sheet_total": 900000}))
    assert typed["ok"] and typed == plain
    assert typed["support"] == "4500.00"


def test_every_bad_field_is_reported_at_once_in_dutch():
    response = run(date="31-02-2026", service="cursus", theme="koken", cost="veel", received="-5",
                   company={"fte": "x", "turnover": "", "balance_sheet_total": "10"},
                   checklist={"flanders": "misschien"})
    assert response["ok"] is False
    fields = {e["field"] for e in response["errors"]}
    assert fields == {"date", "service", "theme", "cost", "received", "company.fte", "company.turnover",
                      "checklist.flanders"}
    assert all(e["message"] and e["message"][0].isupper() for e in response["errors"])
    messages = " ".join(e["message"] for e in response["errors"])
    assert "geen geldige datum" in messages and "negatief" in messages and "Vul de jaaromzet in" in messages


@pytest.mark.parametrize("cost", [-29058344525946670, -2.905834452594667e16, "-29.058.344.525.946.670"])
def test_a_huge_negative_amount_is_called_negative_whatever_its_notation(cost):
    # JavaScript's JSON turns the float into the int: both must get the same message.
    message = next(e["message"] for e in run(**small(cost=cost))["errors"] if e["field"] == "cost")
    assert "negatief" in message, message


def test_dates_in_belgian_and_iso_notation_agree():
    assert run(**small(date="2/3/2026")) == run(**small(date="2026-03-02"))


def test_date_defaults_to_today():
    response = run(**{k: v for k, v in small().items() if k != "date"})
    assert response["date"] == "2026-11-27"


def test_date_before_the_programme_is_a_clear_error_not_a_guess():
    response = run(**small(date="2016-03-31"))
    assert response["ok"] is False
    assert response["errors"][0]["field"] == "date"
    assert "1/4/2016" in response["errors"][0]["message"]
    assert run(**small(date="2016-04-01"))["ok"] is True


def test_missing_company_asks_for_size_or_figures():
    response = run(**small(company={}))
    assert response["errors"] == [{"field": "company", "message": "Kies de grootte van je onderneming of vul haar cijfers in."}]


def test_partner_errors_name_the_row():
    response = run(**small(company={"fte": 5, "turnover": 1, "balance_sheet_total": 1,
                                     "partners": [{"share": "140", "fte": 1, "turnover": 1, "balance_sheet_total": 1}]}))
    assert response["errors"][0]["field"] == "company.partners.0.share"


def test_not_an_object():
    for request in (None, [], "x", 3):
        response = evaluate(request)
        assert response["ok"] is False and response["errors"][0]["field"] == "request"
