"""The company's own details on the pages (mkdocs.yml `extra.company`): the provider number where
<!-- kmo: erkenningsnummer --> stands, and every detail in the footer (partials/copyright.html).
An empty value is left out of the pages, never made up, and the build warns for it."""

from __future__ import annotations

from .build_warnings import warn

# The footer's details, in the order they are shown, with what the build says when one is empty.
FIELDS = {
    "legal_name": "the footer shows no legal name",
    "address": "the footer shows no address",
    "company_number": "the footer shows no company number (KBO)",
    "provider_number": None,  # its own warning, below
    "opening_hours": "the footer shows no opening hours",
}


def company_details(extra) -> dict:
    """{key: text or ""} for every key of FIELDS; provider_number is ECX's registration number as
    a kmo-portefeuille provider (DV.A…)."""
    company = (extra or {}).get("company") or {}
    if not isinstance(company, dict):
        company = {}
    return {key: str(company.get(key) or "").strip() for key in FIELDS}


def warn_without_provider_number(company: dict) -> None:
    """The pages then tell the visitor to ask for the number; the build says it is missing."""
    if not company["provider_number"]:
        warn(
            "extra.company.provider_number in mkdocs.yml is empty: the pages ask visitors to call "
            "for ECX's provider registration number instead of showing it"
        )


def warn_empty_details(company: dict) -> None:
    """One warning per empty footer detail (the provider number has its own)."""
    for key, effect in FIELDS.items():
        if effect and not company.get(key):
            warn(f"extra.company.{key} in mkdocs.yml is empty: {effect}")
