"""The site's content pages as a reader meets them: the page list from the `nav` in mkdocs.yml,
and a built page's article as text, with or without its tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV) read as plain values: only the nav is needed here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_pages(root: Path = ROOT) -> list[str]:
    """Every Markdown file in the nav of mkdocs.yml, in menu order ("kmo-portefeuille.md", ...)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config["nav"])
    return [page for page in found if page.endswith(".md")]


def built_path(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for a Markdown page (index.md: the site's root)."""
    stem = page[: -len(".md")]
    return site / "index.html" if stem == "index" else site / stem / "index.html"


class _ArticleText(HTMLParser):
    """The text inside <article>, leaving out scripts, styles, forms (the calculator's fields)
    and, on request, tables."""

    SKIPPED = {"script", "style", "template", "form", "noscript", "svg"}

    def __init__(self, without_tables: bool):
        super().__init__()
        self.skipped = self.SKIPPED | ({"table"} if without_tables else set())
        self.depth_article = 0
        self.depth_skipped = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_article += 1
        elif self.depth_article and tag in self.skipped:
            self.depth_skipped += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_article -= 1
        elif self.depth_article and tag in self.skipped and self.depth_skipped:
            self.depth_skipped -= 1

    def handle_data(self, data):
        if self.depth_article and not self.depth_skipped:
            self.parts.append(data)


def article_text(html: str, without_tables: bool = False) -> str:
    parser = _ArticleText(without_tables)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"\w[\w'’.,-]*", text))
