"""The content pages as a small-business owner reads them (issue 20): short pages of one task
each, every generated table on one page, the build date once, and the old address and its
anchors still working. The page list comes from the nav in mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.content_pages import ROOT, article_text, built_path, nav_pages, word_count
from tests.support.site_build import build_site

DOCS = ROOT / "docs"
MAX_WORDS = 1000
OVERVIEW = "kmo-portefeuille.md"
MARKER = re.compile(r"<!--\s*kmo-tabel:\s*([a-z]+)\s*-->")
# Every heading the single kmo-portefeuille page had: links and bookmarks to them keep working.
OLD_ANCHORS = (
    "wat-is-de-kmo-portefeuille", "wie-komt-in-aanmerking", "hoeveel-steun-krijg-je", "het-jaarlijkse-maximum",
    "minimumbedragen", "welke-themas", "klein-of-middelgroot", "precies-25", "maatwerkbedrijven",
    "zo-vraag-je-steun-aan", "wanneer-stort-je-je-eigen-deel", "een-aanvraag-stopzetten", "verwante-partijen",
    "wat-veranderde-er-wanneer", "bronnen",
)
TASK_PAGES = ("wie-komt-in-aanmerking.md", "hoeveel-steun.md", "zo-vraag-je-aan.md", "termijnen-en-betaling.md",
              "grootte-van-je-onderneming.md", "geschiedenis.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("content") / "site")


def _html(site: Path, page: str) -> str:
    return built_path(site, page).read_text(encoding="utf-8")


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


@pytest.mark.parametrize("page", nav_pages())
def test_no_content_page_has_more_than_1000_words_outside_its_tables(site, page):
    words = word_count(article_text(_html(site, page), without_tables=True))
    assert words <= MAX_WORDS, (f"{page} telt {words} woorden buiten de tabellen (hoogstens {MAX_WORDS}): "
                                "splits de pagina of verwijs naar de pagina waar het feit al staat")


@pytest.mark.parametrize("page", nav_pages())
def test_the_build_date_stands_at_most_once_on_a_page(site, page):
    count = _html(site, page).count("Opgemaakt op")
    assert count <= 1, f"'Opgemaakt op' staat {count} keer op {page}; één keer per pagina volstaat"


def test_each_generated_table_stands_on_one_page_only():
    pages_of: dict[str, list[str]] = {}
    for page in nav_pages():
        for name in MARKER.findall((DOCS / page).read_text(encoding="utf-8")):
            pages_of.setdefault(name, []).append(page)
    twice = {name: pages for name, pages in pages_of.items() if len(pages) > 1}
    assert not twice, f"een tabel staat op meer dan één pagina: {twice}; laat ze op één pagina staan en verwijs ernaar"
    assert "tarieven" in pages_of, "de tabel met steunpercentages staat op geen enkele pagina"


def test_the_rate_table_keeps_its_today_line(site):
    page = next(p for p in nav_pages() if "<!-- kmo-tabel: tarieven -->" in (DOCS / p).read_text(encoding="utf-8"))
    assert "Vandaag (" in article_text(_html(site, page)), f"de regel 'Vandaag' ontbreekt bij de tarieven op {page}"


def test_the_calculator_page_links_the_rate_table_and_has_a_text_alternative(site):
    rates_page = next(p for p in nav_pages()
                      if "<!-- kmo-tabel: tarieven -->" in (DOCS / p).read_text(encoding="utf-8"))
    calculator = (DOCS / "rekenhulp.md").read_text(encoding="utf-8")
    assert f"({rates_page}#" in calculator or f"({rates_page})" in calculator, \
        "de rekenhulp verwijst niet naar de tabel met steunpercentages"
    text = article_text(_html(site, "rekenhulp.md"))
    assert "Werkt de rekenhulp niet" in text and "Vermenigvuldig de prijs" in text, \
        "de rekenhulp heeft geen uitleg voor wie de rekenhulp niet kan gebruiken"


def test_the_old_address_is_an_overview_under_the_same_menu_section_as_the_task_pages(site):
    pages = nav_pages()
    assert OVERVIEW in pages and all(page in pages for page in TASK_PAGES), pages
    overview = (DOCS / OVERVIEW).read_text(encoding="utf-8")
    for page in TASK_PAGES:
        assert f"]({page}" in overview, f"het overzicht {OVERVIEW} verwijst niet naar {page}"
    assert built_path(site, OVERVIEW).exists()


@pytest.mark.parametrize("anchor", OLD_ANCHORS)
def test_every_old_anchor_of_the_overview_still_exists(site, anchor):
    assert anchor in _ids(_html(site, OVERVIEW)), f"het oude anker #{anchor} bestaat niet meer op {OVERVIEW}"


def test_links_from_pages_and_the_calculator_to_the_overview_find_their_anchor(site):
    targets = _ids(_html(site, OVERVIEW))
    linked = set()
    for page in nav_pages():
        linked |= set(re.findall(r'href="[^"#]*kmo-portefeuille/#([^"]+)"', _html(site, page)))
        linked |= set(re.findall(r"\(kmo-portefeuille\.md#([^)]+)\)", (DOCS / page).read_text(encoding="utf-8")))
    missing = linked - targets
    assert not missing, f"links naar {OVERVIEW} met een anker dat er niet is: {sorted(missing)}"
