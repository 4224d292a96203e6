"""The company's own details on the pages (mkdocs.yml `extra.company`)."""

from __future__ import annotations

from .build_warnings import warn


def company_details(extra) -> dict:
    """{"provider_number": ECX's registration number as a kmo-portefeuille provider, or ""}."""
    company = (extra or {}).get("company") or {}
    return {"provider_number": str(company.get("provider_number") or "").strip()}


def warn_without_provider_number(company: dict) -> None:
    """The pages then tell the visitor to ask for the number; the build says it is missing."""
    if not company["provider_number"]:
        warn(
            "extra.company.provider_number in mkdocs.yml is empty: the pages ask visitors to call "
            "for ECX's provider registration number instead of showing it"
        )
