"""The text a reader of a source page sees: the main part, without menus, scripts or forms, one
line per paragraph, list item or table row, whitespace collapsed."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

# The first of these that the page has is its main part.
MAIN_PARTS = ("main", "[role=main]", "article", "body")
# Never the text of the page: code, menus, forms, hidden parts.
NOISE = (
    "script, style, noscript, template, svg, canvas, iframe, object, nav, aside, form, button,"
    " [hidden], [aria-hidden=true], [role=navigation], [role=search], [role=complementary]"
)
# The site's own frame, dropped only when the page marks no main part (inside <main> or <article>
# a header holds the title and a footer the "last changed" date, which we do want to watch).
FRAME = "header, footer, [role=banner], [role=contentinfo]"
BLOCKS = frozenset(
    "address article blockquote caption dd details dialog div dl dt fieldset figcaption figure"
    " h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody tfoot thead tr ul".split()
)
CELLS = frozenset({"td", "th"})


def main_text(body: bytes, charset: str | None = None) -> list[str]:
    soup = BeautifulSoup(body, "html.parser", from_encoding=charset)
    part = _main_part(soup)
    _drop(part, NOISE)
    if part.name in ("body", soup.name):
        _drop(part, FRAME)
    for element in part.find_all(True):
        if element.name in BLOCKS:
            element.insert_before("\n")
            element.append("\n")
        elif element.name in CELLS:
            element.append(" ")
        elif element.name == "br":
            element.replace_with("\n")
    lines = (" ".join(line.split()) for line in part.get_text().splitlines())
    return [line for line in lines if line]


def _main_part(soup: BeautifulSoup) -> Tag:
    for selector in MAIN_PARTS:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return soup


def _drop(part: Tag, selector: str) -> None:
    for element in part.select(selector):
        if not element.decomposed:  # already gone with an enclosing one
            element.decompose()
