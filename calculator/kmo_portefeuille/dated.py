"""The typed pieces of the parameter file: a dated entry, a theme, a rate scheme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One value of a parameter, in force from ``start`` until the next entry starts."""

    start: date
    value: Any
    source: str
    also: tuple[str, ...] = ()
    change: str | None = None
    note: str | None = None
    choice: str | None = None  # what we chose where the sources disagree or are silent
    choice_dates: tuple[tuple[date, date], ...] = ()  # (first, last) days on which that choice decides

    def choice_decides(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.choice_dates)

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source, *self.also)


@dataclass(frozen=True)
class Theme:
    value: str
    label: str
    parent: str | None


@dataclass(frozen=True)
class Scheme:
    """A rate: for which services and themes (None: any theme), with its dated percentages."""

    name: str
    label: str
    services: tuple[str, ...]
    themes: tuple[str, ...] | None
    entries: tuple[Entry, ...]


def entry_at(entries: tuple[Entry, ...], on: date) -> Entry | None:
    """The entry in force on ``on`` (entries are sorted by start)."""
    current = None
    for entry in entries:
        if entry.start > on:
            break
        current = entry
    return current
