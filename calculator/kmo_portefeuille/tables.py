"""The site's tables of rates, caps, ceilings, minimums, themes, changes, sources and choices,
straight from the parameter data, so a page and the calculator can never disagree. Cells are
Markdown-safe text.

A table is {"caption", "headers", "rows", "notes"}; a dated table (rates, caps, minimums) also has
"today" (one line: what applies on the build date), "current_rows" (the rows in force or
announced, today's first) and "history" ({"summary", "rows", "notes"}: the earlier rows, folded
on the page). "rows" always holds every row, oldest first.
"""

from __future__ import annotations

from datetime import date

from . import catalog
from .money import long_date, number, percent_nl, whole_euro
from .parameters import Parameters, load

TABLE_NAMES = ("tarieven", "plafonds", "minimums", "grootte", "tijdlijn", "themas", "bronnen", "keuzes")

# The page that lists every source and every choice (docs/bronnen-en-keuzes.md).
CHOICES_PAGE = "bronnen-en-keuzes.md"
CHOICES_LINK = f"Waar de cijfers vandaan komen en welke keuzes we maakten: [Bronnen en keuzes]({CHOICES_PAGE})."

# The parameters in plain words (the "keuzes" table).
SUBJECTS = {
    "programme_start": "Start van de kmo-portefeuille",
    "annual_cap": "Maximale steun per jaar",
    "minimum_cost": "Minimale kostprijs",
    "eligible_themes": "Thema's die in aanmerking komen",
    "themes": "De lijst van thema's",
    "size_ceilings": "Grootte van je onderneming",
    "group_thresholds": "Partner- en verbonden ondernemingen, belang van overheden",
    "deadlines": "Termijnen",
    "maatwerkbedrijf_size_groups": "Maatwerkbedrijven",
    "excluded_kinds": "Uitgesloten soorten opleidingen en diensten",
}


def table(name: str, params: Parameters | None = None, on: date | None = None) -> dict:
    """The table NAME of TABLE_NAMES (KeyError otherwise), as it stands on ``on`` (default today)."""
    if name not in TABLE_NAMES:
        raise KeyError(f"onbekende tabel '{name}'; kies uit {', '.join(TABLE_NAMES)}")
    params, on = params or load(), on or date.today()
    built = _BUILDERS[name](params, on)
    link = [] if name in ("bronnen", "keuzes") else [CHOICES_LINK]
    # The build date once per page: on the sources page; the dated tables carry it in their "Vandaag" line.
    built_on = [f"Opgemaakt op {long_date(on)} uit de gegevens van de rekenhulp."] if name == "bronnen" else []
    built["notes"] = [*built["notes"], *link, *built_on]
    return built


def advice_rule(params: Parameters | None = None, on: date | None = None) -> dict:
    """The rule for advice in force on ``on``: {"since": date, "since_display": "1 februari 2026",
    "themes": [theme labels] or None (any theme), "source": id}; since is the first day of the
    uninterrupted run of entries that give advice the same themes."""
    params, on = params or load(), on or date.today()
    entries = [e for e in params.entries("eligible_themes") if e.start <= on]
    current = entries[-1]
    start = current
    for entry in reversed(entries):
        if entry.value["advies"] != current.value["advies"]:
            break
        start = entry
    allowed = current.value["advies"]
    labels = catalog.theme_labels(params, on)
    return {
        "since": start.start,
        "since_display": long_date(start.start),
        "themes": None if allowed is None else [labels.get(t, t) for t in allowed],
        "source": start.source,
    }


def choices(params: Parameters | None = None) -> list[dict]:
    """Every choice in the data (an entry's optional ``choice``), oldest first:
    [{"subject", "start", "start_display", "choice", "dates_display": [str]}] (the days or periods
    on which the choice decides, in words)."""
    params = params or load()
    found = []
    named = [(subject, e) for name, subject in SUBJECTS.items() for e in params.entries(name)]
    named += [(f"Steunpercentage: {s.label.lower()}", e) for s in params.rate_schemes() for e in s.entries]
    for subject, entry in named:
        if not entry.choice:
            continue
        found.append({"subject": subject, "start": entry.start, "start_display": long_date(entry.start),
                      "choice": entry.choice, "dates_display": [_period(*p) for p in entry.choice_dates]})
    return sorted(found, key=lambda c: c["start"])


def _period(first: date, last: date) -> str:
    return long_date(first) if first == last else f"van {long_date(first)} tot en met {long_date(last)}"


def _start(entry, on: date) -> str:
    """The start date of a row; a change still to come is shown as announced."""
    return long_date(entry.start) if entry.start <= on else f"vanaf {long_date(entry.start)}, aangekondigd"


def _link(params: Parameters, source_id: str, text: str | None = None) -> str:
    source = params.source(source_id)
    label = (text or source["label"]).replace("|", "/").replace("[", "(").replace("]", ")")
    return f"[{label}]({source['url']})"


