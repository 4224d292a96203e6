"""A table of the rules package (kmo_portefeuille.tables.table(NAME)) as Markdown, and the
generated tables made focusable, labelled and ready to stack on a phone in the HTML."""

from __future__ import annotations

import html
import itertools
import re
from types import ModuleType

from .errors import BuildError

BLOCK = re.compile(r'<div class="kmo-tabel kmo-tabel--[^"]*">.*?</div>', re.S)
TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
CAPTION_ID = re.compile(r'<p [^>]*\bid="(?P<id>kmo-tabel-[^"]+)"')
SUMMARY_ID = re.compile(r'<summary id="(?P<id>[^"]+)"')
HEADER = re.compile(r"<th(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</th>", re.S)
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
CELL = re.compile(r"<td(?P<attrs>(?:\s[^>]*)?)>(?P<content>.*?)</td>", re.S)
TAG = re.compile(r"<[^>]+>")


def _text(text: object) -> str:
    """Data as text on one line: markup in it is shown, never parsed (`<b>` stays `<b>`)."""
    return html.escape(" ".join(str(text).split()), quote=False)


def _cell(text: object) -> str:
    """One table cell: text (see _text), pipes escaped, a non-breaking space when empty."""
    value = _text(text)
    return value.replace("|", "\\|") if value else "&nbsp;"


def _grid(name: str, headers: list, rows: list) -> list[str]:
    for number, row in enumerate(rows):
        if len(row) != len(headers):
            raise BuildError(
                f"kmo_build: table '{name}' row {number} has {len(row)} cells, expected {len(headers)}"
            )
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def _notes(notes) -> list[str]:
    lines = []
    for note in notes or []:
        note = _text(note)
        if note:
            lines += [f"<small>{note}</small>", "{ .kmo-tabel__noot }", ""]
    return lines


def table_markdown(data: dict, name: str, element_id: str = "") -> str:
    """The table as Markdown in a <div class="kmo-tabel">.

    The caption becomes a paragraph with the id element_id (default kmo-tabel-NAME); a dated
    table's "today" line follows it, then the rows in force (current_rows), then the earlier rows
    in a closed <details> ("history"), then the notes. focusable_tables() then makes each table
    focusable (tabindex="0": on a wide table the theme lets it scroll sideways, and the keyboard
    scrolls it once it has the focus), names it by its caption or summary (aria-labelledby) and
    gives every cell its column's name (data-label), which the stylesheet shows on a phone, where
    each row is stacked.
    """
    element_id = element_id or f"kmo-tabel-{name}"
    headers = list(data.get("headers") or [])
    if not headers:
        raise BuildError(f"kmo_build: table '{name}' has no headers")
    rows = [list(row) for row in data.get("rows") or []]
    current = data.get("current_rows")
    history = data.get("history") or {}
    earlier = [list(row) for row in history.get("rows") or []]
    _grid(name, headers, rows)  # every row is checked, also when only some are shown
    lines = ["", f'<div class="kmo-tabel kmo-tabel--{name}" markdown>', ""]
    caption = _text(data.get("caption") or "")
    if caption:
        lines += [f"**{caption}**", f"{{ .kmo-tabel__titel #{element_id} }}", ""]
    today = _text(data.get("today") or "")
    if today:
        label, _, rest = today.partition(": ")
        lines += [f"**{label}:** {rest}" if rest else today, "{ .kmo-tabel__vandaag }", ""]
    lines += _grid(name, headers, rows if current is None else [list(r) for r in current]) + [""]
    lines += _notes(data.get("notes"))
    if current is not None and earlier:
        summary = _text(history.get("summary") or "Eerdere waarden")
        lines += ['<details class="kmo-tabel__eerder" markdown>',
                  f'<summary id="{element_id}-eerder">{summary}</summary>', ""]
        lines += _grid(name, headers, earlier) + [""]
        lines += _notes(history.get("notes"))
        lines += ["</details>", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def package_table(package: ModuleType, name: str, where: str, element_id: str = "") -> str:
    """The rules package's table NAME as Markdown; an unknown name stops the build."""
    tables = package.tables
    names = tuple(getattr(tables, "TABLE_NAMES", ()))
    unknown = BuildError(
        f"{where}: de tabel '{name}' bestaat niet. Kies een van deze: {', '.join(names)}. "
        "Uitleg: EDITING.md#onbekende-kmo-markering"
    )
    if names and name not in names:
        raise unknown
    try:
        data = tables.table(name)
    except KeyError as error:
        raise unknown from error
    return table_markdown(data, name, element_id)


def _labelled(table_html: str, name_id: str | None) -> str:
    """One <table>…</table>: focusable, named, explicit table roles (a stacked table keeps them)
    and each cell's column name in data-label."""
    body = TABLE.match(table_html).group("body")
    labels = [html.escape(html.unescape(TAG.sub("", m.group("text"))).strip()) for m in HEADER.finditer(body)]

    def row(match):
        count = itertools.count()

        def cell(found):
            index = next(count)
            label = labels[index] if index < len(labels) else ""
            content = found.group("content")
            empty = ' class="kmo-tabel__leeg"' if content.strip() in ("", "&nbsp;", "\xa0") else ""
            return (f'<td role="cell" data-label="{label}"{empty}{found.group("attrs")}>'
                    f'<span class="kmo-tabel__waarde">{content}</span></td>')

        return '<tr role="row">' + CELL.sub(cell, match.group("cells")) + "</tr>"

    body = ROW.sub(row, body)
    body = HEADER.sub(lambda m: f'<th role="columnheader"{m.group("attrs")}>{m.group("text")}</th>', body)
    body = body.replace("<thead>", '<thead role="rowgroup">').replace("<tbody>", '<tbody role="rowgroup">')
    named = f' aria-labelledby="{name_id}"' if name_id else ""
    return f'<table role="table" tabindex="0"{named}>{body}</table>'


def focusable_tables(page_html: str) -> str:
    """Every generated table focusable, named by its caption (or, folded, its summary), with its
    column names on the cells."""

    def block(match):
        text = match.group(0)
        caption = CAPTION_ID.search(text)
        out, last = [], 0
        for found in TABLE.finditer(text):
            before = text[:found.start()]
            summaries = list(SUMMARY_ID.finditer(before))
            inside = summaries and "</details>" not in before[summaries[-1].end():]
            name_id = summaries[-1].group("id") if inside else (caption.group("id") if caption else None)
            out += [text[last:found.start()], _labelled(found.group(0), name_id)]
            last = found.end()
        return "".join(out) + text[last:]

    return BLOCK.sub(block, page_html)
