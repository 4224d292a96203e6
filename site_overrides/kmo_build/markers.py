"""The kmo marker lines in docs/*.md (one line each, outside code blocks):

    <!-- kmo-tabel: NAME -->          a table from kmo_portefeuille.tables.table(NAME)
    <!-- kmo: WIDGET -->              a partial of site_overrides/partials/kmo/ (see widgets.py)

Tables become Markdown. A widget becomes a placeholder comment, which the rendered partial replaces
in the HTML, so Markdown never touches the widget's markup. An unknown or malformed marker stops
the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import BuildError
from .widgets import WIDGETS

MARKER = re.compile(
    r"^[ \t]*<!--[ \t]*(?P<kind>kmo-tabel|kmo)[ \t]*:[ \t]*(?P<name>[^\s>]*)[ \t]*-->[ \t]*$"
)
# Anything that looks like a marker but is not one also stops the build: a misspelled keyword
# (`kmo-tabl:`), a missing colon (`kmo rekenhulp`), capitals, text around it on the line.
LOOSE = re.compile(r"<!--\s*kmo", re.I)
HELP = "Uitleg: EDITING.md#onbekende-kmo-markering"
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def placeholder(nonce: str, name: str) -> str:
    return f"<!-- kmo-widget {nonce} {name} -->"


def replace_markers(markdown: str, where: str, meta: dict, table: Callable[[str, str, str], str], nonce: str,
                    first_line: int = 1) -> str:
    """The page's Markdown with its markers replaced.

    table(name, where, element_id) gives a table's Markdown. meta (the page's) records
    kmo_tables (table names in order), kmo_widgets (widget names) and kmo_rekenhulp. first_line is
    the number in the file of the Markdown's first line (after the front matter MkDocs took off).
    """
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        found = FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)
        elif fence is not None and found and found.group(1).startswith(fence[0] * len(fence)):
            fence = None
        if fence is not None or found:
            out.append(line)
            continue
        match = MARKER.match(line)
        if not match:
            if LOOSE.search(line):
                raise BuildError(
                    f"{where}, regel {number}: dit lijkt op een kmo-markering, maar het is er geen: "
                    f"{line.strip()}\n  Schrijf een markering precies zo, alleen op haar regel: "
                    f"<!-- kmo-tabel: NAAM --> of <!-- kmo: NAAM -->. {HELP}"
                )
            out.append(line)
            continue
        kind, name = match.group("kind"), match.group("name")
        if kind == "kmo-tabel":
            tables = meta.setdefault("kmo_tables", [])
            element_id = f"kmo-tabel-{name}" + (f"-{tables.count(name) + 1}" if name in tables else "")
            tables.append(name)
            out.append(table(name, f"{where}, regel {number}", element_id))
        elif name in WIDGETS:
            if name == "rekenhulp":
                meta["kmo_rekenhulp"] = True
            meta.setdefault("kmo_widgets", []).append(name)
            out += ["", placeholder(nonce, name), ""]
        else:
            raise BuildError(
                f"{where}, regel {number}: de markering <!-- kmo: {name} --> bestaat niet. Kies een van deze: "
                f"{', '.join(f'<!-- kmo: {known} -->' for known in WIDGETS)}, of een tabel: <!-- kmo-tabel: NAAM -->. {HELP}"
            )
    return "\n".join(out)


def insert_widgets(html: str, where: str, names: list[str], render: Callable[[str], str], nonce: str) -> str:
    """Replace each widget's placeholder in the page's HTML with render(name)."""
    for name in dict.fromkeys(names):
        mark = placeholder(nonce, name)
        if mark not in html:
            raise BuildError(
                f"kmo_build: the '{name}' marker in {where} did not survive Markdown "
                "(put it on a line of its own, not inside a list or an HTML block)"
            )
        html = html.replace(mark, render(name))
    return html
