"""Issue 13 on the rules side: amounts as people type them, the optional balance sheet total, the
answer block, one size line, and choices told only when the case depends on them."""

import copy
import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmo_portefeuille.parameters import ParameterError, Parameters, load
from kmo_portefeuille.parsing import decimal_from_text

from .conftest import run, small

RESEARCH_WORDS = ("werd niet gevonden", "werd niet nagegaan", "ECHA", "gebruikersgids", "Keuze:", "calculator")
CYBER_CHOICE = "13 september 2021"
BOUNDARY_CHOICE = "Op de grenzen volgen we de Europese tekst"


def texts(response) -> list[str]:
    """Every sentence a response carries for the visitor."""
    found = [r["message"] for r in response.get("reasons", [])] + [e["message"] for e in response["errors"]]
    found += [w["message"] for w in response["warnings"]]
    answer = response.get("answer")
    if answer:
        found += [answer["headline"], *answer["why"], *answer["assumed"], *(s["message"] for s in answer["next"])]
    return found


# --- amounts as people type them ---------------------------------------------------------------

@pytest.mark.parametrize("typed", ["12.000,-", "12.000,00", "€ 12.000,-", "12.000,–", "EUR 12 000,-"])
def test_belgian_quote_amounts_parse(typed):
    assert decimal_from_text(typed) == Decimal(12000)
    response = run(**small(cost=typed))
    assert (response["cost"], response["support"], response["warnings"]) == ("12000.00", "5400.00", [])


def test_a_comma_and_three_digits_is_read_as_decimals_but_warns():
    response = run(**small(cost="12,000"))
    assert response["cost"] == "12.00"
    assert response["warnings"] == [{
        "field": "cost",
        "message": "Bedoel je € 12.000? Je schreef 12,000: dat lezen we als € 12,00.",
        "suggestion": "12000",
    }]
    assert run(**small(cost="1,500"))["warnings"][0]["suggestion"] == "1500"
    assert "€ 12,345" in run(**small(cost="€ 12,345"))["warnings"][0]["message"]


@pytest.mark.parametrize("typed", ["12,5", "12,50", "12.000", "0,125", "1.500,000", "12000", 12000])
def test_no_warning_for_other_notations(typed):
    assert run(**small(cost=typed))["warnings"] == []


def test_warnings_name_the_field_and_come_with_a_failed_answer_too():
    response = run(**small(service="", received="1,500",
                           company={"fte": 5, "turnover": "2,000", "balance_sheet_total": 1}))
    assert response["ok"] is False
    assert [w["field"] for w in response["warnings"]] == ["received", "company.turnover"]
    assert run(**small(cost="veel"))["warnings"] == []
    assert run(date="x")["warnings"] == [] and "warnings" in run(**small(company=[]))


def test_the_warning_reader_works_for_any_field_name():
    from kmo_portefeuille import parsing
    errors = parsing.Errors()
    assert parsing.amount("4,000", "services[1].cost", "de prijs", errors) == Decimal("4.000")
    assert errors == [] and errors.warnings[0]["field"] == "services[1].cost"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.integers(0, 999))
def test_every_comma_thousand_warns_with_the_digits(whole, thousands):
    typed = f"{whole},{thousands:03d}"
    response = run(**small(cost=typed))
    assert response["warnings"][0]["suggestion"] == f"{whole}{thousands:03d}"
    assert Decimal(response["cost"]) == Decimal(f"{whole}.{thousands:03d}").quantize(Decimal("0.01"), ROUND_HALF_UP)


# --- the balance sheet total is optional where it cannot change the size -------------------------

def company(**figures):
    return small(company=figures)


def test_balance_sheet_total_may_stay_blank_when_staff_and_turnover_decide():
    for figures in ({"fte": 12, "turnover": "1.500.000"}, {"fte": 1, "turnover": "80.000", "balance_sheet_total": ""},
                    {"fte": 60, "turnover": "12.000.000"}, {"fte": 300, "turnover": "1"}):
        response = run(**company(**figures))
        assert response["ok"], (figures, response["errors"])


