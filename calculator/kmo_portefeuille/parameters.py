"""The dated parameters: loaded once from parameters.json, looked up by application date.

Every parameter is a list of entries ``{"from": "YYYY-MM-DD", "value": ..., "source": id}``; an
entry holds from its date until the next one starts (OpenFisca-style).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

ENV_OVERRIDE = "KMO_PARAMETERS"  # path to another parameters.json (tests, previews of new rules)


@dataclass(frozen=True)
class Entry:
    start: date
    value: Any
    source: str
    change: str | None = None
    note: str | None = None


class Parameters:
    """Read-only view on the parameter file."""

    def __init__(self, data: dict):
        self.data = data
        self.sources: dict[str, dict] = data["sources"]

    def entries(self, name: str) -> list[Entry]:
        return [_entry(raw) for raw in self.data[name]]

    def entry_at(self, name: str, on: date) -> Entry | None:
        return _latest(self.entries(name), on)

    def value_at(self, name: str, on: date) -> Any:
        entry = self.entry_at(name, on)
        return None if entry is None else entry.value

    def rate_schemes(self) -> list[dict]:
        """Rate schemes with their entries parsed: [{"name", "label", "services", "themes", "entries"}]."""
        return [
            {**{k: v for k, v in scheme.items() if k != "values"}, "entries": [_entry(raw) for raw in scheme["values"]]}
            for scheme in self.data["rates"]
        ]

    def source(self, source_id: str) -> dict:
        return self.sources[source_id]

    def first_date(self) -> date:
        return date.fromisoformat(self.data["programme_start"][0]["value"])


def entry_at(entries: list[Entry], on: date) -> Entry | None:
    return _latest(entries, on)


def _latest(entries: list[Entry], on: date) -> Entry | None:
    current = None
    for entry in sorted(entries, key=lambda e: e.start):
        if entry.start <= on:
            current = entry
    return current


def _entry(raw: dict) -> Entry:
    return Entry(
        start=date.fromisoformat(raw["from"]),
        value=raw["value"],
        source=raw["source"],
        change=raw.get("change"),
        note=raw.get("note"),
    )


def load(path: str | os.PathLike | None = None) -> Parameters:
    """The parameters from ``path``, else from $KMO_PARAMETERS, else the packaged file."""
    path = path or os.environ.get(ENV_OVERRIDE)
    if path:
        with open(path, encoding="utf-8") as handle:
            return Parameters(json.load(handle))
    return _packaged()


@lru_cache(maxsize=1)
def _packaged() -> Parameters:
    # A plain file next to the module: importlib.resources would cost more start-up in Pyodide.
    with open(os.path.join(os.path.dirname(__file__), "parameters.json"), encoding="utf-8") as handle:
        return Parameters(json.load(handle))
