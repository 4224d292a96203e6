"""The live parameters.json, as an editor keeps it: its structure, and the facts of the past.

The logic is tested on the frozen copy (tests/support/rules.py). Here only what a correct edit
cannot change: the file matches its schema and loads, and on application dates before the copy's
"today" the live data gives the same answers as the copy (an announcement only adds later dates).
A failure here names, in Dutch, what changed, for the editor who made the change.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from kmo_portefeuille import catalog, evaluate
from kmo_portefeuille.money import long_date
from kmo_portefeuille.parameters import ParameterError, Parameters, load
from kmo_portefeuille.validation import SHAPES
from tests.support.rules import FIXED_FILE, LIVE_FILE, ROOT, TODAY, fixed

SCHEMA = ROOT / "calculator" / "parameters.schema.json"
LOOK = "een feit uit het verleden werd herschreven. Laat een ontwikkelaar dit nakijken."
# What a visitor reads in an answer, with the Dutch name for the message.
FACTS = {"ok": "Of de aanvraag geldig is", "eligible": "Of de dienst in aanmerking komt", "size": "De grootte",
         "rate": "Het percentage", "support": "De steun", "cap": "Het jaarplafond"}
FIGURES = {"fte": 45, "turnover": 9_000_000, "balance_sheet_total": 9_000_000}  # close to the size ceilings

NAMES = tuple(SHAPES)  # every dated parameter besides the rates


def every_entry(params: Parameters) -> list:
    return [e for scheme in params.rate_schemes() for e in scheme.entries] + \
        [e for name in NAMES for e in params.entries(name)]


def past_days() -> list[date]:
    """Every day an entry of the copy started before "today", the day before each, and yesterday."""
    starts = {entry.start for entry in every_entry(fixed())}
    days = {d for start in starts for d in (start, start - timedelta(days=1))} | {TODAY - timedelta(days=1)}
    return sorted(d for d in days if fixed().first_date() <= d < TODAY)


def requests_on(day: date) -> list[tuple[str, dict]]:
    """Typical requests on one day: each size, service and theme; and a company sized by its figures."""
    themes = [t["value"] for t in catalog.every_theme(fixed(), day)]
    found = []
    for size, company in (("klein", {"size": "klein"}), ("middelgroot", {"size": "middelgroot"}),
                          ("een bedrijf met 45 VTE", FIGURES)):
        for service in ("opleiding", "advies"):
            for theme in themes:
                request = {"date": day.isoformat(), "service": service, "theme": theme, "cost": 10000, "company": company}
                found.append((f"{size}, {service} {theme}", request))
    return found


def shown(response: dict) -> dict:
    display = response.get("display") or {}
    facts = {"ok": response["ok"], "eligible": response.get("eligible"), "size": display.get("size"),
             "rate": display.get("rate"), "support": display.get("support"), "cap": display.get("cap")}
    return {key: {True: "ja", False: "nee"}.get(value, value) for key, value in facts.items()}


def test_the_live_file_matches_its_schema():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), str(LIVE_FILE)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_live_file_loads_with_its_entries_in_date_order():
    try:
        params = Parameters(load(LIVE_FILE).data)
    except ParameterError as error:
        raise AssertionError(f"parameters.json heeft fouten:\n{error}") from None
    for name in NAMES:
        starts = [e.start for e in params.entries(name)]
        assert starts == sorted(starts), f"{name}: de items staan niet van oud naar nieuw"


def test_every_entry_of_the_live_file_names_a_known_source_with_an_address():
    params = load(LIVE_FILE)
    for entry in every_entry(params):
        assert entry.source in params.sources, f"bron '{entry.source}' (item vanaf {entry.start}) staat niet bij 'sources'"
    for source_id, source in params.sources.items():
        assert source["url"].startswith("https://"), f"bron '{source_id}': het adres begint niet met https://"


def test_the_past_is_as_the_frozen_copy_has_it():
    """An announcement adds a later date; it never changes what held on a day that has passed."""
    assert FIXED_FILE.is_file()
    live = load(LIVE_FILE)
    changed = []
    for day in past_days():
        for name, request in requests_on(day):
            before = shown(evaluate(request, parameters=fixed(), today=TODAY))
            after = shown(evaluate(request, parameters=live, today=TODAY))
            changed += [f"{FACTS[key]} voor {name} op {long_date(day)} is veranderd van {before[key]} naar "
                        f"{after[key]}: {LOOK}" for key in FACTS if before[key] != after[key]]
    if changed:
        more = f"\n… en nog {len(changed) - 20} andere." if len(changed) > 20 else ""
        pytest.fail("\n".join(changed[:20]) + more, pytrace=False)