def test_a_blank_balance_sheet_total_gives_the_size_of_any_total():
    blank = run(**company(fte=12, turnover="1.500.000"))
    for total in (0, "900.000", "2.000.000", "90.000.000"):
        given_ = run(**company(fte=12, turnover="1.500.000", balance_sheet_total=total))
        assert (given_["size"], given_["support"]) == (blank["size"], blank["support"])


def test_size_reasons_do_not_claim_a_balance_sheet_total_that_was_not_given():
    response = run(**company(fte=12, turnover="1.500.000"))
    sizes = " ".join(r["message"] for r in response["reasons"] if r["group"] == "grootte")
    assert "Met 12 VTE en een jaaromzet van € 1.500.000 geldt" in sizes
    assert "een balanstotaal van €" not in sizes.split(":")[0]


def test_a_balance_sheet_total_that_decides_the_size_is_asked_for_with_the_figures():
    response = run(**company(fte=40, turnover="12.000.000"))
    assert response["ok"] is False
    assert response["errors"] == [{
        "field": "company.balance_sheet_total",
        "message": "Vul het balanstotaal in: met 40 VTE en een jaaromzet van € 12.000.000 hangt je grootte ervan af.",
    }]


def test_previous_partner_and_linked_totals_are_asked_for_only_when_they_decide():
    previous = run(**company(fte=40, turnover="5.000.000", balance_sheet_total="1",
                             previous={"fte": 40, "turnover": "12.000.000"}))
    assert [e["field"] for e in previous["errors"]] == ["company.previous.balance_sheet_total"]
    assert "van het jaar ervoor in: met 40 VTE en een jaaromzet van € 12.000.000 in dat jaar" in previous["errors"][0]["message"]
    partner = run(**company(fte=10, turnover="9.000.000", balance_sheet_total="1",
                            partners=[{"share": 40, "fte": 5, "turnover": "5.000.000"}]))
    assert [e["field"] for e in partner["errors"]] == ["company.partners.0.balance_sheet_total"]
    assert "partneronderneming 1" in partner["errors"][0]["message"]
    assert "voor je hele groep" in partner["errors"][0]["message"]
    linked = run(**company(fte=10, turnover="9.000.000", balance_sheet_total="1",
                           linked=[{"fte": 1, "turnover": "1", "balance_sheet_total": 1}, {"fte": 5, "turnover": "5.000.000"}]))
    assert [e["field"] for e in linked["errors"]] == ["company.linked.1.balance_sheet_total"]
    small_stake = run(**company(fte=10, turnover="9.000.000", balance_sheet_total="1",
                                partners=[{"share": 10, "fte": 5, "turnover": "5.000.000"}]))
    assert small_stake["ok"], small_stake["errors"]


def test_no_balance_sheet_total_needed_when_the_public_share_or_maatwerkbedrijf_decides():
    assert run(**company(fte=40, turnover="12.000.000", public_share=30))["ok"]
    large = {"fte": 300, "turnover": "60.000.000", "maatwerkbedrijf": "ja"}
    assert run(**small(date="2026-03-02", company=large))["ok"]
    before = run(**small(date="2025-03-02", company=large))  # 300 VTE: large whatever the total
    assert before["ok"] and before["eligible"] is False


figures = st.fixed_dictionaries({"fte": st.integers(0, 300),
                                 "turnover": st.sampled_from([0, 1_500_000, 2_000_001, 9_000_000, 12_000_000, 60_000_000])})


