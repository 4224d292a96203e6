"""The company's own details on the pages (mkdocs.yml `extra.company`): the provider number where
<!-- kmo: erkenningsnummer --> stands, and every detail in the footer (partials/copyright.html).
An empty value is left out of the pages, never made up, and the build warns for it."""

from __future__ import annotations

from .build_warnings import warn_once

# The footer's details, in the order they are shown, with what the site does while one is empty.
FIELDS = {
    "legal_name": "de voettekst toont geen naam",
    "address": "de voettekst toont geen adres",
    "company_number": "de voettekst toont geen ondernemingsnummer",
    "provider_number": "de pagina's vragen bezoekers te bellen voor het erkenningsnummer",
    "opening_hours": "de voettekst toont geen openingsuren",
}


def company_details(extra) -> dict:
    """{key: text or ""} for every key of FIELDS; provider_number is ECX's registration number as
    a kmo-portefeuille provider (DV.A…)."""
    company = (extra or {}).get("company") or {}
    if not isinstance(company, dict):
        company = {}
    return {key: str(company.get(key) or "").strip() for key in FIELDS}


def warn_empty_details(company: dict) -> None:
    """One warning naming every empty detail, once per process (not on every rebuild of `mkdocs serve`):
    the company's own details are filled in by whoever knows them, not by the editor of a page."""
    empty = [f"{key} ({effect})" for key, effect in FIELDS.items() if not company.get(key)]
    if empty:
        warn_once(
            f"nog leeg in mkdocs.yml onder extra.company: {'; '.join(empty)}. De site laat ze weg tot "
            "iemand ze invult; voor een pagina hoef je hier niets aan te doen."
        )
