"""Reading parameters.json: every entry checked and typed once, at load, with every problem told
to the editor in Dutch (which parameter, which entry, what is wrong)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from .dated import Entry, Scheme, Theme, entry_at

SERVICES = ("opleiding", "advies")
SIZES = ("klein", "middelgroot")
ENTRY_KEYS = {"from", "value", "source", "also", "change", "note", "choice", "choice_dates"}
SCHEME_KEYS = {"name", "label", "services", "themes", "values"}
SOURCE_KEYS = {"label", "title", "url", "checked"}
CEILING_KEYS = ("category", "counts_as", "staff_below", "turnover_max", "balance_sheet_total_max")
TOP_KEYS = {"$schema", "about", "sources", "programme_start", "rates", "annual_cap", "minimum_cost", "eligible_themes",
            "themes", "size_ceilings", "group_thresholds", "deadlines", "maatwerkbedrijf_size_groups", "application_url"}


class ParameterError(ValueError):
    """parameters.json does not hold what the rules need; ``problems`` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("parameters.json klopt niet:\n" + "\n".join(f"- {p}" for p in problems))


class Problem(Exception):
    """One thing wrong with one value."""


def iso_date(text: Any, what: str = "de datum") -> date:
    if not isinstance(text, str):
        raise Problem(f"{what} moet een datum zijn zoals \"2027-01-01\", niet {text!r}")
    try:
        return date.fromisoformat(text) if len(text) == 10 else _bad_date(text, what)
    except ValueError:
        return _bad_date(text, what)


def _bad_date(text: str, what: str) -> date:
    raise Problem(f"{what} \"{text}\" is geen bestaande datum in de vorm JJJJ-MM-DD (bijvoorbeeld \"2027-01-01\")")


