"""What the pages and the data say, checked against the sources (review of December 2026).

Each test pins a fact about the past or a correction that no announcement can undo: a failure
means someone changed a checked fact. The message says what changed; a developer should look
before it goes live. Page lists come from the nav in mkdocs.yml, never from a fixed list."""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urlparse

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import PACKAGED, load
from tests.support.content_pages import ROOT, nav_pages

DOCS = ROOT / "docs"
CALCULATOR = ROOT / "calculator"
SOURCES_PAGE = "bronnen-en-keuzes.md"
PRESET = "rekenhulp.md?service=advies&theme=cybersecurity"
LOOK = "Een ontwikkelaar moet dit nakijken voor het live gaat."
# Official homes of the rules: VLAIO, the Flemish government, its codex, the Belgian Official
# Gazette, the Flemish Parliament and EUR-Lex.
OFFICIAL = ("vlaio.be", "vlaanderen.be", "codex.vlaanderen.be", "ejustice.just.fgov.be", "vlaamsparlement.be",
            "eur-lex.europa.eu")
EXCEPTIONS_HEADING = "## Waar geen officiële tekst is"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def every_page() -> str:
    return flat("\n".join(page(name) for name in nav_pages()))


def data_text() -> str:
    return (CALCULATOR / "kmo_portefeuille" / "parameters.json").read_text(encoding="utf-8")


def calculator_text() -> str:
    files = [*CALCULATOR.rglob("*.py"), *CALCULATOR.rglob("*.mjs"), *CALCULATOR.rglob("*.json")]
    return flat("\n".join(path.read_text(encoding="utf-8") for path in files if "snapshot" not in path.parts))


def ask(day: str, service: str, theme: str) -> dict:
    return evaluate({"date": day, "service": service, "theme": theme, "cost": "5000", "company": {"size": "klein"}},
                    today=date(2026, 12, 4))


def all_entries(params) -> list:
    names = ("programme_start", "annual_cap", "minimum_cost", "eligible_themes", "themes", "size_ceilings",
             "group_thresholds", "deadlines", "maatwerkbedrijf_size_groups", "excluded_kinds")
    return [e for name in names for e in params.entries(name)] + [e for s in params.rate_schemes() for e in s.entries]


def _host(url: str) -> str:
    return urlparse(url).hostname or ""


def _official(url: str) -> bool:
    host = _host(url)
    return any(host == home or host.endswith("." + home) for home in OFFICIAL)


# --- Official sources first -------------------------------------------------------------------

def test_every_value_has_an_official_source_or_is_an_exception_on_the_sources_page():
    params = load()
    text = page(SOURCES_PAGE)
    assert EXCEPTIONS_HEADING in text, f"de sectie '{EXCEPTIONS_HEADING}' ontbreekt op {SOURCES_PAGE}"
    exceptions = text.split(EXCEPTIONS_HEADING, 1)[1].split("\n## ", 1)[0]
    for entry in all_entries(params):
        url = params.source(entry.source)["url"]
        assert _official(url) or url in exceptions, (
            f"de waarde vanaf {entry.start} heeft als bron {url}, geen officiële tekst en niet vermeld onder "
            f"'{EXCEPTIONS_HEADING}' op {SOURCES_PAGE}. Zet een officiële bron als 'source' en de andere bij "
            f"'also', of vermeld de uitzondering. {LOOK}")


def test_a_result_cites_the_source_of_a_value_never_another_site():
    params = load()
    others = {params.source(i)["url"] for e in all_entries(params) for i in e.also}
    sources = {params.source(e.source)["url"] for e in all_entries(params)}
    for response in (ask("2026-03-02", "advies", "cybersecurity"), ask("2022-03-02", "opleiding", "innovatie")):
        cited = {r["source"] for r in response["reasons"] if r.get("source")}
        assert cited <= sources and not cited & (others - sources), \
            f"een resultaat noemt een site die alleen 'ook vermeld door' is: {cited & others}. {LOOK}"


def test_every_source_says_when_it_was_checked():
    data = json.loads(data_text())
    unchecked = [i for i, s in data["sources"].items() if not s.get("checked")]
    assert not unchecked, f"bronnen zonder datum 'checked': {unchecked}"


def test_the_sources_page_reads_without_internal_abbreviations_or_double_words():
    shown = every_page() + " " + " ".join(s["title"] + " " + s["label"] for s in json.loads(data_text())["sources"].values())
    assert "HRZKMO" not in shown, "de afkorting HRZKMO staat er zonder uitleg; schrijf 'Hoge Raad voor Zelfstandigen en KMO'"
    assert not re.search(r"(?i)\bvan van\b", shown + data_text()), "'van van' staat op een pagina of in de gegevens"


# --- The findings of December 2026 ---------------------------------------------------------------

def test_the_training_exclusions_of_1_july_2020_are_a_dated_fact_with_an_official_source():
    params = load()
    since = [e for e in params.entries("excluded_kinds") if e.value and "opleiding" in e.value]
    assert since and since[0].start == date(2020, 7, 1), (
        f"de uitsluiting van sommige opleidingen vanaf 1 juli 2020 is gewijzigd of weg ({since[:1]}). {LOOK}")
    assert _official(params.source(since[0].source)["url"]), "de bron van de uitsluitingen is geen officiële tekst"
    before = params.entry_at("excluded_kinds", date(2020, 6, 30))
    assert before is None or not before.value, "vóór 1 juli 2020 was er nog geen lijst van uitgesloten opleidingen"


