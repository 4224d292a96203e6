"""An editor's correct changes pass: on a copy of the project, the changes EDITING.md describes,
made the way it shows them, then the rules tests, the strict build and the page tests, all green.

The changes: a rate change announced one year after the last date in the data, with its new source
(`vlaio-2027`); an existing source marked as checked today; a new page with three questions, added
to the menu; a sentence edited on a page. "Today" is the real day here: it is the editor's date,
and the tests must pass whatever it is. The announced rate also shows that the data reaches both
the page's table and the calculator's wheel, the one source of truth.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kmo_portefeuille.money import long_date
from tests.support.project_copy import copy_project, run_in
from tests.support.rules import after_the_data

pytestmark = pytest.mark.editor_drill

PARAMETERS = Path("calculator") / "kmo_portefeuille" / "parameters.json"
NEW_PAGE = """---
title: Opleiding met de kmo-portefeuille
description: "Wat je moet weten over een opleiding met steun van de kmo-portefeuille: wie ze geeft, wanneer je aanvraagt en hoe je de steun berekent."
---

# Opleiding met de kmo-portefeuille

Een opleiding voor jou of je medewerkers kan steun krijgen van de kmo-portefeuille. Hieronder
vind je de vragen die we het vaakst krijgen.

## Veelgestelde vragen

??? question "Wie mag de opleiding geven?"

    Een dienstverlener die erkend is voor de kmo-portefeuille.

??? question "Wanneer vraag je de steun aan?"

    Kort na de start van de opleiding. De termijn vind je op de pagina over de
    [kmo-portefeuille](kmo-portefeuille.md).

??? question "Hoeveel steun krijg je?"

    Dat hangt af van de grootte van je bedrijf en het onderwerp. De percentages staan op de pagina
    over de [kmo-portefeuille](kmo-portefeuille.md).
"""
NEW_PAGE_IN_THE_MENU = "  - Opleiding: opleiding.md"
# The built site's structure, read from its files (the browser tests of the pages run in make test).
PAGE_TESTS = [f"tests/e2e/test_site_pages.py::{name}" for name in (
    "test_every_internal_link_and_anchor_resolves", "test_nothing_is_fetched_from_another_host",
    "test_every_page_has_title_and_description", "test_sitemap_lists_the_pages_of_the_nav")]
EDITED_SENTENCE = "Heb je een vraag over je gegevens? Stuur ons gerust een bericht."


def announce_a_rate_change(project: Path, today: date) -> date:
    """EDITING.md, "Een regel verandert": a new item at the end of the rate's list, its source
    under `sources`; and "Een bron nakijken": `checked` set to today on a source that still holds."""
    path = project / PARAMETERS
    data = json.loads(path.read_text(encoding="utf-8"))
    new = after_the_data(data)
    standard = next(scheme for scheme in data["rates"] if scheme["name"] == "standaard")
    standard["values"].append({"from": new.isoformat(), "value": {"klein": "25", "middelgroot": "15"},
                               "source": "vlaio-2027",
                               "change": "Lager standaardtarief voor opleiding en advies.",
                               "note": "Een kleine onderneming krijgt 25%, een middelgrote 15%."})
    data["sources"]["vlaio-2027"] = {"label": "VLAIO, nieuws 2027", "title": "VLAIO: nieuwe steunpercentages",
                                     "url": "https://www.vlaio.be/nl/subsidies-financiering/kmo-portefeuille",
                                     "checked": today.isoformat()}
    data["sources"]["vlaio-2026"]["checked"] = today.isoformat()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return new


def add_a_page_to_the_menu(project: Path) -> None:
    """EDITING.md, "Een pagina toevoegen": the file in docs/, then a line under `nav:`."""
    (project / "docs" / "opleiding.md").write_text(NEW_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    lines.insert(end, NEW_PAGE_IN_THE_MENU)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def edit_a_sentence(project: Path) -> None:
    """A sentence added to the first paragraph of the privacy page."""
    path = project / "docs" / "privacy.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    body = lines.index("---", 1) + 1  # after the front matter
    first = next(i for i in range(body, len(lines)) if lines[i][:1].isalpha())
    lines[first] = f"{lines[first]} {EDITED_SENTENCE}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def passed(done, what: str) -> None:
    assert done.returncode == 0, f"{what} failed (exit {done.returncode}):\n{done.stdout[-6000:]}\n{done.stderr[-4000:]}"


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("drill") / "project")
    new = announce_a_rate_change(project, date.today())
    add_a_page_to_the_menu(project)
    edit_a_sentence(project)
    return project, new


def test_the_rules_tests_pass_on_the_edited_copy(edited):
    project, _ = edited
    passed(run_in(project, "pytest", "tests/unit", "-q", "-p", "no:cacheprovider", "-x"), "pytest tests/unit")


@pytest.fixture(scope="module")
def built(edited):
    project, new = edited
    site = project / "site"
    passed(run_in(project, "mkdocs", "build", "--strict", "-q", "-d", str(site)), "mkdocs build --strict")
    return site, new


def test_the_strict_build_shows_the_announced_rate_the_new_page_and_the_edited_sentence(built):
    site, new = built
    # Whichever page holds the rate table: the announced row is on one of them.
    pages = [" ".join(page.read_text(encoding="utf-8").split()) for page in site.glob("**/index.html")]
    announced = " ".join(f"vanaf {long_date(new)}, aangekondigd".split())
    assert any(announced in page for page in pages)
    assert "Opleiding met de kmo-portefeuille" in (site / "opleiding" / "index.html").read_text(encoding="utf-8")
    assert EDITED_SENTENCE in (site / "privacy" / "index.html").read_text(encoding="utf-8")


def test_the_calculator_gets_the_new_rate_for_its_day(built):
    site, new = built
    (wheel,) = (site / "assets" / "pyodide").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        packaged = json.loads(archive.read("kmo_portefeuille/parameters.json"))
    standard = next(scheme for scheme in packaged["rates"] if scheme["name"] == "standaard")
    assert standard["values"][-1]["from"] == new.isoformat() and standard["values"][-1]["value"]["klein"] == "25"


def test_the_page_tests_pass_on_the_built_copy(edited, built):
    project, _ = edited
    site, _ = built
    pages = run_in(project, "pytest", "-q", "-p", "no:cacheprovider", "tests/test_page_facts.py", *PAGE_TESTS,
                   env={"KMO_SITE_DIR": str(site)})
    passed(pages, "the page tests")
