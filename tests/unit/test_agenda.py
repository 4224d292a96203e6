"""Issue 21, the rules side: the deadlines of an answer as an iCalendar file, read back with the
`icalendar` library (which parses what we write, RFC 5545)."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from kmo_portefeuille import calendar, evaluate
from kmo_portefeuille.agenda import LINE_OCTETS, calendar_text, fold

TODAY = date(2026, 11, 27)
STAMP = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
ADDRESS = "http://127.0.0.1:8106/rekenhulp/?date=2026-03-02&service=advies&theme=cybersecurity&cost=10.000&size=klein"

SINGLE = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": "10.000",
          "company": {"size": "klein"}}
# Three services across two calendar years, listed out of date order.
PLAN = {"company": {"size": "klein"}, "services": [
    {"date": "2027-01-10", "service": "opleiding", "theme": "digitalisering", "cost": "3.000"},
    {"date": "2026-11-20", "service": "advies", "theme": "cybersecurity", "cost": "10.000"},
    {"date": "2026-12-15", "service": "opleiding", "theme": "energie-efficientie", "cost": "2.000"},
]}


def ics(request, address=ADDRESS):
    return calendar(request, address, today=TODAY, stamp=STAMP)


def events(text):
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def day_of(event):
    return event.decoded("DTSTART")


def plain(text) -> str:
    """Text as read aloud: a no-break space (amounts, dates) as a space."""
    return str(text).replace("\xa0", " ")


def by_summary(found) -> dict:
    return {str(e["SUMMARY"]): e for e in found}


def dated(response) -> list[date]:
    """Every date the result shows in "Wat moet je nu doen" (a plan's per service), in order."""
    rows = response.get("services", [response])
    return [date.fromisoformat(s["date"]) for row in rows for s in row["answer"]["next"] if s["date"]]


def test_a_single_request_gives_the_own_share_and_finish_dates_as_all_day_events():
    found = by_summary(events(ics(SINGLE)))
    assert day_of(found["kmo-portefeuille: eigen bijdrage storten voor cybersecurityadvies"]) == date(2026, 4, 1)
    assert day_of(found["kmo-portefeuille: cybersecurityadvies afronden en opdracht tot betaling geven"]) == \
        date(2027, 12, 31)
    for event in found.values():
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTEND") == day_of(event) + timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["UID"]).endswith("@ecx.be")


@pytest.mark.parametrize("request_", [SINGLE, PLAN], ids=["single", "plan"])
def test_one_event_for_every_date_the_answer_shows(request_):
    response = evaluate(request_, today=TODAY)
    assert [day_of(e) for e in events(calendar_text(response, ADDRESS, stamp=STAMP))] == dated(response)


def test_the_description_has_the_amounts_the_undated_step_and_the_address():
    response = evaluate(SINGLE, today=TODAY)
    # A step without a date of its own (the application term counts from the start of the service):
    # a line in every event's description, not an event.
    apply = {"date": None, "date_display": None, "code": "aanvraag",
             "message": "Dien je aanvraag online in, uiterlijk 14 kalenderdagen na de start van de dienst."}
    response["answer"]["next"] = [apply] + [step for step in response["answer"]["next"] if step["date"]
                                             and step.get("code") != "aanvraag"]
    found = events(calendar_text(response, ADDRESS, stamp=STAMP))
    assert [day_of(e) for e in found] == [date(2026, 4, 1), date(2027, 12, 31)]
    for event in found:
        text = plain(event["DESCRIPTION"])
        assert "Steun uit de kmo-portefeuille: € 4.500" in text
        assert "Je eigen deel, zonder btw: € 5.500" in text
        assert apply["message"] in text.split("\n")
        assert f"Je simulatie: {ADDRESS}" in text
        assert str(event["URL"]) == ADDRESS


def test_alarms_a_week_before_and_for_the_own_share_also_a_day_before():
    found = by_summary(events(ics(SINGLE)))
    own_share = found["kmo-portefeuille: eigen bijdrage storten voor cybersecurityadvies"]
    finish = found["kmo-portefeuille: cybersecurityadvies afronden en opdracht tot betaling geven"]
    def triggers(event):
        return sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))

    assert triggers(own_share) == [timedelta(days=-7), timedelta(days=-1)]
    assert triggers(finish) == [timedelta(days=-7)]
    assert {str(a["ACTION"]) for e in (own_share, finish) for a in e.walk("VALARM")} == {"DISPLAY"}