def number(raw: Any, what: str) -> Decimal:
    """A non-negative amount or percentage, written as a string ("7500") or a number."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise Problem(f"{what} moet een getal zijn, zoals \"7500\", niet {raw!r}")
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise Problem(f"{what} moet een getal zijn met een punt als decimaalteken, zoals \"7500\" of \"12.5\"; "
                      f"nu staat er {raw!r}") from None
    if not value.is_finite() or value < 0:
        raise Problem(f"{what} moet een getal van 0 of meer zijn, niet {raw!r}")
    return value


def _exact_keys(raw: Any, keys: tuple[str, ...], what: str) -> dict:
    if not isinstance(raw, dict):
        raise Problem(f"{what} moet een object zijn met de sleutels {', '.join(keys)}")
    missing = [k for k in keys if k not in raw]
    extra = [k for k in raw if k not in keys]
    if missing or extra:
        told = ([f"ontbreekt: {', '.join(missing)}"] if missing else []) + (
            [f"onbekend: {', '.join(extra)}"] if extra else [])
        raise Problem(f"{what} moet precies de sleutels {', '.join(keys)} hebben ({'; '.join(told)})")
    return raw


def numbers(keys: tuple[str, ...]) -> Callable[[Any], dict]:
    def read(raw):
        raw = _exact_keys(raw, keys, "de waarde")
        return {k: number(raw[k], f"de waarde voor '{k}'") for k in keys}
    return read


def whole_numbers(keys: tuple[str, ...]) -> Callable[[Any], dict]:
    def read(raw):
        values = numbers(keys)(raw)
        for key, value in values.items():
            if value != value.to_integral_value():
                raise Problem(f"de waarde voor '{key}' moet een geheel getal zijn, niet {raw[key]!r}")
        return {k: int(v) for k, v in values.items()}
    return read


def theme_lists(raw: Any) -> dict:
    raw = _exact_keys(raw, SERVICES, "de waarde")
    out = {}
    for service in SERVICES:
        listed = raw[service]
        if listed is not None and not (isinstance(listed, list) and all(isinstance(t, str) and t for t in listed)):
            raise Problem(f"de waarde voor '{service}' moet null zijn (geen beperking) of een lijst van thema's")
        out[service] = None if listed is None else tuple(listed)
    return out


def vocabulary(raw: Any) -> tuple:
    if not isinstance(raw, list) or not raw:
        raise Problem("de waarde moet een lijst van thema's zijn, elk met value, label en parent")
    themes = []
    for item in raw:
        item = _exact_keys(item, ("value", "label", "parent"), "elk thema")
        if not (isinstance(item["value"], str) and item["value"] and isinstance(item["label"], str) and item["label"]):
            raise Problem(f"thema {item['value']!r}: value en label moeten niet-lege tekst zijn")
        themes.append(Theme(item["value"], item["label"], item["parent"]))
    values = [t.value for t in themes]
    doubles = sorted({v for v in values if values.count(v) > 1})
    if doubles:
        raise Problem(f"het thema {', '.join(doubles)} staat er meer dan één keer in")
    for theme in themes:
        if theme.parent is not None and (theme.parent not in values or theme.parent == theme.value):
            raise Problem(f"thema '{theme.value}': het hoofdthema '{theme.parent}' staat niet in dezelfde lijst")
    return tuple(themes)


def ceilings(raw: Any) -> tuple:
    if not isinstance(raw, list) or not raw:
        raise Problem("de waarde moet een lijst van categorieën zijn, van klein naar groot")
    out = []
    for item in raw:
        item = _exact_keys(item, CEILING_KEYS, "elke categorie")
        if item["counts_as"] not in SIZES:
            raise Problem(f"categorie '{item['category']}': counts_as moet {' of '.join(SIZES)} zijn")
        out.append({**item, **{k: number(item[k], f"'{k}' van '{item['category']}'") for k in CEILING_KEYS[2:]}})
    return tuple(out)


def size_groups(raw: Any) -> dict | None:
    """None, or per size under the EU definition the size whose rates and cap apply."""
    if raw is None:
        return None
    raw = _exact_keys(raw, (*SIZES, "groot"), "de waarde")
    for key, size in raw.items():
        if size not in SIZES:
            raise Problem(f"de waarde voor '{key}' moet {' of '.join(SIZES)} zijn, niet {size!r}")
    return dict(raw)


def web_address(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.startswith("https://") or any(c.isspace() for c in raw):
        raise Problem(f"de waarde moet een webadres zijn dat met https:// begint, niet {raw!r}")
    return raw


def programme_start(raw: Any) -> date:
    return iso_date(raw, "de waarde")


SHAPES: dict[str, Callable[[Any], Any]] = {
    "programme_start": programme_start,
    "annual_cap": numbers(SIZES),
    "minimum_cost": numbers(SERVICES),
    "eligible_themes": theme_lists,
    "themes": vocabulary,
    "size_ceilings": ceilings,
    "group_thresholds": numbers(("partner_from_percent", "linked_above_percent", "public_share_excludes_from_percent")),
    "maatwerkbedrijf_size_groups": size_groups,
    "deadlines": whole_numbers(("apply_within_days_after_start", "own_share_within_days", "finish_by_end_of_year_after")),
    "application_url": web_address,
}
RATE_SHAPE = numbers(SIZES)


def read(data: Any) -> tuple[dict[str, dict], dict[str, tuple[Entry, ...]], tuple[Scheme, ...]]:
    """(sources, entries per parameter, rate schemes), or ParameterError listing every problem."""
    if not isinstance(data, dict):
        raise ParameterError(["het bestand moet één JSON-object zijn, met de parameters als sleutels"])
    problems: list[str] = []
    problems += [f"onbekende parameter '{k}' (gekend: {', '.join(sorted(TOP_KEYS))})" for k in data if k not in TOP_KEYS]
    problems += [f"de parameter '{k}' ontbreekt" for k in sorted(TOP_KEYS - {"$schema", "about"}) if k not in data]
    sources = _sources(data.get("sources"), problems)
    entries = {name: _entries(name, data.get(name), shape, sources, problems) for name, shape in SHAPES.items()
               if name in data}
    schemes = _schemes(data.get("rates"), sources, problems) if "rates" in data else ()
    if not problems:
        _coverage(entries, schemes, problems)
        _theme_references(entries, schemes, problems)
    if problems:
        raise ParameterError(problems)
    return sources, entries, schemes


def _sources(raw: Any, problems: list[str]) -> dict[str, dict]:
    if not isinstance(raw, dict) or not raw:
        problems.append("'sources' moet een object zijn met per bron een id als sleutel")
        return {}
    for source_id, source in raw.items():
        where = f"sources, bron '{source_id}'"
        if not isinstance(source, dict):
            problems.append(f"{where}: moet een object zijn met label, title, url en checked")
            continue
        problems += [f"{where}: onbekende sleutel '{k}' (gekend: {', '.join(sorted(SOURCE_KEYS))})"
                     for k in source if k not in SOURCE_KEYS]
        for key in ("label", "title", "url"):
            if not isinstance(source.get(key), str) or not source[key].strip():
                problems.append(f"{where}: '{key}' ontbreekt of is leeg")
        if isinstance(source.get("url"), str) and not source["url"].startswith("https://"):
            problems.append(f"{where}: de url moet met https:// beginnen")
        if "checked" in source:
            try:
                iso_date(source["checked"], "'checked'")
            except Problem as problem:
                problems.append(f"{where}: {problem}")
    return raw


def _entry(raw: Any, where: str, shape: Callable[[Any], Any], sources: dict) -> Entry:
    if not isinstance(raw, dict):
        raise Problem("moet een object zijn met from, value en source")
    unknown = [k for k in raw if k not in ENTRY_KEYS]
    if unknown:
        raise Problem(f"onbekende sleutel {', '.join(map(repr, unknown))} (gekend: {', '.join(sorted(ENTRY_KEYS))})")
    for key in ("from", "value", "source"):
        if key not in raw:
            raise Problem(f"'{key}' ontbreekt")
    start = iso_date(raw["from"], "'from'")
    also = raw.get("also", [])
    if not isinstance(also, list):
        raise Problem("'also' moet een lijst van bron-id's zijn")
    for source_id in [raw["source"], *also]:
        if not isinstance(source_id, str) or source_id not in sources:
            raise Problem(f"de bron {source_id!r} staat niet bij 'sources' (gekend: {', '.join(sources)})")
    for key in ("change", "note", "choice"):
        if key in raw and not (isinstance(raw[key], str) and raw[key].strip()):
            raise Problem(f"'{key}' moet tekst zijn")
    days = _choice_dates(raw)
    return Entry(start, shape(raw["value"]), raw["source"], tuple(also), raw.get("change"), raw.get("note"),
                 raw.get("choice"), days)


def _choice_dates(raw: dict) -> tuple[tuple[date, date], ...]:
    """'choice_dates': ISO dates ("2021-09-13") or ISO intervals ("2019-12-01/2019-12-31"), only beside a 'choice'."""
    if "choice_dates" not in raw:
        return ()
    listed = raw["choice_dates"]
    if "choice" not in raw:
        raise Problem("'choice_dates' hoort bij een 'choice': schrijf de keuze erbij of laat de datums weg")
    if not isinstance(listed, list) or not listed or not all(isinstance(d, str) for d in listed):
        raise Problem("'choice_dates' moet een lijst zijn van datums (\"2021-09-13\") of periodes "
                      "(\"2019-12-01/2019-12-31\")")
    days = []
    for text in listed:
        first, _, last = text.partition("/")
        first_day = iso_date(first, "'choice_dates'")
        last_day = iso_date(last, "'choice_dates'") if last else first_day
        if last_day < first_day:
            raise Problem(f"'choice_dates': de periode \"{text}\" eindigt vóór ze begint")
        days.append((first_day, last_day))
    return tuple(days)


def _entries(name: str, raw: Any, shape: Callable[[Any], Any], sources: dict, problems: list[str]) -> tuple[Entry, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{name}: moet een lijst van gedateerde items zijn (minstens één)")
        return ()
    entries = []
    for number_, item in enumerate(raw, start=1):
        when = item.get("from") if isinstance(item, dict) else None
        where = f"{name}, item vanaf {when}" if isinstance(when, str) else f"{name}, item {number_}"
        try:
            entries.append(_entry(item, where, shape, sources))
        except Problem as problem:
            problems.append(f"{where}: {problem}")
    for before, after in zip(entries, entries[1:]):
        if after.start == before.start:
            problems.append(f"{name}: twee items vanaf dezelfde datum {after.start.isoformat()}; houd er één")
        elif after.start < before.start:
            problems.append(f"{name}: het item vanaf {after.start.isoformat()} staat na dat vanaf "
                            f"{before.start.isoformat()}; zet de items in volgorde van datum, de oudste eerst")
    return tuple(sorted(entries, key=lambda e: e.start))


def _schemes(raw: Any, sources: dict, problems: list[str]) -> tuple[Scheme, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append("rates: moet een lijst van tarieven zijn")
        return ()
    schemes = []
    for number_, scheme in enumerate(raw, start=1):
        if not isinstance(scheme, dict) or not isinstance(scheme.get("name"), str):
            problems.append(f"rates, tarief {number_}: moet een object zijn met name, label, services, themes en values")
            continue
        where = f"rates, tarief '{scheme['name']}'"
        unknown = [k for k in scheme if k not in SCHEME_KEYS]
        if unknown:
            problems.append(f"{where}: onbekende sleutel {', '.join(map(repr, unknown))}")
        services, themes = scheme.get("services"), scheme.get("themes")
        if not isinstance(scheme.get("label"), str) or not scheme["label"]:
            problems.append(f"{where}: 'label' ontbreekt")
        if not isinstance(services, list) or not services or any(s not in SERVICES for s in services):
            problems.append(f"{where}: 'services' moet een lijst zijn met {' en/of '.join(SERVICES)}")
            continue
        if themes is not None and not (isinstance(themes, list) and themes and all(isinstance(t, str) for t in themes)):
            problems.append(f"{where}: 'themes' moet null zijn (elk thema) of een lijst van thema's")
            continue
        entries = _entries(f"{where}, values", scheme.get("values"), RATE_SHAPE, sources, problems)
        schemes.append(Scheme(scheme["name"], scheme.get("label") or "", tuple(services),
                              None if themes is None else tuple(themes), entries))
    return tuple(schemes)


def _coverage(entries: dict, schemes: tuple[Scheme, ...], problems: list[str]) -> None:
    """From the programme's start, every parameter and a general rate per service is in force."""
    first = entries["programme_start"][0].value
    for name, found in entries.items():
        if found[0].start > first:
            problems.append(f"{name}: het eerste item begint op {found[0].start.isoformat()}, na de start van de "
                            f"regeling ({first.isoformat()}); er moet een item zijn dat op {first.isoformat()} geldt")
    for service in SERVICES:
        if not any(s.themes is None and service in s.services and s.entries[0].start <= first for s in schemes):
            problems.append(f"rates: geen standaardtarief (themes: null) voor {service} vanaf {first.isoformat()}")


def _theme_references(entries: dict, schemes: tuple[Scheme, ...], problems: list[str]) -> None:
    """Every theme a rule names exists in the vocabulary in force on that rule's date."""
    vocabularies = entries["themes"]

    def check(where: str, day: date, named) -> None:
        vocabulary = entry_at(vocabularies, day)
        known = {t.value for t in vocabulary.value} if vocabulary else set()
        for theme in named:
            if theme not in known:
                problems.append(f"{where}: het thema '{theme}' staat niet in 'themes' zoals die op "
                                f"{day.isoformat()} gelden; voeg het daar toe of kies een bestaand thema")

    for entry in entries["eligible_themes"]:
        for service, listed in entry.value.items():
            check(f"eligible_themes, item vanaf {entry.start.isoformat()} ({service})", entry.start, listed or ())
    for scheme in schemes:
        for entry in scheme.entries:
            check(f"rates, tarief '{scheme.name}', item vanaf {entry.start.isoformat()}", entry.start, scheme.themes or ())
