"""The typical cases the report compares: each size that gets support, each service, each theme,
on today and on each date the data announces (a `from` date after today, in either file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kmo_portefeuille import catalog
from kmo_portefeuille.parameters import Parameters

# A large company gets no support (a maatwerkbedrijf aside, which is no typical case).
SIZES = tuple(size for size in catalog.SIZES if size != "groot")


@dataclass(frozen=True)
class Case:
    size: str
    service: str
    theme: str
    theme_label: str
    on: date


def announced_dates(data, today: date) -> set[date]:
    """Every `from` date after today anywhere in a parameter file as read from JSON."""
    if isinstance(data, dict):
        found = set().union(*(announced_dates(value, today) for value in data.values()))
        start = data.get("from")
        if isinstance(start, str) and date.fromisoformat(start) > today:
            found.add(date.fromisoformat(start))
        return found
    if isinstance(data, list):
        return set().union(*(announced_dates(value, today) for value in data))
    return set()


def typical_cases(before: Parameters, after: Parameters, today: date) -> list[Case]:
    dates = sorted({today} | announced_dates(before.data, today) | announced_dates(after.data, today))
    labels = {theme["value"]: theme["label"] for params in (before, after) for theme in catalog.every_theme(params, today)}
    return [
        Case(size, service, theme, label.lower(), on)
        for on in dates
        for size in SIZES
        for service in catalog.SERVICES
        for theme, label in sorted(labels.items())
    ]