def test_a_plan_across_two_years_gives_every_service_its_own_dates():
    found = events(ics(PLAN))
    assert {(str(e["SUMMARY"]), day_of(e)) for e in found} >= {
        ("kmo-portefeuille: eigen bijdrage storten voor digitaliseringsopleiding", date(2027, 2, 9)),
        ("kmo-portefeuille: digitaliseringsopleiding afronden en opdracht tot betaling geven", date(2028, 12, 31)),
        ("kmo-portefeuille: eigen bijdrage storten voor cybersecurityadvies", date(2026, 12, 20)),
        ("kmo-portefeuille: cybersecurityadvies afronden en opdracht tot betaling geven", date(2027, 12, 31)),
        ("kmo-portefeuille: eigen bijdrage storten voor energie-efficiëntieopleiding", date(2027, 1, 14)),
        ("kmo-portefeuille: energie-efficiëntieopleiding afronden en opdracht tot betaling geven",
         date(2027, 12, 31)),
    }
    assert {day.year for day in map(day_of, found)} == {2026, 2027, 2028}
    assert "Dienst 3 van je plan, aanvraagdatum 15 december 2026." in plain(found[-1]["DESCRIPTION"])


def test_uids_are_stable_across_calls_and_differ_per_service_and_step():
    first = [str(e["UID"]) for e in events(ics(PLAN))]
    again = [str(e["UID"]) for e in events(calendar(PLAN, "", today=TODAY, stamp=STAMP + timedelta(days=3)))]
    assert first == again
    assert len(set(first)) == len(first) == len(dated(evaluate(PLAN, today=TODAY)))
    # The first service alone, as a single request, is the same service: importing it updates.
    alone = [str(e["UID"]) for e in events(ics({"company": {"size": "klein"}, **PLAN["services"][0]}))]
    assert alone == first[:len(alone)]


def test_an_answer_without_a_dated_step_gives_no_calendar():
    assert ics({**SINGLE, "cost": "100"}) is None  # under the minimum: no support, no date
    assert ics({**SINGLE, "cost": ""}) is None  # not complete yet
    assert calendar_text({"ok": True, "answer": {"next": []}}, ADDRESS) is None


def test_a_reached_cap_gives_the_date_of_the_new_one():
    (event,) = events(ics({**SINGLE, "received": "7.500"}))
    assert (str(event["SUMMARY"]), day_of(event)) == ("kmo-portefeuille: je nieuwe jaarplafond begint",
                                                      date(2027, 1, 1))
    assert "Steun uit" not in str(event["DESCRIPTION"])  # no amounts of a service that gets nothing


def test_lines_end_in_crlf_and_are_folded_at_75_octets():
    text = ics(PLAN, address=ADDRESS + "&note=" + "é" * 80)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode()) for line in lines) <= LINE_OCTETS
    assert any(line.startswith(" ") for line in lines)
    # Unfolded, the long Dutch text is whole again.
    assert "é" * 80 in str(events(text)[0]["DESCRIPTION"])


@pytest.mark.parametrize("offset", range(4))
def test_folding_never_splits_a_utf8_character(offset):
    line = "DESCRIPTION:" + "x" * offset + "Energie-efficiëntie, één opleiding; " * 6
    folded = fold(line)
    for part in folded.split("\r\n"):
        part.encode().decode("utf-8")  # raises when a character was cut
        assert len(part.encode()) <= LINE_OCTETS
    assert folded.replace("\r\n ", "") == line


def test_commas_semicolons_backslashes_and_newlines_are_escaped():
    address = "http://127.0.0.1/rekenhulp/?a=1;b=2,3\\4"
    text = ics(SINGLE, address=address)
    unfolded = plain(text.replace("\r\n ", ""))
    assert "Je simulatie: http://127.0.0.1/rekenhulp/?a=1\\;b=2\\,3\\\\4" in unfolded
    assert "1 april 2026\\, volgens" in unfolded
    assert all(f"Je simulatie: {address}" in str(e["DESCRIPTION"]).split("\n") for e in events(text))


def test_a_line_break_in_the_address_cannot_break_the_file():
    for event in events(ics(SINGLE, address="http://127.0.0.1/?a=1\r\nX-EVIL:1")):
        assert str(event["URL"]) == "http://127.0.0.1/?a=1X-EVIL:1"
        assert "X-EVIL" not in event


def test_a_theme_of_more_than_one_word_is_named_after_the_service():
    request = {**SINGLE, "date": "2025-06-02", "service": "opleiding", "theme": "financiele-geletterdheid",
               "cost": "2.000"}
    assert "kmo-portefeuille: eigen bijdrage storten voor opleiding over financiële geletterdheid" in \
        by_summary(events(ics(request)))
