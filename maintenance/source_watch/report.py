"""The Markdown report an editor reads (and the weekly workflow posts in an issue), in Dutch.

Text quoted from a source page goes in a fenced block: on GitHub it then cannot mention people,
link issues or break the layout.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date

from .comparison import Finding, Status
from .fingerprints import line_hash

QUOTED_LINES = 30  # at most this many lines of a page's text per source
WRAP = 100
# What an editor does about each kind of finding; the report shows the advice for what it found.
ADVICE = {
    "changed": (
        "**Gewijzigd** of **nog geen vingerafdruk**: lees de pagina. Verandert er een regel (een"
        " percentage, een plafond, een datum, een voorwaarde), voeg dan een gedateerde regel toe in"
        " `calculator/kmo_portefeuille/parameters.json` en pas de tekst op de site aan. Zet daarna"
        " `checked` van de bron op de datum van vandaag en leg de nieuwe vingerafdruk vast met"
        " `make accept-sources`."
    ),
    "redirected": (
        "**Omgeleid**: open het nieuwe adres. Is het dezelfde pagina, zet dan dat adres als `url` van de"
        " bron in `parameters.json`."
    ),
    "unreachable": (
        "**Onbereikbaar**: open de pagina zelf. Een storing is vaak na een dag voorbij. Is de pagina weg,"
        " zoek dan waar de tekst nu staat en pas de `url` van de bron aan."
    ),
    "not_html": (
        "**Geen HTML**: de bron wijst nu naar een bestand (zoals een pdf) in plaats van een webpagina."
        " Lees het bestand en zoek, als het kan, een webpagina met dezelfde tekst."
    ),
}


def render(findings: list[Finding], today: date, updated: bool = False) -> str:
    verb = "vastgelegd" if updated else "nagekeken"
    out = [f"# Bronnen {verb} op {today.isoformat()}", "", _summary(findings, updated), ""]
    changed, new = ("Gewijzigd", "Nog geen vingerafdruk")
    if updated:
        changed, new = "Gewijzigd, nu vastgelegd", "Voor het eerst vastgelegd"
    out += _section(changed, [_changed(f) for f in findings if f.status is Status.CHANGED])
    out += _section(new, [_new(f) for f in findings if f.status is Status.NEW])
    out += _section("Onbereikbaar", [_item(f, f.reason) for f in findings if f.status is Status.UNREACHABLE])
    out += _section("Omgeleid", [_item(f, _chain(f)) for f in findings if f.redirects])
    out += _section("Geen HTML", [_item(f, _content_type(f)) for f in findings if f.status is Status.NOT_HTML])
    out += _section("Ongewijzigd", [_item(f, _recorded(f)) for f in findings if f.status is Status.UNCHANGED])
    if not updated:
        out += _what_now(findings)
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(findings: list[Finding], updated: bool) -> str:
    total = len(findings)
    if updated:
        read = sum(finding.current is not None for finding in findings)
        text = f"De vingerafdruk van {read} van de {total} bronnen staat nu in `maintenance/source-fingerprints.json`."
        if read < total:
            text += " Een bron die niet gelezen kon worden, houdt haar vorige vingerafdruk."
        return text
    attention = sum(finding.needs_attention for finding in findings)
    if not attention:
        return f"Niets veranderd: alle {total} bronnen zijn ongewijzigd."
    return f"**{attention} van de {total} bronnen vragen aandacht.**"


def _what_now(findings: list[Finding]) -> list[str]:
    found = {
        "changed": any(f.status in (Status.CHANGED, Status.NEW) for f in findings),
        "redirected": any(f.redirects for f in findings),
        "unreachable": any(f.status is Status.UNREACHABLE for f in findings),
        "not_html": any(f.status is Status.NOT_HTML for f in findings),
    }
    advice = [_fill(text, "- ", "  ") for key, text in ADVICE.items() if found[key]]
    if not advice:
        return []
    return ["## Wat nu?", "", *advice, "", 'Meer uitleg: `EDITING.md`, "Bronnen bewaken".']


def _section(title: str, blocks: list[list[str]]) -> list[str]:
    if not blocks:
        return []
    lines = [f"## {title} ({len(blocks)})", ""]
    for block in blocks:
        lines += block
    if lines[-1]:
        lines.append("")
    return lines


def _item(finding: Finding, detail: str) -> list[str]:
    return [f"- {_name(finding)}, <{finding.source.url}>: {detail}"]


def _changed(finding: Finding) -> list[str]:
    accepted, current = finding.accepted, finding.current
    before = set(accepted.lines)
    now = {line_hash(line) for line in finding.lines}
    added = [line for line in finding.lines if line_hash(line) not in before]
    gone = len(before - now)
    facts = (
        f"Vastgelegd op {_date(accepted.recorded)} met {_number(accepted.length)} tekens, nu {_number(current.length)}"
        f" tekens: {_lines(len(added))} nieuw of gewijzigd, {_lines(gone)} verdwenen of gewijzigd."
    )
    if not added:
        return [*_heading(finding), facts, ""]
    return [*_heading(finding), facts, "", "Nieuwe of gewijzigde tekst:", "", *_quote(added, "+ "), ""]


def _new(finding: Finding) -> list[str]:
    current = finding.current
    facts = f"Nog niet eerder vastgelegd. De pagina heeft nu {_number(current.length)} tekens ({_lines(len(finding.lines))})."
    return [*_heading(finding), facts, "", "Begint met:", "", *_quote(list(finding.lines), ""), ""]


def _heading(finding: Finding) -> list[str]:
    return [f"### {finding.source.label} (`{finding.source.id}`)", "", f"<{finding.source.url}>", ""]


def _quote(lines: list[str], mark: str) -> list[str]:
    shown = [_fill(line, mark, " " * len(mark)) for line in lines[:QUOTED_LINES]]
    if len(lines) > QUOTED_LINES:
        shown.append(f"… en nog {_lines(len(lines) - QUOTED_LINES)}")
    # A fence longer than any run of tildes in the quoted text, so the text cannot close it.
    fence = "~" * max(3, 1 + max((len(run) for run in re.findall("~+", "\n".join(shown))), default=0))
    return [fence + "text", *shown, fence]


def _fill(text: str, first: str, rest: str) -> str:
    # Never break inside a word: not in a hyphenated command, not in an address.
    return textwrap.fill(
        text, WRAP, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False
    )


def _name(finding: Finding) -> str:
    return f"**{finding.source.label}** (`{finding.source.id}`)"


def _chain(finding: Finding) -> str:
    hops = " → ".join(f"<{hop.target}> ({hop.status})" for hop in finding.redirects)
    return f"nu op {hops}"


def _content_type(finding: Finding) -> str:
    if not finding.content_type:
        return "het antwoord zegt niet wat het is (geen Content-Type)"
    return f"het antwoord is `{finding.content_type}`"


def _recorded(finding: Finding) -> str:
    return f"vastgelegd op {_date(finding.accepted.recorded)}"


def _date(day: date | None) -> str:
    return day.isoformat() if day else "een onbekende datum"


def _lines(count: int) -> str:
    return f"{_number(count)} {'regel' if count == 1 else 'regels'}"


def _number(value: int | None) -> str:
    return f"{value or 0:,}".replace(",", ".")
