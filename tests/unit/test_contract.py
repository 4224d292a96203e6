import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from kmo_portefeuille import evaluate, tables
from kmo_portefeuille.parameters import Parameters, load

from .conftest import TODAY, small

ROOT = Path(__file__).resolve().parents[2]
FIXED = ("ok", "errors", "size", "eligible", "rate_percent", "support", "own_share", "cap_remaining", "reasons")


def test_response_has_the_fixed_keys_and_is_json():
    response = evaluate(small(), today=TODAY)
    assert all(key in response for key in FIXED)
    assert json.loads(json.dumps(response)) == response


def test_a_future_dated_entry_changes_the_rate_and_nothing_else_is_needed():
    data = copy.deepcopy(load().data)
    standard = next(s for s in data["rates"] if s["name"] == "standaard")
    standard["values"].append({"from": "2027-01-01", "value": {"klein": "25", "middelgroot": "15"}, "source": "vlaio-2026"})
    future = Parameters(data)
    request = {"date": "2027-01-01", "service": "opleiding", "theme": "innovatie", "cost": 1000, "company": {"size": "klein"}}
    assert evaluate(request, parameters=future, today=TODAY)["rate_percent"] == "25"
    assert evaluate({**request, "date": "2026-12-31"}, parameters=future, today=TODAY)["rate_percent"] == "30"
    assert ["vanaf 1\u00a0januari\u00a02027, aangekondigd", "Standaardtarief (opleiding en advies)", "25%", "15%"] == \
        tables.table("tarieven", future, TODAY)["rows"][-1][:4]
    assert ["1\u00a0januari\u00a02027", "Standaardtarief (opleiding en advies)", "25%", "15%"] == \
        tables.table("tarieven", future, date(2027, 1, 1))["rows"][-1][:4]


def test_alternative_parameter_file_through_the_environment(tmp_path, monkeypatch):
    data = copy.deepcopy(load().data)
    data["annual_cap"].append({"from": "2027-01-01", "value": {"klein": "5000", "middelgroot": "5000"}, "source": "vlaio-2026"})
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("KMO_PARAMETERS", str(path))
    assert evaluate({**small(), "date": "2027-02-01"}, today=TODAY)["cap"] == "5000.00"


def run_cli(payload: str):
    return subprocess.run([sys.executable, "-m", "kmo_portefeuille"], input=payload, capture_output=True, text=True,
                          cwd=ROOT / "calculator", timeout=60)


def test_cli_reads_json_on_stdin_and_prints_json():
    done = run_cli(json.dumps(small()))
    assert done.returncode == 0
    assert json.loads(done.stdout)["support"] == "4500.00"


def test_cli_reports_bad_json_in_dutch():
    done = run_cli("{niet json")
    assert done.returncode == 2 and "Geen geldige JSON" in json.loads(done.stdout)["errors"][0]["message"]


def test_every_rate_in_the_data_names_a_known_source_with_a_url():
    params = load()
    ids = set(params.sources)
    for scheme in params.data["rates"]:
        assert all(entry["source"] in ids for entry in scheme["values"])
    for name, entries in params.data.items():
        if isinstance(entries, list) and name != "rates":
            for entry in entries:
                assert entry["source"] in ids, name
                assert date.fromisoformat(entry["from"])
    assert all(source["url"].startswith("https://") for source in params.sources.values())


def test_tables_list_every_rate_and_cap():
    rates = tables.table("tarieven")
    assert ["40%", "30%"] == rates["rows"][0][2:4]
    assert any("45%" in row for row in rates["rows"])
    assert [row[1] for row in tables.table("plafonds")["rows"]] == ["€\u00a010.000", "€\u00a07.500"]
    assert any("1\u00a0februari\u00a02026" == row[0] for row in tables.table("tijdlijn")["rows"])


def test_display_strings_are_formatted_for_the_page():
    response = evaluate({**small(), "date": "2026-05-04", "received": "1.234,5"}, today=TODAY)
    assert response["display"] == {
        "date": "4\u00a0mei\u00a02026",
        "cost": "€\u00a010.000",
        "received": "€\u00a01.234,50",
        "support": "€\u00a04.500",
        "own_share": "€\u00a05.500",
        "cap": "€\u00a07.500",
        "cap_remaining": "€\u00a01.765,50",
        "rate": "45%",
        "rate_line": "45%",
        "size": "Klein (of micro)",
    }
    finish = next(d for d in response["deadlines"] if d["code"] == "afronding")
    assert (finish["date"], finish["date_display"]) == ("2027-12-31", "31\u00a0december\u00a02027")
    assert all(d["date_display"] is None for d in response["deadlines"] if d["code"] != "afronding")


def test_a_refused_service_shows_zero_support_and_rate():
    response = evaluate({**small(), "theme": "innovatie"}, today=TODAY)
    assert response["eligible"] is False
    assert (response["display"]["support"], response["display"]["rate"]) == ("€\u00a00", "0%")


def test_reasons_carry_the_group_the_page_shows_them_under():
    groups = {r["code"]: r["group"] for r in evaluate(small(), today=TODAY)["reasons"]}
    assert groups["grootte_opgegeven"] == "grootte"
    assert groups["tarief"] == groups["plafond"] == "steun"
    assert groups["termijn_afronding"] == "termijn"
    refused = evaluate({**small(), "theme": "innovatie", "checklist": {"flanders": "nee"},
                        "company": {"fte": 5, "turnover": 1, "balance_sheet_total": 1, "public_share": 30}}, today=TODAY)
    blocking = {r["code"]: r["group"] for r in refused["reasons"] if r["blocking"]}
    assert blocking == {"overheidsbelang": "voorwaarde", "vestiging": "voorwaarde", "thema_niet_toegelaten": "voorwaarde"}
