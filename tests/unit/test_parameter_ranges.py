"""Plausible but wrong numbers are refused: a percentage above 100, a cap or a minimum amount far out
of range. The JSON Schema holds the bounds (with the reason); the rules' load applies the same ones."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from kmo_portefeuille.parameters import PACKAGED, ParameterError, load

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "calculator" / "parameters.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
LIVE = json.loads(Path(PACKAGED).read_text(encoding="utf-8"))


def _after_the_last(entries: list) -> str:
    """A day one year after the last entry: a new entry there never clashes with the live data."""
    last = max(date.fromisoformat(e["from"]) for e in entries)
    return last.replace(year=last.year + 1).isoformat()


def _with(name: str, key: str, value: str) -> tuple[dict, str]:
    """The live data with one new entry for parameter name (for rates: the first scheme) where key is value."""
    data = copy.deepcopy(LIVE)
    entries = data["rates"][0]["values"] if name == "rates" else data[name]
    day = _after_the_last(entries)
    entries.append({**copy.deepcopy(entries[-1]), "from": day})
    for field in ("change", "note", "choice", "choice_dates"):
        entries[-1].pop(field, None)
    entries[-1]["value"][key] = value
    return data, day


def _load(tmp_path, data) -> None:
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    load(path)


CASES = [  # (parameter, key, value, accepted)
    ("rates", "klein", "250", False),
    ("rates", "middelgroot", "100.5", False),
    ("rates", "klein", "100", True),
    ("rates", "klein", "0", True),
    ("rates", "klein", "12.5", True),
    ("annual_cap", "klein", "150000", False),
    ("annual_cap", "klein", "0", False),
    ("annual_cap", "middelgroot", "100000", True),
    ("minimum_cost", "advies", "50000", False),
    ("minimum_cost", "opleiding", "10000", True),
    ("minimum_cost", "opleiding", "0", True),
    ("group_thresholds", "partner_from_percent", "101", False),
]


@pytest.mark.parametrize("name, key, value, accepted", CASES)
def test_the_schema_and_the_load_agree_on_each_bound(tmp_path, name, key, value, accepted):
    data, day = _with(name, key, value)
    schema_errors = list(VALIDATOR.iter_errors(data))
    assert (not schema_errors) == accepted, [e.message for e in schema_errors]
    if accepted:
        _load(tmp_path, data)
        return
    with pytest.raises(ParameterError) as error:
        _load(tmp_path, data)
    assert len(error.value.problems) == 1, error.value.problems
    problem = error.value.problems[0]
    assert problem.startswith(name) and f"item vanaf {day}" in problem, problem
    assert f"de waarde voor '{key}' is \"{value}\", en dat kan niet" in problem, problem


def test_a_rate_of_250_is_refused_with_the_reason_from_the_schema(tmp_path):
    data, day = _with("rates", "klein", "250")
    with pytest.raises(ParameterError) as error:
        _load(tmp_path, data)
    scheme = LIVE["rates"][0]["name"]
    assert f"rates, tarief '{scheme}', values, item vanaf {day}: de waarde voor 'klein' is \"250\"" in str(error.value)
    assert SCHEMA["$defs"]["percentage"]["description"] in str(error.value)


def test_each_bound_in_the_schema_says_why():
    for kind in ("percentage", "cap", "minimum_amount"):
        described = SCHEMA["$defs"][kind]["description"]
        assert ":" in described and len(described) > 60, f"{kind}: the description gives the range and the reason"
