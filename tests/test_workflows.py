"""The GitHub workflows are valid, and the site is only deployed after the tests pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = [WORKFLOWS / "tests.yml", WORKFLOWS / "pages.yml"]


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_workflows_match_the_github_schema():
    """check-jsonschema's vendored GitHub workflow schema: no network needed."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _runs_tests(job: dict) -> bool:
    if str(job.get("uses", "")).endswith("/tests.yml"):
        return True
    return any("make test" in str(step.get("run", "")) for step in job.get("steps", []))


def _needs(jobs: dict, name: str) -> set[str]:
    """Every job that `name` waits for, directly or through other jobs."""
    pending, seen = [name], set()
    while pending:
        needs = jobs[pending.pop()].get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            if need not in seen:
                seen.add(need)
                pending.append(need)
    return seen


def test_tests_run_on_push_and_pull_request():
    workflow = load(WORKFLOWS / "tests.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    uses = " ".join(str(step.get("uses", "")) for step in steps)
    assert "actions/setup-python" in uses and "actions/setup-node" in uses
    assert any(step.get("with", {}).get("python-version") == "3.11" for step in steps)
    assert any(str(step.get("with", {}).get("node-version")) == "20" for step in steps)
    assert any(_runs_tests(job) for job in workflow["jobs"].values())


def test_deploy_needs_the_tests():
    workflow = load(WORKFLOWS / "pages.yml")
    on = workflow["on"]
    assert on["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    deploy = next(name for name, job in jobs.items() if any(
        "actions/deploy-pages" in str(step.get("uses", "")) for step in job.get("steps", [])))
    waits_for = _needs(jobs, deploy)
    assert any(_runs_tests(jobs[name]) for name in waits_for), f"{deploy} does not wait for the tests"
    assert jobs[deploy]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs[deploy]["environment"]["name"] == "github-pages"
    uploads = [name for name in waits_for for step in jobs[name].get("steps", [])
               if "actions/upload-pages-artifact" in str(step.get("uses", ""))]
    assert uploads, "no job before the deployment uploads the site"
    assert any("make build" in str(step.get("run", "")) for step in jobs[uploads[0]]["steps"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_workflow_is_plain_yaml(path):
    assert isinstance(load(path)["jobs"], dict)
