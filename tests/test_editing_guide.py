"""EDITING.md is the editor's route and the place every error message points to: its sections for
the errors stay where the messages link, and its own links land on a heading."""

from __future__ import annotations

import re

from tests.support.site_build import ROOT

GUIDE = ROOT / "EDITING.md"
# One section per error an editor can meet; build and check messages link to these anchors.
ERROR_SECTIONS = [
    "geen-geldige-json",
    "waarde-buiten-het-bereik",
    "onbekende-kmo-markering",
    "afbeelding-ontbreekt-of-staat-op-een-andere-site",
    "spelfout",
    "bron-lang-niet-nagekeken",
    "bedrijfsgegeven-ontbreekt",
]
# Where messages to editors are written.
MESSAGE_FILES = ["Makefile", "site_overrides/**/*.py", "site_overrides/**/*.html", "maintenance/**/*.py",
                 "calculator/kmo_portefeuille/*.py", "tests/support/*.py"]


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces become hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _headings(text: str) -> dict[str, int]:
    """{anchor: level} of every heading outside code blocks."""
    text = re.sub(r"(?ms)^```.*?^```", "", text)
    return {_anchor(title): len(hashes) for hashes, title in re.findall(r"(?m)^(#{1,6}) (.+)$", text)}


def test_each_error_has_its_section_under_foutmeldingen():
    text = GUIDE.read_text(encoding="utf-8")
    errors = text[text.index("\n## Foutmeldingen\n"):]
    found = _headings(errors)
    for anchor in ERROR_SECTIONS:
        assert found.get(anchor) == 3, f"EDITING.md: no section ### …#{anchor} under ## Foutmeldingen"
    for section in re.split(r"(?m)^### ", errors)[1:]:
        assert "**Wat het betekent:**" in section and "**Wat je doet:**" in section, section[:60]


def test_the_guide_walks_the_route_from_edit_to_live_site():
    text = GUIDE.read_text(encoding="utf-8")
    route = " ".join(text[text.index("## Van wijziging tot live site"):text.index("## Waar staat wat?")].split())
    for step in ("Bewerk deze pagina", "pull request", "preview", "voorbeeld-site", "Approve",
                 "Merge pull request", "elke ochtend"):
        assert step in route, step


def test_every_link_to_a_section_of_the_guide_lands_on_a_heading():
    headings = _headings(GUIDE.read_text(encoding="utf-8"))
    links = [("EDITING.md", anchor) for anchor in re.findall(r"\]\(#([\w-]+)\)", GUIDE.read_text(encoding="utf-8"))]
    for pattern in MESSAGE_FILES:
        for path in ROOT.glob(pattern):
            links += [(str(path.relative_to(ROOT)), a) for a in re.findall(r"EDITING\.md#([\w-]+)", path.read_text(encoding="utf-8"))]
    assert links
    missing = [f"{where}: #{anchor}" for where, anchor in links if anchor not in headings]
    assert not missing, "links to no heading of EDITING.md:\n  " + "\n  ".join(missing)
