import json
from pathlib import Path

import pytest

from kmo_portefeuille import evaluate

from tests.support.rules import TODAY

CASES = json.loads((Path(__file__).parents[1] / "cases" / "recorded.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_cpython_gives_the_recorded_response(case):
    assert evaluate(case["request"], today=TODAY) == case["response"], "rules changed: re-record with tests/cases/record.py"
