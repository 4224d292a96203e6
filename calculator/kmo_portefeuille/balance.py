"""The balance sheet total is optional: asked for only when the size depends on it.

A sole trader has no balance sheet, and often the staff count and the turnover decide the size
alone. A total that was not given is None; the size then counts it as unlimited (it never helps to
pass a ceiling). If the size comes out the same with every missing total taken as 0, nothing is
asked; otherwise each missing total that can change the size gets a field error saying why.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from . import size as sizing
from .assessment import rated_size, size_of
from .parameters import Parameters

OWN, PREVIOUS = "own", "previous"


def final_size(request, params: Parameters, company: sizing.Company) -> str:
    """The size whose rates apply with these figures: the assessment's own steps (the public share,
    the maatwerkbedrijf rule included)."""
    with_figures = replace(request, company=company)
    return rated_size(with_figures, params, size_of(with_figures, params))[0]


def needed(request, params: Parameters) -> list[tuple[str, str]]:
    """(field, message) for each balance sheet total that was left blank but decides the size."""
    company = request.company
    missing = _missing(company) if company is not None else {}
    if not missing:
        return []
    low = final_size(request, params, _filled(company, set(missing)))
    if low == final_size(request, params, company):
        return []
    # A total matters when, with the other missing ones at 0, leaving it unlimited changes the size.
    deciding = [key for key in missing if final_size(request, params, _filled(company, set(missing) - {key})) != low]
    thresholds = params.value_at("group_thresholds", request.on)
    return [(missing[key], _message(key, company, thresholds)) for key in deciding or missing]


def _missing(company: sizing.Company) -> dict:
    """{slot: field} for every blank balance sheet total; a slot is OWN, PREVIOUS or a holding's index."""
    found = {}
    if company.figures.balance_sheet_total is None:
        found[OWN] = "company.balance_sheet_total"
    if company.previous is not None and company.previous.balance_sheet_total is None:
        found[PREVIOUS] = "company.previous.balance_sheet_total"
    counters = {"partners": 0, "linked": 0}
    for index, holding in enumerate(company.holdings):
        kind = "linked" if holding.linked else "partners"
        if holding.figures.balance_sheet_total is None:
            found[index] = f"company.{kind}.{counters[kind]}.balance_sheet_total"
        counters[kind] += 1
    return found


def _filled(company: sizing.Company, slots: set, value: Decimal = Decimal(0)) -> sizing.Company:
    holdings = tuple(replace(h, figures=h.figures.filled(value)) if i in slots else h
                     for i, h in enumerate(company.holdings))
    return sizing.Company(
        company.figures.filled(value) if OWN in slots else company.figures,
        company.previous.filled(value) if PREVIOUS in slots else company.previous,
        holdings,
    )


def _message(slot, company: sizing.Company, thresholds: dict) -> str:
    if slot == OWN:
        name = "het balanstotaal"
    elif slot == PREVIOUS:
        name = "het balanstotaal van het jaar ervoor"
    else:
        holding = company.holdings[slot]
        kind = "linked" if holding.linked else "partners"
        number = sum(1 for h in company.holdings[:slot] if ("linked" if h.linked else "partners") == kind) + 1
        name = f"het balanstotaal van {'verbonden onderneming' if holding.linked else 'partneronderneming'} {number}"
    # The year that decides: the year before when it was given (the two-year rule keeps its size).
    year = company.previous if slot == PREVIOUS or (slot != OWN and company.previous is not None) else company.figures
    figures, _ = sizing.combined(year, company.holdings, thresholds)
    where = " voor je hele groep" if company.holdings else ""
    when = "" if year is not company.previous else " in dat jaar" if slot == PREVIOUS else " in het jaar ervoor"
    return f"Vul {name} in: met {figures.describe()}{where}{when} hangt je grootte ervan af."
