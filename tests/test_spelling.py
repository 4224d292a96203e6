"""`make spelling`: a misspelling on a page or in a text of parameters.json that visitors read fails,
naming the file and the line; markup, kmo markers and the data's ids are not text."""

from __future__ import annotations

import os
import shutil
import subprocess

from tests.support.site_build import ROOT

PARAMETERS = "calculator/kmo_portefeuille/parameters.json"


def _copy(tmp_path):
    project = tmp_path / "project"
    for name in ("Makefile", "cspell.config.yaml", "project-words.txt", "package.json", "package-lock.json", PARAMETERS):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)  # the times too: make sees node_modules as up to date
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / ".ci", project / ".ci")
    os.symlink(ROOT / "node_modules", project / "node_modules", target_is_directory=True)
    return project


def _spelling(project) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", "spelling"], cwd=project, capture_output=True, text=True, timeout=300)


def _misspell(path, after: str, word: str) -> int:
    """Put word right after the first `after` in the file; the line it is on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(after) + len(after)
    path.write_text(text[:at] + word + " " + text[at:], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def test_a_misspelled_word_fails_with_its_file_and_line(tmp_path):
    project = _copy(tmp_path)
    page = sorted((project / "docs").glob("*.md"))[0]
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nDit is een voorbeeldd.\n"
    page.write_text(text, encoding="utf-8")
    page_line = text.count("\n")
    data_line = _misspell(project / PARAMETERS, '"note": "', "stoell")

    result = _spelling(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"docs/{page.name}:{page_line}:" in output and "(voorbeeldd)" in output, output
    assert f"{PARAMETERS}:{data_line}:" in output and "(stoell)" in output, output
    assert "EDITING.md" in output


def test_markup_and_data_keys_are_not_text_and_the_copy_passes(tmp_path):
    project = _copy(tmp_path)
    page = project / "docs" / "voorbeeld.md"
    page.write_text('---\nhide:\n  - toc\n---\n\n<div class="ecx-heroo" markdown>\n\n!!! dangerr "Let op"\n\n'
                    "    Tekst.\n\n<!-- kmo-tabel: themass -->\n\n</div>\n", encoding="utf-8")
    data = project / PARAMETERS
    data.write_text(data.read_text(encoding="utf-8").replace('"source": "', '"sourcee": "xqzwv', 1), encoding="utf-8")
    result = _spelling(project)
    assert result.returncode == 0, result.stdout + result.stderr
