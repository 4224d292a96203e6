"""An editor's typical mistakes are caught in Dutch, at the line in the file, before anything is built:
parameters.json that is not JSON (make check-data, make build/serve/test, mkdocs build and serve), a
misspelled marker, an image that is missing or from another site."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kmo_portefeuille.parameters import PACKAGED, ParameterError, load
from site_overrides.kmo_build import images, page_source
from tests.support.project_copy import copy_project
from tests.support.site_build import run_build

ROOT = Path(__file__).resolve().parents[1]
SHOWN = "calculator/kmo_portefeuille/parameters.json"  # as the editor sees it, from the project root
TEXT = Path(PACKAGED).read_text(encoding="utf-8")
ERROR_PAGE = "De gegevens van de site kloppen niet"


def _first(lines: list[str], test) -> int:
    return next(i for i in range(len(lines) - 1) if test(lines[i].rstrip(), lines[i + 1].strip()))


def missing_comma(lines):
    i = _first(lines, lambda line, after: line.endswith('",') and after.startswith('"'))
    lines[i] = lines[i].rstrip()[:-1]
    return i + 1, "ontbreekt er een komma aan het eind van deze regel"


def trailing_comma(lines):
    i = _first(lines, lambda line, after: line.endswith('"') and after.startswith("}"))
    lines[i] = lines[i].rstrip() + ","
    return i + 1, "er staat een komma te veel aan het eind van deze regel"


def unclosed_quote(lines):
    i = _first(lines, lambda line, after: line.endswith('",'))
    lines[i] = lines[i].rstrip()[:-2] + ","
    return i + 1, "er ontbreekt een aanhalingsteken"


def missing_brace(lines):
    last = max(i for i, line in enumerate(lines) if line.strip())
    lines[last] = lines[last].replace("}", "")
    return max(i for i, line in enumerate(lines) if line.strip()) + 1, "ontbreekt er een sluitend haakje"


def _broken(mistake) -> tuple[str, int, str]:
    lines = TEXT.split("\n")
    line, said = mistake(lines)
    return "\n".join(lines), line, said


@pytest.mark.parametrize("mistake", [missing_comma, trailing_comma, unclosed_quote, missing_brace])
def test_invalid_json_is_one_dutch_message_at_the_line_of_the_mistake(tmp_path, monkeypatch, mistake):
    text, line, said = _broken(mistake)
    path = tmp_path / SHOWN
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError) as error:
        load(path)
    assert len(error.value.problems) == 1
    message = str(error.value)
    assert message.startswith(f"{SHOWN} klopt niet:\n- regel {line}, kolom "), message
    assert said in message.lower() and "Uitleg: EDITING.md#geen-geldige-json" in message, message


def _run(command, cwd: Path, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    """A copy of the project whose parameters.json misses a comma (the line where it is missing)."""
    project = copy_project(tmp_path_factory.mktemp("broken"))
    text, line, _ = _broken(missing_comma)
    (project / SHOWN).write_text(text, encoding="utf-8")
    return project, f"{SHOWN} klopt niet:\n- regel {line}, kolom"


def _stopped_with_the_message(result, expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert expected in output and "Traceback" not in output, output[-3000:]


def test_check_data_stops_with_the_message_and_a_clean_exit_code(broken_project):
    project, expected = broken_project
    result = _run([sys.executable, "-m", "site_overrides.kmo_build.check_data"], project)
    assert result.returncode == 1
    _stopped_with_the_message(result, expected)


@pytest.mark.parametrize("target", ["build", "serve"])
def test_make_stops_at_the_data_check(broken_project, target):
    project, expected = broken_project
    result = _run(["make", target, f"ADDR=127.0.0.1:{_free_port()}"], project)
    _stopped_with_the_message(result, expected)
    assert "Building documentation" not in result.stdout + result.stderr


def test_make_build_serve_and_test_run_the_data_check_first():
    for target, first_real_step in (("build", "mkdocs build"), ("serve", "mkdocs serve"), ("test", "node --test")):
        planned = _run(["make", "-n", target], ROOT).stdout
        assert "site_overrides.kmo_build.check_data" in planned, target
        assert planned.index("site_overrides.kmo_build.check_data") < planned.index(first_real_step), target
    assert "mkdocs serve -a 127.0.0.1:8000 --strict" in _run(["make", "-n", "serve", "STRICT=1"], ROOT).stdout


def test_mkdocs_build_itself_stops_with_the_same_message(broken_project, tmp_path):
    project, expected = broken_project
    result = run_build(tmp_path / "site", project)
    _stopped_with_the_message(result, expected)
    assert result.returncode == 1


def test_a_rate_of_250_stops_check_data_and_the_build_naming_the_parameter_and_date(tmp_path):
    data = json.loads(TEXT)
    entries = data["rates"][0]["values"]
    day = f"{int(entries[-1]['from'][:4]) + 1}{entries[-1]['from'][4:]}"
    entries.append({"from": day, "value": {**entries[-1]["value"], "klein": "250"}, "source": entries[-1]["source"]})
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    expected = f"rates, tarief '{data['rates'][0]['name']}', values, item vanaf {day}, value, klein: \"250\" kan niet: een percentage"
    checked = _run([sys.executable, "-m", "site_overrides.kmo_build.check_data"], ROOT, KMO_PARAMETERS=str(path))
    assert checked.returncode == 1
    _stopped_with_the_message(checked, expected)
    _stopped_with_the_message(run_build(tmp_path / "site", env={"KMO_PARAMETERS": str(path)}), expected)


def test_line_numbers_count_the_front_matter():
    source = "---\ntitle: x\n---\n\n# Titel\n\n<!-- kmo-tabl: tarieven -->\n"
    markdown = "# Titel\n\n<!-- kmo-tabl: tarieven -->\n"  # as MkDocs hands it to the hooks
    assert page_source.first_line(source, markdown) == 5
    assert page_source.first_line(markdown, markdown) == 1


@pytest.mark.parametrize("src, said", [
    ("https://example.com/a.png", "komt van een andere site"),
    ("//cdn.example.com/a.png", "komt van een andere site"),
    ("/assets/images/logo.svg", "begint met een /"),
    ("assets/images/bestaatniet.png", "bestaat niet in de site"),
    ("../assets/images/logo.svg", None),
    ("data:image/png;base64,AAAA", None),
])
def test_an_image_must_be_a_file_of_the_site(src, said):
    problem = images.image_problem(src, "advies/", {"assets/images/logo.svg"})
    assert (said in problem) if said else problem is None, problem


def _nav_page_with_front_matter(project: Path) -> str:
    return next(f"docs/{p.name}" for p in sorted((project / "docs").glob("*.md"))
                if p.read_text(encoding="utf-8").startswith("---\n"))


def test_a_misspelled_marker_and_a_bad_image_stop_the_build_at_their_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = _nav_page_with_front_matter(project)
    original = (project / page).read_text(encoding="utf-8")
    lines = original.rstrip("\n").split("\n")
    marker_line = len(lines) + 2
    (project / page).write_text(original.rstrip("\n") + "\n\n<!-- kmo-tabl: tarieven -->\n", encoding="utf-8")
    result = run_build(tmp_path / "site", project)
    _stopped_with_the_message(result, f"{page}, regel {marker_line}: dit lijkt op een kmo-markering")

    added = "\n\n![Schema](assets/images/bestaatniet.png)\n\n<img src=\"https://example.com/logo.png\" alt=\"logo\">\n"
    (project / page).write_text(original.rstrip("\n") + added, encoding="utf-8")
    result = run_build(tmp_path / "site", project)
    _stopped_with_the_message(result, f"{page}, regel {len(lines) + 2}: de afbeelding \"assets/images/bestaatniet.png\"")
    assert f"{page}, regel {len(lines) + 4}: de afbeelding \"https://example.com/logo.png\" komt van een andere site" \
        in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, server: subprocess.Popen, log: Path, limit: float = 240) -> str:
    """The page once it holds text; the test fails if the server stops or the bound is reached."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and server.poll() is None:
        page = _page(url)
        if text in page:
            return page
        time.sleep(0.5)
    pytest.fail(f"{url} never showed {text!r}:\n{log.read_text(encoding='utf-8')[-4000:]}", pytrace=False)


def test_serve_shows_the_error_on_every_page_and_recovers_when_the_file_is_fixed(tmp_path):
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{_free_port()}"
    log = tmp_path / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KMO_SITE_URL": f"http://{address}/"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", address]
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT)
    try:
        home, other = f"http://{address}/", f"http://{address}/rekenhulp/"
        _wait_for(home, "</html>", server, log)
        assert ERROR_PAGE not in _page(home)

        text, line, _ = _broken(missing_comma)
        (project / SHOWN).write_text(text, encoding="utf-8")
        for url in (home, other):
            page = _wait_for(url, ERROR_PAGE, server, log)
            assert f"{SHOWN} klopt niet:\n- regel {line}, kolom" in page

        (project / SHOWN).write_text(TEXT, encoding="utf-8")
        for url in (home, other):
            _wait_for(url, 'class="md-content"', server, log)
        assert ERROR_PAGE not in _page(other)
    finally:
        server.terminate()
        server.wait(timeout=30)
    said = log.read_text(encoding="utf-8")
    assert said.count("Building documentation") >= 3 and "Traceback" not in said, said[-4000:]
    assert said.count("nog leeg in mkdocs.yml") == 1, "the company details are said once per serve process"
