"""The site's tables of rates, caps, ceilings, minimums, themes and changes, straight from the
parameter data, so a page and the calculator can never disagree. Cells are Markdown-safe text."""

from __future__ import annotations

from datetime import date

from . import catalog
from .money import long_date, number, percent_nl, whole_euro
from .parameters import Parameters, load

TABLE_NAMES = ("tarieven", "plafonds", "minimums", "grootte", "tijdlijn", "themas", "bronnen")


def table(name: str, params: Parameters | None = None, on: date | None = None) -> dict:
    """{"caption", "headers", "rows", "notes"} for one of TABLE_NAMES (KeyError otherwise)."""
    if name not in TABLE_NAMES:
        raise KeyError(f"onbekende tabel '{name}'; kies uit {', '.join(TABLE_NAMES)}")
    params, on = params or load(), on or date.today()
    built = _BUILDERS[name](params, on)
    built["notes"] = [*built["notes"], f"Opgemaakt op {long_date(on)} uit de gegevens van de rekenhulp."]
    return built


def _start(entry, on: date) -> str:
    """The start date of a row; a change still to come is shown as announced."""
    return long_date(entry.start) if entry.start <= on else f"vanaf {long_date(entry.start)}, aangekondigd"


def _link(params: Parameters, source_id: str) -> str:
    source = params.source(source_id)
    label = source["label"].replace("|", "/").replace("[", "(").replace("]", ")")
    return f"[{label}]({source['url']})"


def _sources(params: Parameters, entry) -> str:
    """The entry's source and any extra ones ('also'), each linked."""
    return "; ".join(_link(params, source_id) for source_id in entry.sources)


def _announced(params: Parameters, names: tuple[str, ...], on: date, otherwise: str) -> list[str]:
    """A note per change still to come in a table that shows the state on ``on``."""
    return [f"Aangekondigd vanaf {long_date(e.start)}: {e.change or otherwise} ({_sources(params, e)})."
            for name in names for e in params.entries(name) if e.start > on]


def _notes(params: Parameters, entries) -> list[str]:
    return [f"Vanaf {long_date(e.start)}: {e.note}" for e in entries if e.note]


def _rates(params: Parameters, on: date) -> dict:
    rows, entries = [], []
    for scheme in params.rate_schemes():
        services = " en ".join(catalog.SERVICES[s].lower() for s in scheme.services)
        for entry in scheme.entries:
            entries.append(entry)
            rows.append((entry.start, [
                _start(entry, on),
                f"{scheme.label} ({services})",
                percent_nl(entry.value["klein"]),
                percent_nl(entry.value["middelgroot"]),
                _sources(params, entry),
            ]))
    rows.sort(key=lambda row: row[0])
    return {
        "caption": "Steunpercentages volgens de datum waarop je de aanvraag indient",
        "headers": ["Aanvragen vanaf", "Tarief", "Kleine onderneming", "Middelgrote onderneming", "Bron"],
        "rows": [cells for _, cells in rows],
        "notes": ["Een tarief geldt tot het volgende in de tabel het vervangt; een verhoogd tarief voor een thema "
                  "gaat voor op het standaardtarief."] + _notes(params, sorted(entries, key=lambda e: e.start)),
    }


def _amounts(name: str, caption: str, headers: list[str], keys: tuple[str, str]):
    """A table of dated euro amounts, one column per key, with each entry's source."""

    def build(params: Parameters, on: date) -> dict:
        entries = params.entries(name)
        return {
            "caption": caption,
            "headers": headers,
            "rows": [[_start(e, on), *(whole_euro(e.value[k]) for k in keys), _sources(params, e)]
                     for e in entries],
            "notes": _notes(params, entries),
        }

    return build


_caps = _amounts(
    "annual_cap", "Maximale steun per kalenderjaar en per onderneming",
    ["Aanvragen vanaf", "Kleine onderneming", "Middelgrote onderneming", "Bron"], ("klein", "middelgroot"),
)
_minimums = _amounts(
    "minimum_cost", "Minimale kostprijs van een dienst (exclusief btw)",
    ["Vanaf", "Opleiding", "Advies", "Bron"], ("opleiding", "advies"),
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
            ceilings.note,
            f"Partnerondernemingen (een belang vanaf {percent_nl(thresholds['partner_from_percent'])} tot en met "
            f"{percent_nl(thresholds['linked_above_percent'])}) tellen mee naar verhouding van het belang; "
            f"verbonden ondernemingen (meer dan {percent_nl(thresholds['linked_above_percent'])} of zeggenschap) "
            "tellen volledig mee.",
            group.note,
            "Bronnen: " + "; ".join(_link(params, i) for i in dict.fromkeys(ceilings.sources + group.sources)) + ".",
            *_announced(params, ("size_ceilings", "group_thresholds"), on, "andere grenzen"),
        ],
    }


def _timeline(params: Parameters, on: date) -> dict:
    found = []
    for name in ("programme_start", "annual_cap", "minimum_cost", "eligible_themes", "maatwerkbedrijf_size_groups", "deadlines"):
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
        "headers": ["Bron", "Wat de bron zegt", "Nagekeken"],
        "rows": rows,
        "notes": ["Nagekeken: de laatste keer dat we de gegevens van de rekenhulp naast de bron legden."],
    }


_BUILDERS = {
    "tarieven": _rates,
    "plafonds": _caps,
    "minimums": _minimums,
    "grootte": _sizes,
    "tijdlijn": _timeline,
    "themas": _themes,
    "bronnen": _sources_list,
}
