"""The README stays true without an editor writing English: the choices are listed only on the
generated page "Bronnen en keuzes", and the README and calculator/README.md keep no copy of them."""

from __future__ import annotations

import json
import re

from tests.support.site_build import ROOT

READMES = [ROOT / "README.md", ROOT / "calculator" / "README.md"]


def _choices(data) -> list[str]:
    """Every `choice` text anywhere in parameters.json."""
    if isinstance(data, dict):
        own = [data["choice"]] if isinstance(data.get("choice"), str) else []
        return own + [c for v in data.values() for c in _choices(v)]
    if isinstance(data, list):
        return [c for v in data for c in _choices(v)]
    return []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_the_readme_points_to_the_generated_page_and_keeps_no_copy_of_a_choice():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/bronnen-en-keuzes.md)" in readme
    page = (ROOT / "docs" / "bronnen-en-keuzes.md").read_text(encoding="utf-8")
    assert "<!-- kmo-tabel: keuzes -->" in page, "the page lists the choices from the data"

    choices = _choices(json.loads((ROOT / "calculator" / "kmo_portefeuille" / "parameters.json").read_text(encoding="utf-8")))
    assert choices
    for path in READMES:
        words = " ".join(_words(path.read_text(encoding="utf-8")))
        for choice in choices:
            # Any eight words in a row of a choice, in Dutch as in the data.
            choice_words = _words(choice)
            for start in range(max(1, len(choice_words) - 7)):
                assert " ".join(choice_words[start:start + 8]) not in words, f"{path.name} copies: {choice[:80]}"
    # The English summary of the choices that the README once kept is gone for good.
    assert not re.search(r"^- \*\*[^*]+\*\*: .*\bwe (apply|follow|keep)\b", readme, re.M)


def test_the_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert re.search(r"^make serve\b", first_block, re.M) and re.search(r"^make test\b", first_block, re.M)
