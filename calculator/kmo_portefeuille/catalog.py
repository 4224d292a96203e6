"""Vocabulary of the contract with Dutch labels, for forms and messages.

Themes are dated like every parameter: the vocabulary in force on the application date decides
which themes exist, with which label and parent.
"""

from __future__ import annotations

from datetime import date

from .dated import Theme
from .parameters import Parameters, load

SERVICES = {"opleiding": "Opleiding", "advies": "Advies"}
SIZES = {"klein": "Klein (of micro)", "middelgroot": "Middelgroot", "groot": "Groot"}


def themes(params: Parameters, on: date | None = None) -> tuple[Theme, ...]:
    """The themes that exist on ``on`` (default: today)."""
    return params.value_at("themes", on or date.today()) or ()


def theme_labels(params: Parameters, on: date) -> dict[str, str]:
    return {theme.value: theme.label for theme in themes(params, on)}


def theme_parents(params: Parameters, on: date) -> dict[str, str | None]:
    return {theme.value: theme.parent for theme in themes(params, on)}


def every_theme(params: Parameters, on: date | None = None) -> list[dict]:
    """Every theme any entry lists: those in force on ``on`` first, in their order, with the label
    of the latest entry that lists each, and the dates it exists: [{"value", "label", "parent",
    "from", "until"}] ("until": the first day it no longer exists, or None)."""
    entries = params.entries("themes")
    on = on or date.today()
    current = [t.value for t in themes(params, on)]
    latest: dict[str, Theme] = {}
    for entry in entries:
        latest.update({t.value: t for t in entry.value})
    order = current + [value for value in latest if value not in current]
    return [{"value": value, "label": latest[value].label, "parent": latest[value].parent,
             **_span(params, value, on)} for value in order]


def _span(params: Parameters, value: str, on: date) -> dict:
    """The period around ``on`` (or the nearest one) in which the theme exists."""
    listed = [value in {t.value for t in e.value} for e in params.entries("themes")]
    starts = [e.start for e in params.entries("themes")]
    periods, begin = [], None
    for start, present in zip(starts, listed):
        if present and begin is None:
            begin = start
        elif not present and begin is not None:
            periods.append((begin, start))
            begin = None
    if begin is not None:
        periods.append((begin, None))
    around = next((p for p in periods if p[0] <= on and (p[1] is None or on < p[1])), None)
    later = next((p for p in periods if p[0] > on), None)
    chosen = around or later or periods[-1]
    return {"from": chosen[0].isoformat(), "until": chosen[1] and chosen[1].isoformat()}


def absent_theme(params: Parameters, value: str, on: date) -> tuple[str, str, date] | None:
    """Why a theme some entry lists does not exist on ``on``: (label, "later" | "gone", date), or
    None when no entry lists it."""
    known = next((t for t in every_theme(params, on) if t["value"] == value), None)
    if known is None:
        return None
    if date.fromisoformat(known["from"]) > on:
        return known["label"], "later", date.fromisoformat(known["from"])
    return known["label"], "gone", date.fromisoformat(known["until"])


def choices(params: Parameters | None = None, on: date | None = None) -> dict:
    """What a form offers: services, every theme (in force on ``on`` first; with parent and the
    dates it exists), the sizes a visitor may pick."""
    params = params or load()
    return {
        "services": [{"value": k, "label": v} for k, v in SERVICES.items()],
        "themes": every_theme(params, on),
        "sizes": [{"value": k, "label": SIZES[k]} for k in ("klein", "middelgroot")],
    }