def _sources(params: Parameters, entry) -> str:
    """The entry's source, linked; other sites that say the same ('also') after "ook vermeld door"."""
    also = ", ".join(_link(params, source_id) for source_id in entry.also)
    return _link(params, entry.source) + (f"; ook vermeld door {also}" if also else "")


def _announced(params: Parameters, names: tuple[str, ...], on: date, otherwise: str) -> list[str]:
    """A note per change still to come in a table that shows the state on ``on``."""
    return [f"Aangekondigd vanaf {long_date(e.start)}: {e.change or otherwise} ({_sources(params, e)})."
            for name in names for e in params.entries(name) if e.start > on]


def _notes(entries) -> list[str]:
    """The reader's note of each entry (what holds); choices are on the Bronnen page."""
    return [f"Vanaf {long_date(e.start)}: {e.note}" for e in entries if e.note]


def _split(dated: list, on: date) -> tuple[list, list]:
    """(current, earlier) of [(scheme key, entry, cells)]: per key the entry in force on ``on`` and
    those still to come are current, the ones before it earlier."""
    current, earlier = [], []
    keys = list(dict.fromkeys(key for key, _, _ in dated))
    for key in keys:
        mine = [item for item in dated if item[0] == key]
        in_force = [item for item in mine if item[1].start <= on]
        latest = in_force[-1] if in_force else None
        for item in mine:
            (earlier if latest is not None and item[1].start < latest[1].start else current).append(item)
    return current, earlier


def _dated(caption: str, headers: list[str], dated: list, on: date, today: str, summary: str,
           notes: list[str]) -> dict:
    """A dated table: every row (oldest first), today's rows first, the earlier ones folded."""
    current, earlier = _split(dated, on)
    by_date = sorted(dated, key=lambda item: item[1].start)
    return {
        "caption": caption,
        "headers": headers,
        "rows": [cells for _, _, cells in by_date],
        "today": today,
        "current_rows": [cells for _, _, cells in current],
        "history": {
            "summary": summary,
            "rows": [cells for _, _, cells in sorted(earlier, key=lambda item: item[1].start)],
            "notes": _notes(sorted((e for _, e, _ in earlier), key=lambda e: e.start)),
        },
        "notes": notes + _notes(sorted((e for _, e, _ in current), key=lambda e: e.start)),
    }


def _today(on: date) -> str:
    return f"Vandaag ({long_date(on)}): "


def _rates(params: Parameters, on: date) -> dict:
    dated, today = [], []
    # A rate for a theme first: it goes before the standard rate.
    schemes = sorted(params.rate_schemes(), key=lambda s: s.themes is None)
    for scheme in schemes:
        services = " en ".join(catalog.SERVICES[s].lower() for s in scheme.services)
        for entry in scheme.entries:
            dated.append((scheme.name, entry, [
                _start(entry, on),
                f"{scheme.label} ({services})",
                percent_nl(entry.value["klein"]),
                percent_nl(entry.value["middelgroot"]),
                _sources(params, entry),
            ]))
        now = [e for e in scheme.entries if e.start <= on]
        if now:
            value = now[-1].value
            today.append(f"{scheme.label} ({services}): {percent_nl(value['klein'])} voor een kleine, "
                         f"{percent_nl(value['middelgroot'])} voor een middelgrote onderneming.")
    line = (_today(on) + " ".join(today)) if today else ""
    return _dated(
        "Steunpercentages volgens de datum waarop je de aanvraag indient",
        ["Aanvragen vanaf", "Tarief", "Kleine onderneming", "Middelgrote onderneming", "Bron"],
        dated, on, line, "Eerdere percentages",
        ["Een verhoogd tarief voor een thema gaat voor op het standaardtarief."],
    )


def _amounts(name: str, caption: str, headers: list[str], keys: tuple[str, str], today: str, summary: str):
    """A dated table of euro amounts, one column per key, with each entry's source.
    today: the "Vandaag" sentence with {0} and {1} for the amounts of the two keys."""

    def build(params: Parameters, on: date) -> dict:
        entries = params.entries(name)
        dated = [(name, e, [_start(e, on), *(whole_euro(e.value[k]) for k in keys), _sources(params, e)])
                 for e in entries]
        now = params.entry_at(name, on)
        line = _today(on) + today.format(*(whole_euro(now.value[k]) for k in keys)) if now else ""
        return _dated(caption, headers, dated, on, line, summary, [])

    return build


_caps = _amounts(
    "annual_cap", "Maximale steun per kalenderjaar en per onderneming",
    ["Aanvragen vanaf", "Kleine onderneming", "Middelgrote onderneming", "Bron"], ("klein", "middelgroot"),
    "hoogstens {0} steun per kalenderjaar voor een kleine en {1} voor een middelgrote onderneming.",
    "Eerdere bedragen",
)
_minimums = _amounts(
    "minimum_cost", "Minimale kostprijs van een dienst (exclusief btw)",
    ["Vanaf", "Opleiding", "Advies", "Bron"], ("opleiding", "advies"),
    "een opleiding kost minstens {0} en een advies minstens {1}, zonder btw.",
    "Eerdere bedragen",
)


