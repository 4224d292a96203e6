"""A year plan: several services of one company, the annual cap shared out in application order.

Each row is read like a single request's service fields and assessed by ``contract.assess``, the
same code as a single request. Rows are applied by application date, rows on the same date in the
order listed; each calendar year has its own cap; ``received`` counts for the calendar year of the
earliest row, later years start from zero. The size is determined once, on the earliest row's date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import contract, parsing  # contract imports this module: use ``contract.x`` at call time only
from .money import euro, plain, whole_euro
from .parameters import Parameters
from .request import Request, read_applicant, read_service

MAX_ROWS = 20


def is_plan(raw) -> bool:
    """A request with a ``services`` key is a plan, whatever that key holds (a bad one is an error)."""
    return isinstance(raw, dict) and "services" in raw


def evaluate(raw: dict, params: Parameters, today: date) -> dict:
    errors = parsing.Errors()
    rows = _rows(raw.get("services"), errors)
    services = [_read_row(row, index, params, today, errors) for index, row in enumerate(rows)]
    applicant = read_applicant(raw, errors)
    if errors:
        return {"ok": False, "errors": list(errors)}
    requests = [Request(*service, *applicant) for service in services]
    order = sorted(range(len(requests)), key=lambda index: requests[index].on)  # stable: ties keep listed order
    first = requests[order[0]]
    sized = contract._size(first, params)

    answers: list[dict] = [{}] * len(requests)
    years: dict[int, dict] = {}
    for index in order:
        request = requests[index]
        year = years.setdefault(request.on.year, {
            "received": first.received if request.on.year == first.on.year else Decimal(0),
            "support": Decimal(0),
        })
        answer = contract.assess(request, params, sized, year["received"] + year["support"])
        # assess grants whole cents, so its strings are the exact amounts to carry on.
        year["support"] += Decimal(answer["support"])
        year["cap"] = Decimal(answer["cap"])  # the cap on the year's last date: what the year ends with
        answers[index] = answer

    total_cost = sum((request.cost for request in requests), Decimal(0))
    total_support = sum((year["support"] for year in years.values()), Decimal(0))
    total_own_share = total_cost - total_support
    earliest = answers[order[0]]
    display = {"total_cost": euro(total_cost), "total_support": euro(total_support),
               "total_own_share": euro(total_own_share)}
    if "size" in earliest["display"]:  # the one size line, where the single response gives it
        display["size"] = earliest["display"]["size"]
    return {
        "ok": True,
        "errors": [],
        "rows": len(requests),
        "order": order,
        "size": earliest["size"],
        "size_category": earliest["size_category"],
        "size_reasons": [r for r in earliest["reasons"] if r["group"] == "grootte"],
        "eligible": any(answer["eligible"] for answer in answers),
        "services": answers,
        "total_cost": plain(total_cost),
        "total_support": plain(total_support),
        "total_own_share": plain(total_own_share),
        "years": [_year(number, years[number]) for number in sorted(years)],
        "display": display,
        "answer": {"headline": _headline(answers, total_support, total_own_share)},
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
    """A row's fields; its errors named after the row: ``services[1].cost``, "Dienst 2: ..."."""
    own = parsing.Errors()
    service = read_service(row, params, today, own)
    for error in own:
        message = error["message"]
        errors.add(f"services[{index}].{error['field']}", f"Dienst {index + 1}: {message[:1].lower()}{message[1:]}")
    return service


def _year(number: int, year: dict) -> dict:
    remaining = max(year["cap"] - year["received"], Decimal(0)) - year["support"]
    money = {"cap": year["cap"], "received": year["received"], "support": year["support"], "remaining": remaining}
    return {"year": number, **{key: plain(amount) for key, amount in money.items()},
            "display": {key: euro(amount) for key, amount in money.items()}}


def _headline(answers: list[dict], support: Decimal, own_share: Decimal) -> str:
    if any(answer["eligible"] for answer in answers):
        return f"Je krijgt in totaal {whole_euro(support)} steun; je betaalt zelf {whole_euro(own_share)}, plus btw."
    deciding = {next((r["message"] for r in answer["reasons"] if r["blocking"]), "") for answer in answers}
    if len(deciding) == 1 and "" not in deciding:  # one reason refuses every service (a large company, say): say it
        return "Geen steun via de kmo-portefeuille. " + deciding.pop()
    return "Geen steun: geen enkele dienst van je plan komt in aanmerking. Bij elke dienst staat waarom."
