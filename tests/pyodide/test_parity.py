"""The rules give the same answers in CPython and in Pyodide (Node, the npm runtime the site ships).

The wheel and the trimmed lock are made by the site's own build hook (site_overrides/hooks/
kmo_assets.py), and Node installs the package from them the way the browser does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "recorded.json"
RUNNER = Path(__file__).with_name("run_cases.mjs")
NODE = shutil.which("node")


def _hook():
    spec = importlib.util.spec_from_file_location("kmo_assets_for_tests", ROOT / "site_overrides" / "hooks" / "kmo_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    if NODE is None:
        pytest.skip("node is not installed: the Pyodide parity test needs Node.js 18+ (npm ci)")
    hook = _hook()
    core = hook.pyodide_dir(ROOT)  # fails with "run npm ci" when Pyodide is missing
    version = json.loads((core / "package.json").read_text(encoding="utf-8"))["version"]
    wheel = hook.build_wheel(ROOT)
    assets = tmp_path_factory.mktemp("pyodide-assets")
    shutil.copy2(wheel, assets / wheel.name)
    name, lock = hook.make_lock(core / "pyodide-lock.json", wheel, version)
    (assets / "pyodide-lock.json").write_text(lock, encoding="utf-8")
    out = assets / "responses.json"
    result = subprocess.run(
        [NODE, str(RUNNER), str(assets), str(CASES), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"node {RUNNER.name} failed (exit {result.returncode}):\n{result.stderr[-5000:]}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["package"] == name == "kmo-portefeuille"
    data["assets"] = assets
    return data


def _cases():
    return json.loads(CASES.read_text(encoding="utf-8"))


def test_runs_inside_pyodide_from_the_wheel(pyodide_run):
    assert pyodide_run["python"].startswith("3."), pyodide_run["python"]
    assert "site-packages" in pyodide_run["origin"], pyodide_run["origin"]
    assert len(pyodide_run["responses"]) == len(_cases()) > 0
    lock = json.loads((pyodide_run["assets"] / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["kmo-portefeuille"]
    wheel = pyodide_run["assets"] / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["kmo_portefeuille"] and entry["depends"] == []
    assert lock["info"]["abi_version"], "Pyodide refuses a lock without the runtime's abi_version"


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["name"])
def test_pyodide_matches_cpython_and_the_recording(pyodide_run, case):
    from kmo_portefeuille import evaluate

    in_pyodide = next(r["response"] for r in pyodide_run["responses"] if r["name"] == case["name"])
    in_cpython = json.loads(json.dumps(evaluate(case["request"])))
    assert in_pyodide == in_cpython, f"{case['name']}: Pyodide and CPython differ"
    assert in_pyodide == case["response"], f"{case['name']}: Pyodide differs from the recorded response"
