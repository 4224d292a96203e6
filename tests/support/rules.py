"""The rules under test on fixed data: a frozen copy of parameters.json (tests/data/) and a fixed
"today", so an editor's new dated entry, new source or new `checked` date never changes what the
logic tests see. The live file is checked apart, for structure and past facts (tests/unit/test_live_data.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import ENV_OVERRIDE, PACKAGED, Parameters, load

ROOT = Path(__file__).resolve().parents[2]
FIXED_FILE = ROOT / "tests" / "data" / "parameters.json"
LIVE_FILE = Path(PACKAGED)
# The day the fixed copy was taken: the logic tests' "today", never the clock's.
TODAY = date(2026, 11, 27)

__all__ = ["ENV_OVERRIDE", "FIXED_FILE", "LIVE_FILE", "TODAY", "after_the_data", "fixed", "live", "run", "small"]


def fixed() -> Parameters:
    return load(FIXED_FILE)


def live() -> Parameters:
    return load(LIVE_FILE)


def after_the_data(data: dict) -> date:
    """One year after the latest start date of any entry: a day no entry in the data reaches, so
    entries a test adds there come last, whatever an editor announced."""
    latest = max(date.fromisoformat(start) for start in _starts(data))
    try:
        return latest.replace(year=latest.year + 1)
    except ValueError:  # 29 February
        return latest.replace(year=latest.year + 1, day=28)


def _starts(value):
    if isinstance(value, dict):
        if isinstance(value.get("from"), str):
            yield value["from"]
        for child in value.values():
            yield from _starts(child)
    elif isinstance(value, list):
        for child in value:
            yield from _starts(child)


def run(**request):
    """Evaluate on the fixed data with the fixed 'today'."""
    return evaluate(request, parameters=fixed(), today=TODAY)


def small(**extra):
    """A request for a small company with one cybersecurity advice of EUR 10,000 on 2026-03-02."""
    request = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": 10000,
               "company": {"size": "klein"}}
    request.update(extra)
    return request
