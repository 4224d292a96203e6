"""Support for one service: the rate by size, service, theme and date; the minimum cost; the
calendar-year cap. Amounts stay exact Decimals here; the contract rounds once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .parameters import Entry, Parameters, entry_at


@dataclass(frozen=True)
class Rate:
    percent: Decimal
    scheme: dict
    entry: Entry


def rate(params: Parameters, *, service: str, theme: str, size: str, on: date) -> Rate | None:
    """The rate in force: a scheme for the theme beats the general one; else the general one."""
    best = None
    for scheme in params.rate_schemes():
        if service not in scheme["services"]:
            continue
        themes = scheme["themes"]
        if themes is not None and theme not in themes:
            continue
        entry = entry_at(scheme["entries"], on)
        if entry is None or size not in entry.value:
            continue
        specific = themes is not None
        if best is None or specific > best[0]:
            best = (specific, Rate(Decimal(entry.value[size]), scheme, entry))
    return None if best is None else best[1]


def themes_allowed(params: Parameters, *, service: str, on: date) -> tuple[list[str] | None, Entry]:
    """The themes a service must fall within on that date (None: any subject)."""
    entry = params.entry_at("eligible_themes", on)
    return entry.value[service], entry


def theme_qualifies(allowed: list[str] | None, theme: str, parents: dict[str, str | None]) -> bool:
    """A sub-topic qualifies when it or its parent theme is listed."""
    return allowed is None or theme in allowed or parents.get(theme) in allowed


def minimum_cost(params: Parameters, *, service: str, on: date) -> tuple[Decimal, Entry]:
    entry = params.entry_at("minimum_cost", on)
    return Decimal(entry.value[service]), entry


def annual_cap(params: Parameters, *, size: str, on: date) -> tuple[Decimal, Entry]:
    entry = params.entry_at("annual_cap", on)
    return Decimal(entry.value[size]), entry


@dataclass(frozen=True)
class Amounts:
    support: Decimal
    remaining_before: Decimal
    limited_by_cap: bool


def support(*, cost: Decimal, percent: Decimal, cap: Decimal, received: Decimal) -> Amounts:
    """The smaller of rate x cost and what is left of the year's cap; never negative."""
    remaining = max(cap - received, Decimal(0))
    by_rate = cost * percent / 100
    return Amounts(support=min(by_rate, remaining), remaining_before=remaining, limited_by_cap=by_rate > remaining)
