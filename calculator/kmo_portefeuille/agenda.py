"""The dated steps of an answer as an iCalendar text (RFC 5545), for the visitor's own calendar.

Every step of ``answer.next`` with a date (a single request's, or every service's of a plan)
becomes one all-day event, so the file holds exactly the dates the result shows; its ``code``
(``"eigen_bijdrage"``, ``"afronding"``, …) gives the summary. A step without a date (apply within
14 days of the start) is a line in the description, never an invented date. The reminder to give
the payment order is part of the finish-by event, as it is part of that step on the screen: the
order follows the end of the service, whose date only the visitor knows, and a second event on the
same day would only repeat the same alarm. The same service and step keep the same UID, so
importing a plan again updates its events instead of adding them twice.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta

from . import catalog
from .contract import evaluate
from .parameters import Parameters, load

# What the event says, per step code ({what}: "cybersecurityadvies"); another dated step says its
# own message.
SUMMARIES = {
    "aanvraag": "kmo-portefeuille: aanvraag indienen voor {what}",
    "eigen_bijdrage": "kmo-portefeuille: eigen bijdrage storten voor {what}",
    "afronding": "kmo-portefeuille: {what} afronden en opdracht tot betaling geven",
    "nieuw_plafond": "kmo-portefeuille: je nieuwe jaarplafond begint",
}
# Alarms, in days before the date: a week, and for the own share, whose term is short, also a day.
ALARM_DAYS = {"eigen_bijdrage": (7, 1)}
ALARM_DEFAULT = (7,)
# A Dutch compound takes a linking s after these endings: "digitaliseringsadvies".
LINKING_S = ("ing", "heid")
LINE_OCTETS = 75
UID_DOMAIN = "ecx.be"
PRODUCT = "-//ECX//kmo-portefeuille rekenhulp//NL"
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no line break may reach the URL property


def calendar(request, address: str, parameters: Parameters | None = None, today: date | None = None,
             stamp: datetime | None = None) -> str | None:
    """The door for the page: evaluate ``request`` (as ``evaluate`` does) and give its calendar, or
    None when the answer has no dated step. ``address`` is the calculator with this simulation."""
    response = evaluate(request, parameters, today)
    return calendar_text(response, address, parameters, stamp) if response.get("ok") else None


def calendar_text(response: dict, address: str, parameters: Parameters | None = None,
                  stamp: datetime | None = None) -> str | None:
    """The iCalendar text of a response of ``evaluate`` (single request or plan), or None when no
    step has a date."""
    params = parameters or load()
    address = CONTROL.sub("", address)
    plan = "services" in response
    rows = response["services"] if plan else [response]
    dtstamp = _utc(stamp or datetime.now(UTC))
    events = []
    for index, row in enumerate(rows):
        steps = (row.get("answer") or {}).get("next") or []
        undated = [step["message"] for step in steps if not step.get("date")]
        for place, step in enumerate(steps):
            if step.get("date"):
                key = step.get("code") or f"stap{place + 1}"
                events += _event(row, index, plan, step, key, undated, address, dtstamp, params)
    if not events:
        return None
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             *events, "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(row: dict, index: int, plan: bool, step: dict, key: str, undated: list[str], address: str,
           dtstamp: str, params: Parameters) -> list[str]:
    day = date.fromisoformat(step["date"])
    summary = SUMMARIES[key].format(what=service_name(row, params)) if key in SUMMARIES \
        else f"kmo-portefeuille: {step['message']}"
    display = row["display"]
    about = f"Dienst {index + 1} van je plan, aanvraagdatum {display['date']}." if plan \
        else f"Aanvraagdatum: {display['date']}."
    amounts = [f"Steun uit de kmo-portefeuille: {display['support']}",
               f"Je eigen deel, zonder btw: {display['own_share']}"] if row.get("eligible") else []
    description = [step["message"], about, *amounts, *undated]
    if address:
        description.append(f"Je simulatie: {address}")
    lines = ["BEGIN:VEVENT", f"UID:{uid(row, index, key)}", f"DTSTAMP:{dtstamp}",
             f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
             f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(chr(10).join(description))}",
             "TRANSP:TRANSPARENT"]
    if address:
        lines.append(f"URL:{address}")
    for days in ALARM_DAYS.get(key, ALARM_DEFAULT):
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:-P{days}D", f"DESCRIPTION:{escape(summary)}",
                  "END:VALARM"]
    return lines + ["END:VEVENT"]


def service_name(row: dict, params: Parameters) -> str:
    """"cybersecurityadvies", "digitaliseringsopleiding"; "opleiding over financiële geletterdheid" where the
    theme's label is more than one word."""
    label = catalog.theme_labels(params, date.fromisoformat(row["date"])).get(row["theme"], row["theme"]).lower()
    if " " in label:
        return f"{row['service']} over {label}"
    return label + ("s" if label.endswith(LINKING_S) else "") + row["service"]


def uid(row: dict, index: int, code: str) -> str:
    """The same for the same service (date, kind, theme, cost, place in the plan) and step."""
    key = "|".join([row["date"], row["service"], row["theme"], row["cost"], str(index), code])
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@{UID_DOMAIN}"


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545, 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def _utc(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment
    return f"{moment:%Y%m%dT%H%M%SZ}"
