"""Vocabulary of the contract with Dutch labels, for forms and messages."""

from __future__ import annotations

from .parameters import Parameters, load

SERVICES = {"opleiding": "Opleiding", "advies": "Advies"}
SIZES = {"klein": "Klein (of micro)", "middelgroot": "Middelgroot", "groot": "Groot"}


def themes(params: Parameters) -> list[dict]:
    """All themes ever listed, latest labels first wins: [{"value", "label", "parent"}]."""
    return list(params.entries("themes")[-1].value)


def theme_labels(params: Parameters) -> dict[str, str]:
    return {theme["value"]: theme["label"] for theme in themes(params)}


def theme_parents(params: Parameters) -> dict[str, str | None]:
    return {theme["value"]: theme["parent"] for theme in themes(params)}


def choices(params: Parameters | None = None) -> dict:
    """What a form offers: services, themes (with parent), the sizes a visitor may pick."""
    params = params or load()
    return {
        "services": [{"value": k, "label": v} for k, v in SERVICES.items()],
        "themes": themes(params),
        "sizes": [{"value": k, "label": SIZES[k]} for k in ("klein", "middelgroot")],
    }