@settings(max_examples=150, deadline=None)
@given(figures, st.one_of(st.none(), figures), st.lists(figures.map(lambda f: {**f, "share": 40}), max_size=2))
def test_a_blank_total_is_asked_for_exactly_when_zero_and_unlimited_differ(own, previous, partners):
    request = {**own, "partners": partners, **({"previous": previous} if previous else {})}
    response = run(**small(company=request))

    def filled(total):
        def fill(f):
            return {**f, "balance_sheet_total": total}
        return {**fill(own), "partners": [fill(p) for p in partners], **({"previous": fill(previous)} if previous else {})}

    low, high = (run(**small(company=filled(t))) for t in (0, 10**11))
    if low["size"] == high["size"]:
        assert response["ok"] and response["size"] == low["size"]
    else:
        assert response["ok"] is False
        assert all(e["field"].endswith("balance_sheet_total") and "Vul het balanstotaal" in e["message"]
                   for e in response["errors"])


# --- the answer block ---------------------------------------------------------------------------

def test_an_eligible_answer_leads_with_the_amounts_and_the_deadlines():
    response = run(**small(cost="12.000"))
    answer = response["answer"]
    assert answer["headline"] == "Je krijgt € 5.400 steun; je betaalt zelf € 6.600, plus btw."
    assert answer["why"][0] == "45% steun: het verhoogde percentage voor cybersecurity, voor een kleine onderneming."
    assert 1 <= len(answer["why"]) <= 3
    dated = [step for step in answer["next"] if step["date"]]
    assert [s["date"] for s in dated] == [(date(2026, 3, 2) + timedelta(days=30)).isoformat(), "2027-12-31"]
    assert dated[-1]["date_display"] == "31 december 2027"
    assert response["limited_by_cap"] is False and response["display"]["rate_line"] == "45%"


def test_cents_show_only_when_there_are_cents():
    assert run(**small(cost="1.000,50"))["answer"]["headline"] == \
        "Je krijgt € 450,23 steun; je betaalt zelf € 550,27, plus btw."


def test_a_no_gives_the_one_deciding_reason_and_what_to_do():
    response = run(**small(theme="digitalisering"))
    answer = response["answer"]
    assert answer["headline"] == "Geen steun: sinds 1 februari 2026 komt advies alleen nog in aanmerking voor cybersecurity."
    messages = [s["message"] for s in answer["next"]]
    assert "Een advies over cybersecurity komt wel in aanmerking." in messages
    assert "Een opleiding over digitalisering komt wel in aanmerking." in messages
    assert messages[-1] == "Twijfel je? Vraag het vooraf na bij VLAIO."
    assert all(s["date"] is None for s in answer["next"])


def test_a_no_with_more_reasons_names_the_others_under_why():
    response = run(**small(theme="digitalisering", cost=100, checklist={"flanders": "nee"}))
    answer = response["answer"]
    assert answer["headline"] == "Geen steun: je onderneming heeft geen vestiging in Vlaanderen."
    assert answer["why"][:2] == ["Sinds 1 februari 2026 komt advies alleen nog in aanmerking voor cybersecurity.",
                                 "Een advies moet minstens € 500 kosten, zonder btw."]
    assert len(answer["why"]) <= 3


def test_a_reached_cap_says_when_the_next_one_starts():
    answer = run(**small(received="7.500"))["answer"]
    assert answer["headline"] == "Geen steun: je jaarplafond van € 7.500 voor 2026 is al op."
    assert answer["next"][0] == {"date": "2027-01-01", "date_display": "1 januari 2027",
                                 "message": "Op 1 januari 2027 begint een nieuw jaarplafond.", "code": "nieuw_plafond"}


def test_a_capped_answer_says_the_rate_is_limited():
    response = run(**small(cost="30.000", received="5.000"))
    assert (response["support"], response["rate_percent"]) == ("2500.00", "45")
    assert response["limited_by_cap"] is True
    assert response["display"]["rate_line"] == "45%, beperkt door je jaarplafond"
    assert response["answer"]["headline"] == "Je krijgt € 2.500 steun; je betaalt zelf € 27.500, plus btw."
    assert "Je jaarplafond beperkt de steun: van de € 7.500 per jaar had je nog € 2.500 over." in response["answer"]["why"]


