"""A page's Markdown file as the editor sees it: its path from the project root, and line numbers
counted in the file (MkDocs takes the front matter off before the hooks see the Markdown)."""

from __future__ import annotations

from pathlib import Path


def shown_path(page, root: Path) -> str:
    """docs/NAME.md: the path from the project root."""
    path = Path(page.file.abs_src_path).resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else page.file.src_uri


def source_text(page) -> str:
    # As MkDocs reads it (utf-8-sig, universal newlines), so the text after the front matter matches.
    with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
        return handle.read()


def first_line(source: str, markdown: str) -> int:
    """The file's line number of the Markdown's first line: 1 plus the lines MkDocs took off."""
    if not markdown or not source.endswith(markdown):
        return 1
    return source[: len(source) - len(markdown)].count("\n") + 1


def line_of(source: str, text: str) -> int | None:
    """The first line of source (from 1) that holds text."""
    for number, line in enumerate(source.split("\n"), start=1):
        if text in line:
            return number
    return None
