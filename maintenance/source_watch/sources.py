"""The sources as parameters.json lists them: id, label and address."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARAMETERS = ROOT / "calculator" / "kmo_portefeuille" / "parameters.json"


@dataclass(frozen=True)
class Source:
    id: str
    label: str
    url: str


def read_sources(path: Path = PARAMETERS) -> dict[str, Source]:
    """Read straight from the JSON: the watch needs only the list, not the rules package."""
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)["sources"]
    return {key: Source(key, entry.get("label") or key, entry["url"]) for key, entry in raw.items()}