def test_what_was_assumed_is_said_only_for_questions_left_open():
    assumed = run(**small())["answer"]["assumed"]
    assert len(assumed) == 5 and all(line.startswith("We gaan ervan uit dat") for line in assumed)
    assert ("We gaan ervan uit dat je onderneming een eenmanszaak, een vrij beroep of een vennootschap is."
            in assumed)
    answered = run(**small(checklist={"legal_form": True, "flanders": "ja", "main_activity": True},
                           company={"size": "klein", "public_share": 0, "maatwerkbedrijf": "nee"}))
    assert answered["answer"]["assumed"] == [] and answered["answer"]["assumed_line"] == ""
    # Before 2026 a maatwerkbedrijf had no rule of its own: nothing to assume about it.
    assert len(run(**small(date="2025-03-02"))["answer"]["assumed"]) == 4


def test_what_was_assumed_is_also_one_sentence():
    assert run(**small())["answer"]["assumed_line"] == (
        "We gaan ervan uit dat je onderneming een aanvaarde rechtsvorm heeft, in Vlaanderen gevestigd is, een "
        "aanvaarde hoofdactiviteit heeft, niet in handen is van de overheid en geen erkend maatwerkbedrijf is.")
    only_flanders = run(**small(checklist={"legal_form": True, "main_activity": True},
                                company={"size": "klein", "public_share": 0, "maatwerkbedrijf": "nee"}))
    assert only_flanders["answer"]["assumed_line"] == "We gaan ervan uit dat je onderneming in Vlaanderen gevestigd is."


# --- one size line, no size reason that contradicts it ------------------------------------------

@pytest.mark.parametrize("company_, line", [
    ({"size": "klein"}, "Klein (of micro)"),
    ({"fte": 5, "turnover": 1}, "Klein (of micro)"),
    ({"size": "middelgroot"}, "Middelgroot"),
    ({"fte": 300, "turnover": "60.000.000"}, "Groot: geen kmo"),
    ({"size": "klein", "public_share": 25}, "Geen kmo: overheden houden 25% of meer"),
    ({"fte": 5, "turnover": 1, "public_share": 60}, "Geen kmo: overheden houden 25% of meer"),
])
def test_one_size_line(company_, line):
    response = run(**small(company=company_))
    assert response["display"]["size"] == line
    if line.startswith("Geen kmo"):
        assert not [r for r in response["reasons"] if r["group"] == "grootte"]
        assert response["answer"]["why"] == []


def test_the_staff_ceiling_sentence_says_to_stay_under_it():
    message = next(r["message"] for r in run(**company(fte=300, turnover="60.000.000"))["reasons"]
                   if r["code"] == "grootte_cijfers")
    assert "Je personeel moet onder het plafond blijven, en van de twee financiële plafonds volstaat er één." in message
    assert "gehaald" not in message


def test_the_two_year_rule_does_not_leave_a_contradicting_size_line():
    response = run(**company(fte=60, turnover="5.000.000", balance_sheet_total="5.000.000",
                             previous={"fte": 40, "turnover": "5.000.000", "balance_sheet_total": "5.000.000"}))
    assert response["display"]["size"] == "Klein (of micro)"
    figures = next(r["message"] for r in response["reasons"] if r["code"] == "grootte_cijfers")
    assert "alleen zou je onderneming een middelgrote onderneming zijn" in figures


# --- choices only when the case depends on them -------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2021, 8, 1), max_value=date(2022, 12, 31)), st.sampled_from(["opleiding", "advies"]))
def test_the_13_september_choice_only_for_that_date(day, service):
    response = run(date=day.isoformat(), service=service, theme="cybersecurity", cost=1000, company={"size": "klein"})
    told = any("VLAIO schrijft dat het verhoogde percentage" in t for t in texts(response))
    assert told is (day == date(2021, 9, 13))


