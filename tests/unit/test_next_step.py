"""What to do now: each step has a code, the application step links to the application, and a
plan's rows each carry their own dates."""

from datetime import date

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import load

TODAY = date(2026, 11, 27)
ADVICE = {"service": "advies", "theme": "cybersecurity", "cost": "12.000", "company": {"size": "klein"}}


def test_the_application_step_links_to_the_application_from_the_data():
    steps = evaluate({**ADVICE, "date": "2026-03-02"}, today=TODAY)["answer"]["next"]
    assert [s["code"] for s in steps] == ["aanvraag", "eigen_bijdrage", "afronding"]
    link = steps[0]["link"]
    assert link == {"href": load().value_at("application_url", date(2026, 3, 2)), "text": "Naar je aanvraag bij VLAIO"}
    assert link["href"].startswith("https://")
    assert all("link" not in s for s in steps[1:])


def test_each_plan_row_has_its_own_dates_in_its_steps():
    rows = [{**{k: ADVICE[k] for k in ("service", "theme", "cost")}, "date": day} for day in ("2026-03-02", "2027-02-15")]
    response = evaluate({"services": rows, "company": {"size": "klein"}}, today=TODAY)
    dates = [[s["date"] for s in row["answer"]["next"]] for row in response["services"]]
    assert dates == [["2026-03-02", "2026-04-01", "2027-12-31"], ["2027-02-15", "2027-03-17", "2028-12-31"]]


def test_a_no_has_coded_steps_without_a_link():
    steps = evaluate({**ADVICE, "date": "2026-03-02", "cost": "100"}, today=TODAY)["answer"]["next"]
    assert [s["code"] for s in steps] == ["alternatief", "vraag_vlaio"]
    assert all("link" not in s for s in steps)
