"""The visitor's request read into typed values, or one Dutch error per bad field.

The date is read first: which themes exist depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import balance, catalog, parsing, size as sizing
from .money import long_date
from .parameters import Parameters

LAST_YEAR = 2100  # dates later than this are typing errors
FIRST_YEAR = 2000  # a year of received support before this is a typing error

FIGURE_LABELS = {
    "fte": "het aantal werknemers in VTE",
    "turnover": "de jaaromzet",
    "balance_sheet_total": "het balanstotaal",
}


@dataclass(frozen=True)
class Request:
    on: date
    service: str
    theme: str
    cost: Decimal
    received: Decimal
    size: str | None  # as the visitor gave it, or None: computed from ``company``
    company: sizing.Company | None
    public_share: Decimal
    answers: dict[str, bool]
    maatwerkbedrijf: bool = False  # a recognised maatwerkbedrijf (sheltered and adapted work)
    assumed: tuple[str, ...] = ()  # questions left unanswered, so their default holds (see answer.py)
    received_year: int | None = None  # the calendar year of ``received``; None: the application date's (years.py)
    warnings: tuple[dict, ...] = ()  # input read, but perhaps not as meant (parsing.Warnings)


def read(raw, params: Parameters, today: date) -> Request | list[dict]:
    """The request, or the list of {"field", "message"} errors."""
    if not isinstance(raw, dict):
        return [{"field": "request", "message": "Stuur de gegevens als een object met velden."}]
    errors = parsing.Errors()
    service = read_service(raw, params, today, errors)
    applicant = read_applicant(raw, errors)
    if errors:
        return errors
    return checked(Request(*service, *applicant, tuple(errors.warnings)), params, errors)


def read_service(raw: dict, params: Parameters, today: date, errors: parsing.Errors) -> tuple:
    """(date, service, theme, cost): the fields of one service; a plan reads each row with this."""
    on = parsing.application_date(
        raw.get("date"), "date", errors, today=today, first=params.first_date(), last_year=LAST_YEAR
    )
    service = parsing.choice(
        raw.get("service"), "service", errors, options=catalog.SERVICES,
        missing="Kies of het om een opleiding of een advies gaat.",
    )
    theme = _theme(raw.get("theme"), on, params, errors)
    cost = parsing.amount(raw.get("cost"), "cost", "de prijs van de dienst (excl. btw)", errors)
    return on, service, theme, cost


def read_applicant(raw: dict, errors: parsing.Errors) -> tuple:
    """(received, size, company, public share, checklist answers, maatwerkbedrijf, unanswered
    questions, the year of received): the same for every service of a plan."""
    received = parsing.amount(
        raw.get("received"), "received", "de steun die je dit jaar al kreeg", errors,
        required=False, default=Decimal(0),
    )
    received_year = parsing.year(raw.get("received_year"), "received_year", errors, first=FIRST_YEAR, last=LAST_YEAR)
    size, company, public_share = _company(raw.get("company"), errors)
    answers = _checklist(raw.get("checklist"), errors)
    company_raw = raw.get("company") if isinstance(raw.get("company"), dict) else {}
    maatwerkbedrijf = parsing.flag(company_raw.get("maatwerkbedrijf"), "company.maatwerkbedrijf", errors, default=False)
    return (received, size, company, public_share, answers, maatwerkbedrijf, _unanswered(raw, company_raw),
            received_year)


def checked(request: Request, params: Parameters, errors: parsing.Errors) -> Request | parsing.Errors:
    """The request, or the errors when a balance sheet total left blank decides its size (a plan
    checks its earliest row: its size holds for every row)."""
    for field, message in balance.needed(request, params):
        errors.add(field, message)
    return errors or request


def _unanswered(raw: dict, company: dict) -> tuple[str, ...]:
    """The optional questions left blank: their default (yes; no public share; no maatwerkbedrijf) holds."""
    checklist = raw.get("checklist") if isinstance(raw.get("checklist"), dict) else {}
    blank = [key for key in ("legal_form", "flanders", "main_activity") if parsing.is_blank(checklist.get(key))]
    return (*blank, *(key for key in ("public_share", "maatwerkbedrijf") if parsing.is_blank(company.get(key))))


def _theme(raw, on: date | None, params: Parameters, errors: parsing.Errors) -> str | None:
    """A theme that exists on the application date (any theme ever listed if the date is bad)."""
    options = catalog.theme_labels(params, on) if on else {t["value"]: t["label"] for t in catalog.every_theme(params)}
    typed = raw.strip().lower() if isinstance(raw, str) else None
    absent = catalog.absent_theme(params, typed, on) if on and typed and typed not in options else None
    if absent:
        label, why, day = absent
        if why == "later":
            errors.add("theme", f"Het thema '{label}' bestaat pas vanaf {long_date(day)}. Voor een aanvraag van "
                                f"{long_date(on)} kies je een ander thema, of een datum vanaf {long_date(day)}.")
        else:
            errors.add("theme", f"Het thema '{label}' bestaat niet meer voor aanvragen vanaf {long_date(day)}. "
                                f"Voor een aanvraag van {long_date(on)} kies je een ander thema.")
        return None
    return parsing.choice(raw, "theme", errors, options=options, missing="Kies het thema van de opleiding of het advies.")


def _company(raw, errors: parsing.Errors):
    """(known size or None, sizing.Company or None, public share)."""
    data = parsing.mapping(raw, "company", errors, message="Geef de grootte of de cijfers van je onderneming op.")
    if data is None:
        return None, None, Decimal(0)
    public_share = parsing.share(
        data.get("public_share"), "company.public_share", "het belang van overheden", errors,
        required=False, default=Decimal(0),
    )
    if not parsing.is_blank(data.get("size")):
        known = parsing.choice(
            data.get("size"), "company.size", errors, options=catalog.SIZES, missing="",
        )
        return known, None, public_share or Decimal(0)
    figures = _figures(data, "company", errors, missing_all="Kies de grootte van je onderneming of vul haar cijfers in.")
    previous_raw = parsing.mapping(
        data.get("previous"), "company.previous", errors, message="Geef de cijfers van het jaar ervoor op."
    )
    previous = None
    if previous_raw and not all(parsing.is_blank(previous_raw.get(key)) for key in FIGURE_LABELS):
        previous = _figures(previous_raw, "company.previous", errors, suffix=" van het jaar ervoor")
    holdings = []
    for kind, linked in (("partners", False), ("linked", True)):
        for index, item in enumerate(parsing.items(data.get(kind), f"company.{kind}", errors)):
            holding = _holding(item, f"company.{kind}.{index}", index, linked, errors)
            if holding:
                holdings.append(holding)
    if figures is None or errors:
        return None, None, public_share or Decimal(0)
    return None, sizing.Company(figures, previous, tuple(holdings)), public_share


def _figures(data: dict, prefix: str, errors: parsing.Errors, *, suffix: str = "", missing_all: str | None = None):
    if missing_all and all(parsing.is_blank(data.get(key)) for key in FIGURE_LABELS):
        errors.add(prefix, missing_all)
        return None
    values = {}
    for key, label in FIGURE_LABELS.items():
        if key == "balance_sheet_total":  # optional: balance.needed asks for it when the size depends on it
            values[key] = parsing.amount(data.get(key), f"{prefix}.{key}", label + suffix, errors, required=False)
            continue
        reader = parsing.count if key == "fte" else parsing.amount
        values[key] = reader(data.get(key), f"{prefix}.{key}", label + suffix, errors)
    unreadable = any(e["field"] == f"{prefix}.balance_sheet_total" for e in errors)
    if values["fte"] is None or values["turnover"] is None or unreadable:
        return None
    return sizing.Figures(**values)


def _holding(item: dict, prefix: str, index: int, linked: bool, errors: parsing.Errors):
    name = f"{'verbonden onderneming' if linked else 'partneronderneming'} {index + 1}"
    stake = parsing.share(
        item.get("share"), f"{prefix}.share", f"het belang in {name}", errors, required=not linked,
    )
    figures = _figures(item, prefix, errors, suffix=f" van {name}")
    if figures is None or (stake is None and not linked):
        return None
    return sizing.Holding(figures, stake, linked)


def _checklist(raw, errors: parsing.Errors) -> dict[str, bool]:
    data = parsing.mapping(raw, "checklist", errors, message="Beantwoord de vragen met ja of nee.") or {}
    return {key: parsing.flag(data.get(key), f"checklist.{key}", errors) for key in ("legal_form", "flanders", "main_activity")}


