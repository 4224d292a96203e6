"""The rules give the same answers in CPython and in Pyodide (Node, the npm runtime the site ships).

The requests of the recorded cases, the year plans of tests/cases/plans.json and generated requests (plans too).
The wheel and the trimmed lock are made by the site's own build code (site_overrides/kmo_build/
wheel.py and pyodide_core.py), and Node installs the package from them the way the browser does.
The memory snapshot the browser restores (site_overrides/kmo_build/snapshot.py) is run the same way, and
so is the normal start with the standard library trimmed to what the rules import (kmo_build/stdlib.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from site_overrides.kmo_build.pyodide_core import make_lock, pyodide_dir
from site_overrides.kmo_build.snapshot import make_snapshot
from site_overrides.kmo_build.stdlib import trimmed_stdlib
from site_overrides.kmo_build.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "recorded.json"
PLANS = ROOT / "tests" / "cases" / "plans.json"  # year plans (issue 14), compared with CPython
GENERATED = 1500  # generated requests per run, arbitrary JSON included
RUNNER = Path(__file__).with_name("run_cases.mjs")
NODE = shutil.which("node")


@functools.cache
def generated_requests(count: int) -> list:
    """Requests from the property tests' strategies, made once per session."""
    from hypothesis import HealthCheck, given, settings

    from tests.unit.strategies import any_requests, valid_plans, valid_requests

    found: list = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
    @given(any_requests | valid_requests | valid_plans)
    def collect(request):
        with contextlib.suppress(ValueError):  # NaN and infinity are not JSON
            found.append(json.loads(json.dumps(request, allow_nan=False)))

    collect()
    return found


def as_javascript_sends_it(value):
    """The value after a trip through JavaScript's JSON, which writes integral numbers below 1e21
    without a fraction (2.9e16 arrives in Python as the int 29000000000000000)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    if isinstance(value, list):
        return [as_javascript_sends_it(item) for item in value]
    if isinstance(value, dict):
        return {key: as_javascript_sends_it(item) for key, item in value.items()}
    return value


@pytest.fixture(scope="module", params=["wheel", "snapshot", "trimmed"])
def pyodide_run(request, tmp_path_factory):
    if NODE is None:
        pytest.skip("node is not installed: the Pyodide parity test needs Node.js 18+ (npm ci)")
    core = pyodide_dir(ROOT)  # fails with "run npm ci" when Pyodide is missing
    version = json.loads((core / "package.json").read_text(encoding="utf-8"))["version"]
    wheel = build_wheel(ROOT)
    assets = tmp_path_factory.mktemp("pyodide-assets")
    shutil.copy2(wheel, assets / wheel.name)
    name, lock = make_lock(core / "pyodide-lock.json", wheel, version)
    (assets / "pyodide-lock.json").write_text(lock, encoding="utf-8")
    out = assets / "responses.json"
    cases = assets / "cases.json"
    generated = [{"name": f"generated-{i}", "request": r} for i, r in enumerate(generated_requests(GENERATED))]
    cases.write_text(json.dumps(_cases() + _plans() + generated), encoding="utf-8")
    command = [NODE, str(RUNNER), str(assets), str(cases), str(out)]
    if request.param != "wheel":
        snapshot = make_snapshot(ROOT, wheel)
        trimmed = trimmed_stdlib(core / "python_stdlib.zip", snapshot)
        command.append(str(snapshot if request.param == "snapshot" else trimmed))
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"node {RUNNER.name} failed (exit {result.returncode}):\n{result.stderr[-5000:]}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["package"] == name == "kmo-portefeuille"
    data["assets"] = assets
    data["start"] = request.param
    return data


def _cases():
    return json.loads(CASES.read_text(encoding="utf-8"))


def _plans():
    return json.loads(PLANS.read_text(encoding="utf-8"))


def test_runs_inside_pyodide_from_the_wheel(pyodide_run):
    assert pyodide_run["python"].startswith("3."), pyodide_run["python"]
    # loadPackage installs into site-packages; the worker (and so the snapshot) unpacks the wheel
    # into the working directory, which is on sys.path.
    where = "/site-packages/" if pyodide_run["start"] == "wheel" else "/home/pyodide/"
    origin = pyodide_run["origin"]
    assert where in origin and origin.endswith("/kmo_portefeuille/__init__.py"), origin
    assert len(pyodide_run["responses"]) > len(_cases()) > 0
    lock = json.loads((pyodide_run["assets"] / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["kmo-portefeuille"]
    wheel = pyodide_run["assets"] / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["kmo_portefeuille"] and entry["depends"] == []
    assert lock["info"]["abi_version"], "Pyodide refuses a lock without the runtime's abi_version"


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["name"])
def test_pyodide_matches_cpython_on_the_recorded_requests(pyodide_run, case):
    """Both on the data the wheel carries (the live file); the recorded responses themselves are
    checked on the fixed test data in tests/unit/test_recorded.py, so an announced change does not
    count as a difference here."""
    from kmo_portefeuille import evaluate

    in_pyodide = next(r["response"] for r in pyodide_run["responses"] if r["name"] == case["name"])
    in_cpython = json.loads(json.dumps(evaluate(case["request"])))
    assert in_pyodide == in_cpython, f"{case['name']}: Pyodide and CPython differ"


@pytest.mark.parametrize("case", _plans(), ids=lambda case: case["name"])
def test_plans_match_cpython(pyodide_run, case):
    from kmo_portefeuille import evaluate

    in_pyodide = next(r["response"] for r in pyodide_run["responses"] if r["name"] == case["name"])
    assert not in_pyodide.get("internal_error"), case["name"]
    assert in_pyodide == json.loads(json.dumps(evaluate(case["request"]))), f"{case['name']}: Pyodide and CPython differ"


def test_generated_requests_match_cpython(pyodide_run):
    """Arbitrary requests: the same answer as CPython, and never the internal-error guard (in the
    snapshot a module that was not imported before the snapshot would end there)."""
    from kmo_portefeuille import evaluate

    generated = [r for r in pyodide_run["responses"] if r["name"].startswith("generated-")]
    requests = generated_requests(GENERATED)
    assert len(generated) == len(requests) > GENERATED // 2
    differ = []
    for request, answer in zip(requests, generated):
        in_cpython = json.loads(json.dumps(evaluate(as_javascript_sends_it(request))))
        assert not answer["response"].get("internal_error"), f"{answer['name']}: {request!r}"
        if answer["response"] != in_cpython:
            differ.append(f"{answer['name']}: {request!r}")
    assert not differ, f"{len(differ)} requests differ, e.g.:\n" + "\n".join(differ[:5])
