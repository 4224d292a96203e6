"""The GitHub workflows are valid, pinned and clean for zizmor; the site deploys after the tests,
every day, every pull request gets a preview with a summary, and the sources are watched every week."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
DEPENDABOT = GITHUB / "dependabot.yml"
# `owner/repo[/path]@<40 hex> # vX.Y.Z`: a commit cannot be moved the way a tag can.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")
SEVERITIES = ["unknown", "informational", "low", "medium", "high"]


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def action_steps(workflow: dict, action: str) -> list[dict]:
    return [step for step in steps(workflow) if str(step.get("uses", "")).startswith(action + "@")]


def test_expected_workflows():
    assert [path.name for path in FILES] == ["pages.yml", "preview.yml", "source-watch.yml", "tests.yml"]


def _check_schema(schema: str, paths: list[Path]) -> None:
    """check-jsonschema's vendored GitHub schemas: no network needed."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_the_github_schema():
    _check_schema("vendor.github-workflows", FILES)


def test_dependabot_matches_its_schema_with_one_weekly_group_per_ecosystem():
    _check_schema("vendor.dependabot", [DEPENDABOT])
    updates = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))["updates"]
    by_ecosystem = {update["package-ecosystem"]: update for update in updates}
    assert sorted(by_ecosystem) == ["github-actions", "npm", "pip"]
    assert sorted(by_ecosystem["npm"]["directories"]) == ["/", "/bench"]
    for name, update in by_ecosystem.items():
        assert update["schedule"]["interval"] == "weekly", name
        groups = update["groups"]
        assert len(groups) == 1 and next(iter(groups.values()))["patterns"] == ["*"], name


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zizmor"), "--offline", "--format", "json",
         str(WORKFLOWS), str(DEPENDABOT)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    # zizmor exits non-zero when it finds anything; the JSON says what and how bad.
    findings = json.loads(result.stdout or "null")
    assert isinstance(findings, list), result.stderr[-2000:]
    serious = [
        f"{finding['ident']} ({finding['determinations']['severity']}): {finding['desc']}"
        for finding in findings
        if SEVERITIES.index(finding["determinations"]["severity"].lower()) >= SEVERITIES.index("medium")
    ]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    workflow = load(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    for step in steps(workflow):
        uses = step.get("uses")
        if uses is None:
            continue
        assert PINNED.match(uses), f"{path.name}: {uses} is not pinned to a full commit SHA"
        line = next(line for line in lines if uses in line)
        assert VERSION_COMMENT.search(line), f"{path.name}: {uses} has no `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_no_persisted_credentials(path):
    workflow = load(path)
    assert workflow["permissions"] == {}, f"{path.name}: the workflow itself grants nothing"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} does not say what it needs"
    for step in action_steps(workflow, "actions/checkout"):
        assert step["with"]["persist-credentials"] is False, path.name


def test_tests_run_on_branches_and_pull_requests_on_two_pythons_with_node_24():
    workflow = load(WORKFLOWS / "tests.yml")
    on = workflow["on"]
    assert "pull_request" in on and "workflow_call" in on
    # A push to main is tested once, by pages.yml.
    assert on["push"] == {"branches-ignore": ["main"]}
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.14"]
    assert job["permissions"] == {"contents": "read"}
    (python,) = action_steps(workflow, "actions/setup-python")
    assert python["with"]["python-version"] == "${{ matrix.python }}"
    (node,) = action_steps(workflow, "actions/setup-node")
    assert node["with"]["node-version"] == "24"
    assert any("make test" in str(step.get("run", "")) for step in job["steps"])


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


def test_deploy_needs_the_tests_and_runs_daily():
    workflow = load(WORKFLOWS / "pages.yml")
    on = workflow["on"]
    assert on["push"]["branches"] == ["main"]
    (schedule,) = on["schedule"]
    minute, hour, *every_day = schedule["cron"].split()
    assert every_day == ["*", "*", "*"] and hour.isdigit(), schedule
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
    (node,) = action_steps(workflow, "actions/setup-node")
    assert node["with"]["node-version"] == "24"


def test_source_watch_runs_weekly_and_keeps_one_issue():
    workflow = load(WORKFLOWS / "source-watch.yml")
    (schedule,) = workflow["on"]["schedule"]
    *_, weekday = schedule["cron"].split()
    assert weekday.isdigit(), schedule
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    script = "\n".join(str(step.get("run", "")) for step in job["steps"])
    assert "make check-sources" in script and "REPORT=source-report.md" in script
    assert "gh issue list --label bronnen --state open" in script
    assert "gh issue edit" in script and "gh issue create" in script


def _runs(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) for step in job.get("steps", []))


def test_one_commit_per_action_across_the_workflows():
    pins: dict[str, set[str]] = {}
    for path in FILES:
        for step in steps(load(path)):
            if "uses" in step:
                action, commit = step["uses"].split("@")
                pins.setdefault(action, set()).add(commit)
    assert {action: commits for action, commits in pins.items() if len(commits) > 1} == {}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_job_that_builds_the_site_checks_out_the_whole_history(path):
    """The pages' "Laatst bijgewerkt" dates come from git; a shallow clone would give every page
    the date of the last commit (and the plugin's warning fails the strict build)."""
    for name, job in load(path)["jobs"].items():
        if re.search(r"make (build|test)\b", _runs(job)):
            (checkout,) = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
            assert checkout["with"]["fetch-depth"] == 0, f"{path.name}: job {name}"


def test_every_pull_request_gets_a_preview_and_a_summary():
    workflow = load(WORKFLOWS / "preview.yml")
    assert "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}, "a preview needs to read, nothing more"
    script = _runs(job)
    build = script.index("make build")
    (upload,) = action_steps(workflow, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/" and upload.get("id")
    assert job["steps"].index(upload) > next(i for i, s in enumerate(job["steps"]) if "make build" in str(s.get("run")))
    (summary,) = [s for s in job["steps"] if "$GITHUB_STEP_SUMMARY" in str(s.get("run", ""))]
    text = summary["run"]
    # The pages whose text changed against the base, the data report against the base, how to open it.
    assert "maintenance.page_changes" in text and "base-site" in text and "base-site" in script[build:]
    assert "data-report BASE=" in text and summary["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert summary["env"]["ARTIFACT_URL"] == f"${{{{ steps.{upload['id']}.outputs.artifact-url }}}}"
    assert "index.html" in text and "python -m http.server" in text
    # Template values reach the scripts only through env (no injection into the shell).
    assert "${{" not in script
