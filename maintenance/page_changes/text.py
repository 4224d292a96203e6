"""The text a visitor reads on a built page: its article, a line for each line of its HTML (a block
each, as MkDocs writes it), without scripts or the ¶ anchors."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page_text(path: Path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in [*soup(["script", "style", "template", "noscript"]), *soup.select("a.headerlink")]:
        hidden.decompose()
    # The page's own content; a page without an article (the 404 page) is read whole.
    content = soup.select_one("article.md-content__inner") or soup.body or soup
    lines = (" ".join(line.split()) for line in content.get_text().splitlines())
    return [line for line in lines if line]


def page_texts(site: Path) -> dict[str, list[str]]:
    """{site-relative path of each HTML page: its text}; an absent folder has no pages."""
    return {path.relative_to(site).as_posix(): page_text(path) for path in sorted(site.rglob("*.html"))}
