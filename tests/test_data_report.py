"""`make data-report`: a reviewer sees at a glance which typical cases get other support after a
change to parameters.json. On fixed test data (tests/data/), never on the live file."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from maintenance.data_report.__main__ import main

FIXED = Path(__file__).resolve().parent / "data" / "data_report_parameters.json"
TODAY = date(2026, 11, 27)
ANNOUNCED = "2027-03-01"


def _files(tmp_path: Path, change) -> tuple[Path, Path]:
    before = shutil.copy(FIXED, tmp_path / "before.json")
    data = json.loads(FIXED.read_text(encoding="utf-8"))
    change(data)
    after = tmp_path / "after.json"
    after.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return Path(before), after


def _report(capsys, before: Path, after: Path) -> str:
    assert main(["--before", str(before), "--after", str(after), "--today", TODAY.isoformat()]) == 0
    return capsys.readouterr().out


def _announce_cybersecurity(rates: dict):
    def change(data):
        scheme = next(s for s in data["rates"] if s["name"] == "cybersecurity")
        scheme["values"].append({"from": ANNOUNCED, "value": rates, "source": scheme["values"][-1]["source"]})
    return change


def test_an_announced_rate_shows_before_and_after_on_its_date_only(tmp_path, capsys):
    report = _report(capsys, *_files(tmp_path, _announce_cybersecurity({"klein": "60", "middelgroot": "35"})))
    rows = [line for line in report.splitlines() if line.startswith("| ") and not line.startswith(("| Geval", "| ---"))]
    assert rows == [
        "| klein, opleiding cybersecurity, 1\u00a0maart\u00a02027 | 45% · €\u00a04.500 | 60% · €\u00a06.000 |",
        "| klein, advies cybersecurity, 1\u00a0maart\u00a02027 | 45% · €\u00a04.500 | 60% · €\u00a06.000 |",
    ], report
    # Each size, service and theme, today and on the announced date: 2 x 2 x 2 x 2.
    assert "2 van de 16 gevallen veranderen" in report


def test_nothing_changed_says_so_in_one_line(tmp_path, capsys):
    report = _report(capsys, *_files(tmp_path, lambda data: None))
    assert "Geen wijziging" in report and "|" not in report


def test_a_change_of_today_counts_the_cap(tmp_path, capsys):
    def lower_cap(data):
        data["annual_cap"].append({"from": TODAY.isoformat(), "value": {"klein": "3000", "middelgroot": "7500"},
                                   "source": data["annual_cap"][-1]["source"]})

    report = _report(capsys, *_files(tmp_path, lower_cap))
    assert "| klein, advies cybersecurity, vandaag | 45% · €\u00a04.500 | 45% · €\u00a03.000 |" in report, report
    assert "middelgroot" not in report


def test_an_unreadable_file_is_named(tmp_path, capsys):
    before, after = _files(tmp_path, lambda data: None)
    after.write_text('{"rates": [}', encoding="utf-8")
    assert main(["--before", str(before), "--after", str(after)]) == 2
    assert str(after) in capsys.readouterr().err


def test_the_base_is_read_from_git(capsys):
    """`make data-report BASE=…`: the file as committed in that revision (here HEAD, against itself)."""
    committed = "HEAD:calculator/kmo_portefeuille/parameters.json"
    assert main(["--base", "HEAD", "--after", str(FIXED), "--today", TODAY.isoformat()]) == 0
    assert "## Wijzigingen in de steun" in capsys.readouterr().out
    assert main(["--base", "no-such-revision"]) == 2
    assert committed.replace("HEAD", "no-such-revision") in capsys.readouterr().err
