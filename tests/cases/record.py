"""Re-record the request/response pairs after a deliberate change of the rules: python tests/cases/record.py

The pairs pin the contract on the fixed test data (tests/data/parameters.json): CPython, Pyodide under Node and the browser page must all give these.
A re-recording cannot approve a wrong amount on its own: tests/unit/test_key_cases.py holds
hand-written values for the key cases and fails independently of this file.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parents[1] / "calculator"), str(HERE.parents[1])]

from kmo_portefeuille import evaluate  # noqa: E402
from tests.support.rules import TODAY, fixed  # noqa: E402  (the fixed test data, as test_recorded.py reads them)


def main() -> None:
    cases = json.loads((HERE / "requests.json").read_text(encoding="utf-8"))
    params = fixed()
    recorded = [{"name": c["name"], "request": c["request"], "response": evaluate(c["request"], parameters=params, today=TODAY)}
                for c in cases]
    (HERE / "recorded.json").write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(recorded)} pairs recorded")


if __name__ == "__main__":
    main()