def test_a_training_result_from_1_july_2020_says_some_kinds_are_excluded_with_the_list():
    params = load()
    listed = params.source(params.entry_at("excluded_kinds", date(2020, 7, 1)).source)["url"]
    line = next((r for r in ask("2020-07-01", "opleiding", "innovatie")["reasons"]
                 if r["code"] == "soorten_uitgesloten"), None)
    assert line and line["source"] == listed, f"een opleiding vanaf 1 juli 2020 verwijst niet naar de lijst. {LOOK}"
    assert not any(r["code"] == "soorten_uitgesloten" for r in ask("2020-06-30", "opleiding", "innovatie")["reasons"])


def test_the_2016_data_no_longer_says_every_subject_qualified():
    assert "Elk onderwerp kwam in aanmerking" not in data_text(), \
        "de gegevens zeggen weer dat elk onderwerp in aanmerking kwam, maar sinds 1 juli 2020 gold een lijst van uitsluitingen"


UNSOURCED = (
    "legt de grootte dus niet vast",  # vlaanderen.be only says: fixed at the first successful application
    "wordt geweigerd en teruggestort",
    "heet nu Pluxee",
)


def test_sentences_without_a_source_are_gone_from_pages_data_and_calculator():
    shown = every_page() + " " + flat(data_text()) + " " + calculator_text()
    for sentence in UNSOURCED:
        assert sentence not in shown, f"'{sentence}' staat er weer, maar geen bron zegt dat. {LOOK}"


def test_the_advice_page_says_what_vlaio_does_not_say_about_the_date_of_1_february_2026():
    text = flat(page("advies.md"))
    assert "VLAIO zegt niet of de datum van je aanvraag telt of de start van het advies" in text, \
        "de pagina Advies zegt niet meer dat VLAIO zwijgt over welke datum telt voor 1 februari 2026"
    assert f"({SOURCES_PAGE})" in text
    entry = next(e for e in load().entries("eligible_themes") if e.start == date(2026, 2, 1))
    assert entry.choice and "datum van je aanvraag" in entry.choice, \
        "de keuze over welke datum telt voor 1 februari 2026 staat niet meer bij de gegevens (Bronnen en keuzes)"


def test_the_improvement_tracks_figures_are_dated_with_the_vlaio_page_they_follow():
    params = load()
    source = next(s for s in params.sources.values() if "cybersecurity-verbetertrajecten" in s["url"])
    changed = re.search(r"laatst gewijzigd op (\d+ \w+ \d{4})", source["title"])
    assert changed and source.get("checked"), "de bron van de verbetertrajecten zegt niet van wanneer ze is"
    text = flat(page("cybersecurity.md"))
    assert changed.group(1) in text and "50%" in text, \
        f"de pagina Cybersecurity noemt de datum van VLAIO's pagina ({changed.group(1)}) of het percentage niet meer"


def test_no_page_claims_a_change_for_2027():
    assert "2027" not in every_page(), "een pagina noemt 2027, maar geen wijziging voor 2027 werd aangekondigd"


def test_the_advice_and_cybersecurity_pages_lead_to_ecx_offer_with_the_preset():
    for name in ("advies.md", "cybersecurity.md"):
        paragraphs = page(name).split("\n\n")
        assert any("ECX" in p and f"]({PRESET})" in p for p in paragraphs), \
            f"{name} leidt niet in één alinea naar het advies van ECX met de rekenhulp ({PRESET})"


# --- Earlier corrections (2026-11) -------------------------------------------------------------

def test_the_act_that_holds_the_list_of_main_activities_is_named_correctly():
    text = every_page()
    assert "ministerieel besluit van 30 maart 2016" in text
    assert "besluit van de Vlaamse Regering van 26 februari 2016" in text
    assert not re.search(r"(?i)ministerieel besluit van 26 februari 2016", text)


def test_the_size_is_fixed_at_the_first_successful_application():
    assert "eerste geslaagde aanvraag" in every_page()
    fixed = next(r for r in ask("2026-03-02", "advies", "cybersecurity")["reasons"] if r["code"] == "grootte_vastgelegd")
    assert "eerste geslaagde aanvraag" in fixed["message"]


def test_the_own_contribution_follows_the_instructions():
    assert "dienstverlener je aanvraag bevestigt" not in every_page()
    share = next(d for d in ask("2026-03-02", "advies", "cybersecurity")["deadlines"] if d["code"] == "eigen_bijdrage")
    assert "bevestigt" not in share["message"] and "instructies" in share["message"]


def test_no_page_promises_support_for_the_cybersecurity_part_of_a_mixed_advice():
    assert not re.search(r"(?i)\b(alleen|enkel) dat deel\b|dat deel (kan )?wel steun|welk deel over cybersecurity",
                         every_page())


def test_advice_support_covers_guidance_not_the_implementation():
    assert "De uitvoering zelf krijgt geen steun" in flat(page("advies.md"))
    assert "De uitvoering zelf niet" in flat(page("cybersecurity.md"))


def test_links_to_the_calculator_preset_the_service_and_theme():
    links = re.findall(r"\]\((rekenhulp\.md[^)]*)\)", every_page())
    assert links and all(link == PRESET for link in links), links


def test_one_word_for_the_tool():
    assert not re.search(r"(?i)\bcalculator\b|\bsimulaties?\b", every_page())


def test_a_refused_theme_no_longer_suggests_a_part_of_the_advice_qualifies():
    refused = next(r for r in ask("2026-03-02", "advies", "innovatie")["reasons"] if r["code"] == "thema_niet_toegelaten")
    assert "deel" not in refused["message"]
