"""What the watch last accepted per source, kept in the repository (source-fingerprints.json).

A fingerprint is the sha256 of the page's main text, plus a short hash per line of that text, so
a report can quote the new lines of a changed page without the repository keeping a copy of it.
An entry with sha256 null was never recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .sources import ROOT

STORE = ROOT / "maintenance" / "source-fingerprints.json"
ABOUT = (
    "Fingerprints of the main text of each source page in parameters.json, written by "
    "`make accept-sources` after an editor read the changes (EDITING.md, Bronnen bewaken)."
)
LINE_HASH_LENGTH = 12


@dataclass(frozen=True)
class Fingerprint:
    url: str
    sha256: str | None
    length: int | None = None  # characters of main text
    recorded: date | None = None
    lines: tuple[str, ...] = ()  # short hashes, one per line of main text, in page order

    @property
    def is_recorded(self) -> bool:
        return self.sha256 is not None


def take(url: str, lines: list[str], on: date) -> Fingerprint:
    text = "\n".join(lines)
    return Fingerprint(url, _sha256(text), len(text), on, tuple(line_hash(line) for line in lines))


def line_hash(line: str) -> str:
    return _sha256(line)[:LINE_HASH_LENGTH]


def load(path: Path = STORE) -> dict[str, Fingerprint]:
    if not Path(path).exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)["sources"]
    return {
        key: Fingerprint(
            url=entry["url"],
            sha256=entry.get("sha256"),
            length=entry.get("length"),
            recorded=date.fromisoformat(entry["recorded"]) if entry.get("recorded") else None,
            lines=tuple(entry.get("lines") or ()),
        )
        for key, entry in raw.items()
    }


def save(store: dict[str, Fingerprint], path: Path = STORE) -> None:
    sources = {
        key: {
            "url": fingerprint.url,
            "recorded": fingerprint.recorded.isoformat() if fingerprint.recorded else None,
            "sha256": fingerprint.sha256,
            "length": fingerprint.length,
            "lines": list(fingerprint.lines),
        }
        for key, fingerprint in store.items()
    }
    text = json.dumps({"about": ABOUT, "sources": sources}, indent=2, ensure_ascii=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
