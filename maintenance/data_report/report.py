"""The report as Markdown: one row per case whose support changed, or one line saying nothing did."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kmo_portefeuille.money import long_date, whole_euro
from kmo_portefeuille.parameters import Parameters

from .cases import Case, typical_cases
from .outcome import COST, outcome


def changed(before: Parameters, after: Parameters, today: date) -> tuple[list[tuple[Case, str, str]], int]:
    """([(case, before, after)] for the cases that changed, the number of cases compared)."""
    cases = typical_cases(before, after, today)
    rows = [(case, outcome(before, case, today), outcome(after, case, today)) for case in cases]
    return [row for row in rows if row[1] != row[2]], len(cases)


def render(before: Parameters, after: Parameters, today: date) -> str:
    rows, total = changed(before, after, today)
    title = (f"## Wijzigingen in de steun\n\nSteun op een dienst van {whole_euro(Decimal(COST))} (excl. btw), in {total} "
             f"typische gevallen, op {long_date(today)} (vandaag) en elke aangekondigde datum.\n")
    if not rows:
        return f"{title}\nGeen wijziging: elk geval krijgt dezelfde steun als voordien.\n"
    lines = [title, f"{len(rows)} van de {total} gevallen veranderen.\n", "| Geval | Vóór | Na |", "| --- | --- | --- |"]
    for case, old, new in rows:
        when = "vandaag" if case.on == today else long_date(case.on)
        lines.append(f"| {case.size}, {case.service} {case.theme_label}, {when} | {old} | {new} |")
    return "\n".join(lines) + "\n"
