"""The JSON Schema of parameters.json catches an editor's typo before anything else runs (the live file
is checked against it in test_live_data.py)."""

import copy
import json
import subprocess
import sys

from tests.support.rules import FIXED_FILE, ROOT

SCHEMA = ROOT / "calculator" / "parameters.schema.json"


def check(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), str(path)],
                          capture_output=True, text=True, timeout=120)


def test_a_broken_copy_fails_with_a_message_per_mistake(tmp_path):
    data = json.loads(FIXED_FILE.read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    broken["annual_cap"].append({"from": "2027-13-01", "value": {"klein": "5000", "middelgroot": "5000"},
                                 "source": "vlaio-2026"})
    broken["minimum_cost"].append({"from": "2027-01-01", "value": {"opleiding": "100", "advies": "500"},
                                   "bron": "vlaio-2026"})
    broken["deadlines"][0]["value"]["own_share_within_days"] = "30,5"
    del broken["sources"]["vlaio-2026"]["checked"]
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    done = check(path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any("$.annual_cap[2].from: '2027-13-01' is not a 'date'" in line for line in lines), done.stdout
    assert any("$.minimum_cost[1]: Additional properties are not allowed ('bron' was unexpected)" in line
               for line in lines), done.stdout
    assert any("$.minimum_cost[1]: 'source' is a required property" in line for line in lines), done.stdout
    assert any("own_share_within_days: '30,5' does not match" in line for line in lines), done.stdout
    assert any("$.sources['vlaio-2026']: 'checked' is a required property" in line for line in lines), done.stdout
