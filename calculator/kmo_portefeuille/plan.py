"""A year plan: several services of one company, the annual cap shared out in application order.

Each row is read like a single request's service fields and assessed by ``assessment.assess``, the
same code as a single request. Rows are applied by application date, rows on the same date in the
order listed; each calendar year has its own cap; ``received`` counts for the year given as
``received_year`` (default: the earliest row's), other years start from zero. The size is
determined once, on the earliest row's date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import parsing, years
from .assessment import assess, size_of
from .answer import MAX_WHY, amount
from .money import plain, whole_euro
from .parameters import Parameters
from .request import Request, checked, read_applicant, read_service

MAX_ROWS = 20


def is_plan(raw) -> bool:
    """A request with a ``services`` key is a plan, whatever that key holds (a bad one is an error)."""
    return isinstance(raw, dict) and "services" in raw


def evaluate(raw: dict, params: Parameters, today: date) -> dict:
    errors = parsing.Errors()
    rows = _rows(raw.get("services"), errors)
    services = [_read_row(row, index, params, today, errors) for index, row in enumerate(rows)]
    mark = len(errors.warnings)
    applicant = read_applicant(raw, errors)
    if errors:
        return {"ok": False, "errors": list(errors), "warnings": list(errors.warnings)}
    # A row's warnings: its own, then those about the company, as a single request lists them.
    requests = [Request(*service, *applicant, warnings + tuple(errors.warnings[mark:])) for service, warnings in services]
    order = sorted(range(len(requests)), key=lambda index: requests[index].on)  # stable: ties keep listed order
    first = checked(requests[order[0]], params, errors)
    if not isinstance(first, Request):
        return {"ok": False, "errors": list(errors), "warnings": list(errors.warnings)}
    sized = size_of(first, params)
    received_year = years.received_year(first, first.on)

    answers: list[dict] = [{}] * len(requests)
    by_year: dict[int, dict] = {}
    for index in order:
        request = requests[index]
        year = by_year.setdefault(request.on.year, {
            "received": first.received if request.on.year == received_year else Decimal(0),
            "support": Decimal(0),
        })
        answer = assess(request, params, sized, year["received"] + year["support"])
        answer["received_year"], answer["received_counted"] = received_year, request.on.year == received_year
        # The grant is in whole cents (subsidy.support), so its string is the exact amount to carry on.
        year["support"] += Decimal(answer["support"])
        year["cap"] = Decimal(answer["cap"])  # the cap on the year's last date: what the year ends with
        answers[index] = answer

    total_cost = sum((request.cost for request in requests), Decimal(0))
    total_support = sum((year["support"] for year in by_year.values()), Decimal(0))
    total_own_share = total_cost - total_support
    earliest = answers[order[0]]
    summaries = [_year(number, by_year[number]) for number in sorted(by_year)]
    return {
        "ok": True,
        "errors": [],
        "warnings": list(errors.warnings),
        "rows": len(requests),
        "received_year": received_year,
        "received_counted": received_year in by_year,
        "order": order,
        "size": earliest["size"],
        "size_category": earliest["size_category"],
        "size_reasons": [r for r in earliest["reasons"] if r["group"] == "grootte"],
        "eligible": any(answer["eligible"] for answer in answers),
        "services": answers,
        "total_cost": plain(total_cost),
        "total_support": plain(total_support),
        "total_own_share": plain(total_own_share),
        "years": [summary for summary, _ in summaries],
        "display": {"total_cost": whole_euro(total_cost), "total_support": whole_euro(total_support),
                    "total_own_share": whole_euro(total_own_share), "size": earliest["display"]["size"]},
        "answer": {
            "headline": _headline(answers, total_support, total_own_share),
            "why": [line for summary, line in summaries if Decimal(summary["cap"])][:MAX_WHY],  # no cap: no kmo
            "next": [],  # the steps belong to each service: its deadlines follow from its own date
            "assumed": earliest["answer"]["assumed"],
            "assumed_line": earliest["answer"]["assumed_line"],
            "received_line": None,  # a plan counts received in its year; no row is told it did not count
            "new_year": None,  # a plan shows its rows in each year itself
        },
    }


def _rows(raw, errors: parsing.Errors) -> list[dict]:
    """The rows, or [] after an error on ``services``."""
    if not isinstance(raw, list):
        errors.add("services", "Geef de diensten op als een lijst.")
        return []
    if not raw:
        errors.add("services", "Voeg minstens één dienst toe.")
        return []
    if len(raw) > MAX_ROWS:
        errors.add("services", f"Een plan telt hoogstens {MAX_ROWS} diensten; je gaf er {len(raw)} op.")
        return []
    bad = next((index for index, row in enumerate(raw) if not isinstance(row, dict)), None)
    if bad is not None:
        errors.add("services", f"Dienst {bad + 1}: geef datum, dienst, thema en prijs op.")
        return []
    return raw


def _read_row(row: dict, index: int, params: Parameters, today: date, errors: parsing.Errors) -> tuple:
    """(a row's fields, its warnings); its errors and warnings named after the row: ``services[1].cost``,
    "Dienst 2: ..."."""
    own = parsing.Errors()
    service = read_service(row, params, today, own)
    for error in own:
        errors.add(f"services[{index}].{error['field']}", _named(index, error["message"]))
    for warning in own.warnings:
        errors.warnings.add(f"services[{index}].{warning['field']}", _named(index, warning["message"]),
                            warning["suggestion"], warning["read"])
    return service, tuple(w for w in errors.warnings if w["field"].startswith(f"services[{index}]."))


def _named(index: int, message: str) -> str:
    return f"Dienst {index + 1}: {message[:1].lower()}{message[1:]}"


def _year(number: int, year: dict) -> tuple[dict, str]:
    """The year's amounts, and a line for the answer."""
    remaining = max(year["cap"] - year["received"], Decimal(0)) - year["support"]
    money = {"cap": year["cap"], "received": year["received"], "support": year["support"], "remaining": remaining}
    already = f", na de {amount(year['received'])} die je al kreeg" if year["received"] else ""
    line = (f"{number}: {amount(year['support'])} steun van je jaarplafond van {amount(year['cap'])}{already}; "
            f"er blijft {amount(remaining)} over.")
    return {"year": number, **{key: plain(value) for key, value in money.items()},
            "display": {key: whole_euro(value) for key, value in money.items()}}, line


def _headline(answers: list[dict], support: Decimal, own_share: Decimal) -> str:
    if any(answer["eligible"] for answer in answers):
        return f"Je krijgt in totaal {amount(support)} steun; je betaalt zelf {amount(own_share)}, plus btw."
    headlines = {answer["answer"]["headline"] for answer in answers}
    if len(headlines) == 1:  # one reason refuses every service (a large company, say): say it
        return headlines.pop()
    return "Geen steun: geen enkele dienst van je plan komt in aanmerking. Bij elke dienst staat waarom."
