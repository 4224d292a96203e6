"""Every page can be seen to its source: a "Bewerk deze pagina" button to the file on GitHub and
the date of its last change. A copy without git, or without repo_url, still builds strictly and
says once what it leaves out."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.support.site_build import ROOT, build_site, run_build

DATE = r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}"
UPDATED = re.compile(rf'Laatst bijgewerkt: <span class="git-revision-date-localized-plugin[^"]*"[^>]*>{DATE}</span>')
NOT_BUILD_FILES = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".cache", "__pycache__", "*.pyc")


def _config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml_load(handle)


def _sources(nav) -> list[str]:
    """Every Markdown file in the menu (nested sections included)."""
    items = nav.values() if isinstance(nav, dict) else nav
    found = []
    for item in items:
        if isinstance(item, str):
            found += [item] if item.endswith(".md") else []
        else:
            found += _sources(item)
    return found


def _pages(site) -> dict:
    """{source file: built page} for every page in the menu."""
    built = {}
    for source in _sources(_config()["nav"]):
        stem = source.removesuffix(".md")
        page = site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")
        built[source] = page.read_text(encoding="utf-8")
    assert built, "the menu lists no pages"
    return built


def _edit_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" title="Bewerk deze pagina"[^>]*rel="edit"', html)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("published") / "site")


def test_every_page_links_to_its_file_on_github_and_shows_its_last_change(site):
    config = _config()
    assert config["repo_url"] and config["edit_uri"]
    for source, html in _pages(site).items():
        assert _edit_links(html) == [f"{config['repo_url'].rstrip('/')}/{config['edit_uri']}{source}"], source
        assert len(UPDATED.findall(html)) == 1, f"{source}: no 'Laatst bijgewerkt' date"
        assert "geüpdatet" not in html, source
        # The header shows no repository widget: it would fetch from GitHub's API on every visit.
        assert 'data-md-component="source"' not in html, source


def test_a_copy_without_git_or_repo_url_builds_strictly_and_warns_once_for_each(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=NOT_BUILD_FILES)
    os.symlink(ROOT / "node_modules", project / "node_modules", target_is_directory=True)
    mkdocs_yml = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^repo_url: .*$", 'repo_url: ""', mkdocs_yml.read_text(encoding="utf-8"))
    assert count == 1
    mkdocs_yml.write_text(text, encoding="utf-8")

    result = run_build(tmp_path / "site", project=project, env={"KMO_PARAMETERS": None, "GITHUB_ACTIONS": None})
    assert result.returncode == 0, result.stderr[-4000:]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len([w for w in warnings if "repo_url" in w]) == 1, warnings
    assert len([w for w in warnings if "git" in w.lower()]) == 1, warnings
    for source, html in _pages(tmp_path / "site").items():
        assert not _edit_links(html), source
        assert len(UPDATED.findall(html)) == 1, f"{source}: no build date as 'Laatst bijgewerkt'"