def test_the_13_september_choice_is_in_the_rate_reason_with_its_source():
    response = run(date="2021-09-13", service="opleiding", theme="cybersecurity", cost=1000, company={"size": "klein"})
    rate = next(r for r in response["reasons"] if r["code"] == "tarief")
    assert CYBER_CHOICE in rate["message"] and rate["source"].startswith("https://")
    later = run(date="2026-03-02", service="advies", theme="cybersecurity", cost=1000, company={"size": "klein"})
    assert not any(CYBER_CHOICE in t for t in texts(later))


@pytest.mark.parametrize("public_share, told", [(25, True), ("25,0", True), (30, False), ("24,99", False), (0, False)])
def test_the_25_percent_choice_only_for_a_public_share_of_exactly_25(public_share, told):
    response = run(**small(company={"size": "klein", "public_share": public_share}))
    assert any(BOUNDARY_CHOICE in t for t in texts(response)) is told


@pytest.mark.parametrize("share, told", [(25, True), (50, True), (30, False), ("50,01", False), (10, False)])
def test_the_boundary_choice_only_for_a_stake_of_exactly_25_or_50(share, told):
    response = run(**company(fte=5, turnover=1, partners=[{"share": share, "fte": 1, "turnover": 1}]))
    assert any(BOUNDARY_CHOICE in t for t in texts(response)) is told


def test_the_december_2019_cap_choice_only_in_december_2019():
    def cap_text(day):
        response = run(date=day, service="opleiding", theme="innovatie", cost=1000, company={"size": "klein"})
        return next(r["message"] for r in response["reasons"] if r["code"] == "plafond")
    assert "december 2019" in cap_text("2019-12-15")
    assert "december 2019" not in cap_text("2019-11-30") and "december 2019" not in cap_text("2020-01-02")


def test_the_energy_efficiency_choice_only_before_the_first_confirmation():
    def told(day):
        response = run(date=day, service="opleiding", theme="energie-efficientie", cost=1000, company={"size": "klein"})
        return any("De bronnen zeggen niet sinds wanneer" in t for t in texts(response))
    assert told("2024-06-04") and not told("2024-06-05") and not told("2022-06-01")


# --- plain texts: no research language, every fact keeps its source ------------------------------

def test_notes_say_what_holds_and_keep_their_sources():
    data = load().data
    entries = [e for s in data["rates"] for e in s["values"]]
    entries += [e for name, value in data.items() if isinstance(value, list) and name != "rates" for e in value]
    for entry in entries:
        for key in ("note", "choice", "change"):
            assert not any(word in entry.get(key, "") for word in RESEARCH_WORDS), entry[key]
        assert entry["source"] in data["sources"]
    assert sum(1 for e in entries if e.get("choice")) >= 6


def test_no_research_language_in_any_recorded_response():
    cases = json.loads((Path(__file__).parents[1] / "cases" / "recorded.json").read_text(encoding="utf-8"))
    for case in cases:
        for text in texts(case["response"]):
            assert not any(word in text for word in RESEARCH_WORDS), (case["name"], text)
            assert "calculator" not in text.lower()


def test_choice_dates_are_checked_at_load():
    def broken(change):
        data = copy.deepcopy(load().data)
        change(data["annual_cap"][1])
        with pytest.raises(ParameterError) as raised:
            Parameters(data)
        return str(raised.value)
    assert "'choice_dates' hoort bij een 'choice'" in broken(lambda e: e.pop("choice"))
    assert "eindigt vóór ze begint" in broken(lambda e: e.update(choice_dates=["2019-12-31/2019-12-01"]))
    assert "JJJJ-MM-DD" in broken(lambda e: e.update(choice_dates=["13/09/2021"]))
    assert "'choice' moet tekst zijn" in broken(lambda e: e.update(choice=""))
    assert "lijst" in broken(lambda e: e.update(choice_dates="2019-12-01"))