def _sizes(params: Parameters, on: date) -> dict:
    ceilings = params.entry_at("size_ceilings", on)
    group = params.entry_at("group_thresholds", on)
    names = {"micro": "Micro (telt als klein)", "klein": "Klein", "middelgroot": "Middelgroot"}
    rows = [[
        names[c["category"]],
        f"minder dan {number(c['staff_below'])}",
        f"hoogstens {whole_euro(c['turnover_max'])}",
        f"hoogstens {whole_euro(c['balance_sheet_total_max'])}",
    ] for c in ceilings.value]
    rows.append(["Groot: komt niet in aanmerking", "alle andere gevallen", "", ""])
    thresholds = group.value
    return {
        "caption": "Grootte van een onderneming volgens de Europese kmo-definitie",
        "headers": ["Categorie", "Personeel (VTE)", "Jaaromzet", "of balanstotaal"],
        "rows": rows,
        "notes": [
            *([ceilings.note] if ceilings.note else []),
            f"Partnerondernemingen (een belang vanaf {percent_nl(thresholds['partner_from_percent'])} tot en met "
            f"{percent_nl(thresholds['linked_above_percent'])}) tellen mee naar verhouding van het belang; "
            f"verbonden ondernemingen (meer dan {percent_nl(thresholds['linked_above_percent'])} of zeggenschap) "
            "tellen volledig mee.",
            *([group.note] if group.note else []),
            "Bronnen: " + "; ".join(_link(params, i) for i in dict.fromkeys(ceilings.sources + group.sources)) + ".",
            *_announced(params, ("size_ceilings", "group_thresholds"), on, "andere grenzen"),
        ],
    }


def _timeline(params: Parameters, on: date) -> dict:
    found = []
    for name in ("programme_start", "annual_cap", "minimum_cost", "eligible_themes", "maatwerkbedrijf_size_groups",
                 "deadlines", "excluded_kinds"):
        found += params.entries(name)
    for scheme in params.rate_schemes():
        found += scheme.entries
    changes = sorted((e for e in found if e.change), key=lambda e: e.start)
    return {
        "caption": "Wat veranderde wanneer",
        "headers": ["Datum", "Wat veranderde", "Bron"],
        "rows": [[_start(e, on), e.change, _sources(params, e)] for e in changes],
        "notes": [],
    }


def _themes(params: Parameters, on: date) -> dict:
    from .subsidy import theme_qualifies, themes_allowed

    parents = catalog.theme_parents(params, on)
    labels = catalog.theme_labels(params, on)
    allowed = {service: themes_allowed(params, service=service, on=on) for service in catalog.SERVICES}
    rows = []
    for theme in catalog.themes(params, on):
        label = theme.label if theme.parent is None else f"{theme.label} (onderdeel van {labels[theme.parent]})"
        rows.append([label] + [
            "ja" if theme_qualifies(allowed[s][0], theme.value, parents) else "nee" for s in catalog.SERVICES
        ])
    return {
        "caption": f"Welke onderwerpen in aanmerking komen (stand op {long_date(on)})",
        "headers": ["Thema", "Opleiding", "Advies"],
        "rows": rows,
        "notes": [f"Bron: {_sources(params, params.entry_at('eligible_themes', on))}.",
                  *_announced(params, ("eligible_themes", "themes"), on, "een nieuwe lijst van thema’s")],
    }


def _sources_list(params: Parameters, on: date) -> dict:
    rows = []
    for source_id, source in params.sources.items():
        checked = source.get("checked")
        rows.append([_link(params, source_id), source["title"],
                     f"laatst nagekeken op {long_date(date.fromisoformat(checked))}" if checked else "nog niet nagekeken"])
    return {
        "caption": "Bronnen van de gegevens",
        "headers": ["Bron", "Titel", "Nagekeken"],
        "rows": rows,
        "notes": ["Nagekeken: de laatste keer dat we de cijfers van de rekenhulp naast de bron legden."],
    }


def _choices_list(params: Parameters, on: date) -> dict:
    rows = []
    for found in choices(params):
        text = found["choice"]
        if found["dates_display"]:
            text += f" Dit speelt alleen voor een aanvraag van {' of '.join(found['dates_display'])}."
        rows.append([found["subject"], found["start_display"], text])
    return {
        "caption": "Keuzes waar de bronnen verschillen of zwijgen",
        "headers": ["Waarover", "Geldt vanaf", "Onze keuze"],
        "rows": rows or [["Geen", "", "De bronnen zijn het overal eens."]],
        "notes": [],
    }


_BUILDERS = {
    "tarieven": _rates,
    "plafonds": _caps,
    "minimums": _minimums,
    "grootte": _sizes,
    "tijdlijn": _timeline,
    "themas": _themes,
    "bronnen": _sources_list,
    "keuzes": _choices_list,
}
