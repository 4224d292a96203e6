"""The calendar year of the cap: which support already received counts, and what the same service
would get if it starts in the new year, with a fresh cap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from . import catalog
from .answer import amount
from .assessment import assess, size_of
from .money import NBSP, long_date, plain
from .parameters import Parameters

# How close the new year must be before the answer points to it: a service can move a few weeks,
# rarely months. A choice about what to tell, not a rule of the kmo-portefeuille.
NEW_YEAR_WITHIN_DAYS = 60


def received_year(request, first: date) -> int:
    """The year ``received`` belongs to: as given, else the year of ``first`` (a plan's earliest row)."""
    return request.received_year or first.year


def counted(request) -> Decimal:
    """What a single request subtracts from its cap: ``received`` only in the application's own year."""
    return request.received if received_year(request, request.on) == request.on.year else Decimal(0)


def told(response: dict, request, params: Parameters) -> dict:
    """The response with ``received_year``, ``received_counted``, ``answer.received_line`` and
    ``answer.new_year`` of a single request."""
    year = received_year(request, request.on)
    response["received_year"] = year
    response["received_counted"] = year == request.on.year
    response["answer"]["received_line"] = None if response["received_counted"] or not request.received else (
        f"De {amount(request.received)} die je in {year} kreeg, telt niet mee: je aanvraag valt in "
        f"{request.on.year}, en elk kalenderjaar heeft een eigen plafond.")
    response["answer"]["new_year"] = new_year(response, request, params)
    return response


def new_year(response: dict, request, params: Parameters) -> dict | None:
    """What the same service gets when it starts and is applied for on 1 January, with nothing
    received yet: only when the cap limits this one and that day is near, and only when it is more."""
    start = date(request.on.year + 1, 1, 1)
    capped = response["limited_by_cap"] or any(r["code"] == "plafond_bereikt" for r in response["reasons"])
    if not capped or (start - request.on).days > NEW_YEAR_WITHIN_DAYS:
        return None
    if request.theme not in catalog.theme_labels(params, start):  # the theme no longer exists then
        return None
    later = replace(request, on=start, received=Decimal(0), received_year=None)
    then = assess(later, params, size_of(later, params), Decimal(0))
    support = Decimal(then["support"])
    if not then["eligible"] or support <= Decimal(response["support"]):
        return None
    return {
        "date": start.isoformat(),
        "support": plain(support),
        "display": {"date": long_date(start), "support": amount(support)},
        "line": f"Start je dezelfde dienst in januari{NBSP}{start.year} en vraag je ze dan aan, dan krijg je "
                f"{amount(support)}: een nieuw jaar, een nieuw plafond.",
    }
