"""What the pages and the calculator's texts say, re-checked against the sources (2026-12):
each test pins one correction, so that an edit bringing back the old wording fails."""

from __future__ import annotations

import re
from pathlib import Path

from kmo_portefeuille import evaluate

DOCS = Path(__file__).resolve().parents[1] / "docs"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def every_page() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md")))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_no_page_promises_support_for_the_cybersecurity_part_of_a_mixed_advice():
    # No source says a mixed advice may be split so that one part gets support.
    assert not re.search(r"(?i)\b(alleen|enkel) dat deel\b|dat deel (kan )?wel steun|welk deel over cybersecurity",
                         flat(every_page()))


def test_the_act_that_holds_the_list_of_main_activities_is_named_correctly():
    text = flat(page("kmo-portefeuille.md"))
    assert "ministerieel besluit van 30 maart 2016" in text
    assert "besluit van de Vlaamse Regering van 26 februari 2016" in text
    assert not re.search(r"(?i)ministerieel besluit van 26 februari 2016", flat(every_page()))


def test_the_size_is_fixed_at_the_first_successful_application():
    assert "eerste geslaagde aanvraag" in flat(page("kmo-portefeuille.md"))
    fixed = next(r for r in ask()["reasons"] if r["code"] == "grootte_vastgelegd")
    assert "eerste geslaagde aanvraag" in fixed["message"]


def test_the_own_contribution_follows_the_instructions_and_the_operator_is_named():
    text = flat(every_page())
    assert "dienstverlener je aanvraag bevestigt" not in text
    assert "Sodexo" in text
    share = next(d for d in ask()["deadlines"] if d["code"] == "eigen_bijdrage")
    assert "bevestigt" not in share["message"] and "instructies" in share["message"]


def test_cancelling_an_application_is_explained():
    text = page("kmo-portefeuille.md")
    assert "## Een aanvraag stopzetten" in text
    assert "subsidies-stopzetten-en-terugbetaling" in text


def test_advice_support_covers_guidance_during_implementation_not_the_implementation():
    assert "De uitvoering zelf krijgt geen steun" in flat(page("advies.md"))
    assert "De uitvoering zelf niet" in flat(page("cybersecurity.md"))


def test_the_cybersecurity_page_has_the_nis2_caveat_and_the_improvement_tracks():
    text = page("cybersecurity.md")
    assert "### NIS2" in text and "wettelijk verplicht" in flat(text)
    assert "De verbetertrajecten van VLAIO" in text and "cybersecurity-verbetertrajecten" in text


def test_maatwerkbedrijven_are_described_and_the_provider_number_and_sources_are_shown():
    text = page("kmo-portefeuille.md")
    assert "## Maatwerkbedrijven" in text and "geef je aan of je bedrijf een erkend maatwerkbedrijf is" in text
    assert "<!-- kmo: erkenningsnummer -->" in text
    assert "(bronnen-en-keuzes.md)" in text
    sources = page("bronnen-en-keuzes.md")
    assert "<!-- kmo-tabel: bronnen -->" in sources and "<!-- kmo-tabel: keuzes -->" in sources


# Research language: what we looked for and did not find belongs on no public page.
RESEARCH = re.compile(r"(?i)werd niet (gevonden|nagegaan)|vonden (we )?niet|konden (we )?niet nagaan|"
                      r"niet nagegaan|volgens de bronnen|\((europese )?gebruikersgids|ECHA")


def test_content_pages_say_what_holds_and_link_the_sources_and_choices_page():
    for path in sorted(DOCS.glob("*.md")):
        assert not RESEARCH.search(flat(path.read_text(encoding="utf-8"))), path.name
    for name in ("kmo-portefeuille.md", "bronnen-en-keuzes.md"):
        assert "(bronnen-en-keuzes.md)" in page(name) or name == "bronnen-en-keuzes.md"
    assert "onze keuze" not in flat(page("kmo-portefeuille.md")).lower()


def test_the_staff_ceiling_is_one_to_stay_under():
    text = flat(every_page())
    assert "altijd** onder de grens voor personeel blijven" in text
    assert not re.search(r"(?i)personeelsplafond moet altijd gehaald", text)


def test_the_advice_banner_dates_itself_from_the_data():
    home = page("index.md")
    assert "<!-- kmo: adviesregel -->" in home and "Nieuw sinds" not in every_page()
    assert "<!-- kmo: adviesregel -->" in page("kmo-portefeuille.md")


def test_links_to_the_rekenhulp_preset_the_service_and_theme():
    links = re.findall(r"\]\((rekenhulp\.md[^)]*)\)", every_page())
    assert links and all(link == "rekenhulp.md?service=advies&theme=cybersecurity" for link in links), links


def test_one_word_for_the_tool():
    text = flat(every_page())
    assert not re.search(r"(?i)\bcalculator\b", text)
    assert not re.search(r"(?i)\bsimulaties?\b", text)


def test_a_refused_theme_no_longer_suggests_a_part_of_the_advice_qualifies():
    response = evaluate({"date": "2026-03-02", "service": "advies", "theme": "innovatie", "cost": "5000",
                         "company": {"size": "klein"}})
    refused = next(r for r in response["reasons"] if r["code"] == "thema_niet_toegelaten")
    assert "deel" not in refused["message"]


def ask() -> dict:
    return evaluate({"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": "5000",
                     "company": {"size": "klein"}})
