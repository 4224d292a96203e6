"""Support for one service: the rate by size, service, theme and date; the minimum cost; the
calendar-year cap. Amounts stay exact Decimals here, but for the grant itself, which is paid in whole
cents; the contract rounds the rest once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from .dated import Entry, Scheme, entry_at
from .money import CENT, cents
from .parameters import Parameters


@dataclass(frozen=True)
class Rate:
    percent: Decimal
    scheme: Scheme
    entry: Entry


def rate(params: Parameters, *, service: str, theme: str, size: str, on: date) -> Rate | None:
    """The rate in force: a scheme for the theme beats the general one; else the general one."""
    best = None
    for scheme in params.rate_schemes():
        if service not in scheme.services or (scheme.themes is not None and theme not in scheme.themes):
            continue
        entry = entry_at(scheme.entries, on)
        if entry is None:
            continue
        specific = scheme.themes is not None
        if best is None or specific > best[0]:
            best = (specific, Rate(entry.value[size], scheme, entry))
    return None if best is None else best[1]


def themes_allowed(params: Parameters, *, service: str, on: date) -> tuple[tuple[str, ...] | None, Entry]:
    """The themes a service must fall within on that date (None: any subject); a listed theme that
    no longer exists on that date is left out."""
    entry = params.entry_at("eligible_themes", on)
    listed = entry.value[service]
    if listed is None:
        return None, entry
    existing = {theme.value for theme in params.value_at("themes", on)}
    return tuple(t for t in listed if t in existing), entry


def theme_qualifies(allowed: tuple[str, ...] | None, theme: str, parents: dict[str, str | None]) -> bool:
    """A sub-topic qualifies when it or its parent theme is listed."""
    return allowed is None or theme in allowed or parents.get(theme) in allowed


def minimum_cost(params: Parameters, *, service: str, on: date) -> tuple[Decimal, Entry]:
    entry = params.entry_at("minimum_cost", on)
    return entry.value[service], entry


def annual_cap(params: Parameters, *, size: str, on: date) -> tuple[Decimal, Entry]:
    entry = params.entry_at("annual_cap", on)
    return entry.value[size], entry


@dataclass(frozen=True)
class Amounts:
    support: Decimal
    remaining_before: Decimal
    limited_by_cap: bool


def support(*, cost: Decimal, percent: Decimal, cap: Decimal, received: Decimal) -> Amounts:
    """The smaller of rate x cost and what is left of the year's cap; never negative.

    In whole cents, so that a plan's next service finds exactly what is left; rounded down where the
    cap limits it (a "received" with a fraction of a cent must not lift the grant above the cap)."""
    remaining = max(cap - received, Decimal(0))
    by_rate = cost * percent / 100
    granted = min(cents(by_rate), remaining.quantize(CENT, rounding=ROUND_FLOOR))
    return Amounts(support=granted, remaining_before=remaining, limited_by_cap=by_rate > remaining)
