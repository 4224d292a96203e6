import pytest

from tests.support.rules import run, small


def size_of(fte, turnover, balance, **company):
    response = run(**small(company={"fte": fte, "turnover": turnover, "balance_sheet_total": balance, **company}))
    assert response["ok"], response
    return response


@pytest.mark.parametrize("fte, turnover, balance, expected", [
    (9, 2_000_000, 2_000_000, ("klein", "micro")),
    (10, 2_000_000, 2_000_000, ("klein", "klein")),
    (49.9, 10_000_000, 10_000_000, ("klein", "klein")),
    (50, 1, 1, ("middelgroot", "middelgroot")),
    (49, 10_000_001, 10_000_001, ("middelgroot", "middelgroot")),
    (249, 50_000_000, 43_000_000, ("middelgroot", "middelgroot")),
    (250, 1, 1, ("groot", "groot")),
    (249, 50_000_001, 43_000_001, ("groot", "groot")),
])
def test_ceilings_on_both_sides(fte, turnover, balance, expected):
    response = size_of(fte, turnover, balance)
    assert (response["size"], response["size_category"]) == expected


def test_only_one_financial_ceiling_needs_to_hold():
    assert size_of(40, 30_000_000, 9_000_000)["size"] == "klein"  # turnover over, balance under
    assert size_of(40, 9_000_000, 30_000_000)["size"] == "klein"  # balance over, turnover under
    assert size_of(200, 60_000_000, 40_000_000)["size"] == "middelgroot"
    assert size_of(200, 40_000_000, 60_000_000)["size"] == "middelgroot"


def test_large_company_does_not_qualify_and_says_why():
    response = size_of(300, 1, 1)
    assert response["eligible"] is False and response["support"] == "0.00"
    assert "grootte_groot" in {r["code"] for r in response["reasons"]}


def partner(share, fte=30, turnover=0, balance=0):
    return {"share": share, "fte": fte, "turnover": turnover, "balance_sheet_total": balance}


def test_partner_counts_in_proportion_from_25_percent():
    # 30 own FTE + 25% of 80 FTE = 50 FTE: medium. At 24.99% the partner does not count: small.
    assert size_of(30, 1, 1, partners=[partner(25, fte=80)])["size"] == "middelgroot"
    assert size_of(30, 1, 1, partners=[partner("24,99", fte=80)])["size"] == "klein"


def test_partner_at_50_percent_is_pro_rata_and_above_50_counts_fully():
    assert size_of(10, 1, 1, partners=[partner(50, fte=79)])["size"] == "klein"  # 10 + 39.5
    assert size_of(10, 1, 1, partners=[partner("50,01", fte=79)])["size"] == "middelgroot"  # 10 + 79


def test_linked_enterprises_count_in_full():
    linked = {"fte": 45, "turnover": 0, "balance_sheet_total": 0}
    response = size_of(10, 1, 1, linked=[linked])
    assert response["size"] == "middelgroot"
    assert "volledig" in next(r["message"] for r in response["reasons"] if r["code"] == "grootte_groep")


def test_partner_turnover_in_proportion():
    # own 8M + 40% of 6M = 10.4M turnover and balance 10.4M: over the small ceilings.
    response = size_of(20, 8_000_000, 8_000_000, partners=[partner(40, fte=0, turnover=6_000_000, balance=6_000_000)])
    assert response["size"] == "middelgroot"


def test_two_consecutive_years_keep_the_old_size_after_one_year_over():
    previous = {"fte": 40, "turnover": 5_000_000, "balance_sheet_total": 5_000_000}
    response = size_of(60, 5_000_000, 5_000_000, previous=previous)
    assert response["size"] == "klein"
    assert any(r["code"] == "grootte_twee_jaar" and "twee opeenvolgende" in r["message"] for r in response["reasons"])


def test_two_consecutive_years_over_the_ceiling_change_the_size():
    previous = {"fte": 55, "turnover": 5_000_000, "balance_sheet_total": 5_000_000}
    assert size_of(60, 5_000_000, 5_000_000, previous=previous)["size"] == "middelgroot"


def test_one_year_under_keeps_a_medium_company_medium():
    previous = {"fte": 70, "turnover": 5_000_000, "balance_sheet_total": 5_000_000}
    response = size_of(40, 5_000_000, 5_000_000, previous=previous)
    assert response["size"] == "middelgroot"
    assert response["rate_percent"] == "35"


@pytest.mark.parametrize("public_share, eligible", [(0, True), ("24,99", True), (25, False), (60, False)])
def test_public_share_of_25_percent_or_more_excludes(public_share, eligible):
    response = size_of(5, 1, 1, public_share=public_share)
    assert response["eligible"] is eligible
    if not eligible:
        assert "overheidsbelang" in {r["code"] for r in response["reasons"] if r["blocking"]}


def test_public_share_also_applies_when_the_size_is_known():
    response = run(**small(company={"size": "klein", "public_share": 30}))
    assert response["eligible"] is False
