"""A table of the rules package (kmo_portefeuille.tables.table(NAME)) as Markdown, and the
generated tables made focusable in the HTML."""

from __future__ import annotations

import html
import re
from types import ModuleType

from .errors import BuildError

TABLE_OPEN = re.compile(r'<div class="kmo-tabel kmo-tabel--[^"]*">(?P<between>(?:(?!</div>).)*?)<table>', re.S)
CAPTION_ID = re.compile(r'<p [^>]*\bid="(?P<id>kmo-tabel-[^"]+)"')


def _text(text: object) -> str:
    """Data as text on one line: markup in it is shown, never parsed (`<b>` stays `<b>`)."""
    return html.escape(" ".join(str(text).split()), quote=False)


def _cell(text: object) -> str:
    """One table cell: text (see _text), pipes escaped, a non-breaking space when empty."""
    value = _text(text)
    return value.replace("|", "\\|") if value else "&nbsp;"


def table_markdown(data: dict, name: str, element_id: str = "") -> str:
    """The table as Markdown in a <div class="kmo-tabel">.

    The caption becomes a paragraph with the id element_id (default kmo-tabel-NAME);
    focusable_tables() then makes the table focusable (tabindex="0": on a narrow screen the theme
    lets it scroll sideways, and the keyboard scrolls it once it has the focus) and names it by
    that caption (aria-labelledby).
    """
    element_id = element_id or f"kmo-tabel-{name}"
    headers = list(data.get("headers") or [])
    rows = [list(row) for row in data.get("rows") or []]
    if not headers:
        raise BuildError(f"kmo_build: table '{name}' has no headers")
    for number, row in enumerate(rows):
        if len(row) != len(headers):
            raise BuildError(
                f"kmo_build: table '{name}' row {number} has {len(row)} cells, expected {len(headers)}"
            )
    lines = ["", f'<div class="kmo-tabel kmo-tabel--{name}" markdown>', ""]
    caption = _text(data.get("caption") or "")
    if caption:
        lines += [f"**{caption}**", f"{{ .kmo-tabel__titel #{element_id} }}", ""]
    lines.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    lines.append("|" + "|".join(" --- " for _ in headers) + "|")
    for row in rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines.append("")
    for note in data.get("notes") or []:
        note = _text(note)
        if note:
            lines += [f"<small>{note}</small>", "{ .kmo-tabel__noot }", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def package_table(package: ModuleType, name: str, where: str, element_id: str = "") -> str:
    """The rules package's table NAME as Markdown; an unknown name stops the build."""
    tables = package.tables
    names = tuple(getattr(tables, "TABLE_NAMES", ()))
    unknown = BuildError(f"kmo_build: unknown table '{name}' in {where}; known tables: {', '.join(names)}")
    if names and name not in names:
        raise unknown
    try:
        data = tables.table(name)
    except KeyError as error:
        raise unknown from error
    return table_markdown(data, name, element_id)


def focusable_tables(html: str) -> str:
    """Give every generated table tabindex="0" and the name of its caption paragraph."""

    def repl(match):
        caption = CAPTION_ID.search(match.group("between"))
        named = f' aria-labelledby="{caption.group("id")}"' if caption else ""
        return match.group(0)[: -len("<table>")] + f'<table tabindex="0"{named}>'

    return TABLE_OPEN.sub(repl, html)
