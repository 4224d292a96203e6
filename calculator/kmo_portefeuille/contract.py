"""The one door: ``evaluate(request) -> response``, JSON-compatible both ways, never raising.

The browser worker, the CLI and the tests all call this. Amounts leave as strings with two
decimals ("4500.00"), rounded once, here, at the end.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import catalog, parsing, size as sizing, subsidy
from .eligibility import failed_questions
from .money import euro, long_date, percent, percent_nl, plain, whole_euro
from .parameters import Parameters, load
from .reasons import reason

LAST_YEAR = 2100  # dates later than this are typing errors

INTERNAL_ERROR = (
    "Er ging onverwacht iets mis bij het berekenen. Kijk je gegevens na of neem contact met ons op."
)

FIGURE_LABELS = {
    "fte": "het aantal werknemers in VTE",
    "turnover": "de jaaromzet",
    "balance_sheet_total": "het balanstotaal",
}


def evaluate(request, parameters: Parameters | None = None, today: date | None = None) -> dict:
    """Evaluate one request (see README). Bad input gives ``ok: false`` with one error per field."""
    try:
        return _evaluate(request, parameters or load(), today or date.today())
    except Exception:  # the last guard of a public door: the fuzz tests keep this path unused
        return {"ok": False, "errors": [{"field": "request", "message": INTERNAL_ERROR}], "internal_error": True}


def _evaluate(request, params: Parameters, today: date) -> dict:
    if not isinstance(request, dict):
        return _refused([{"field": "request", "message": "Stuur de gegevens als een object met velden."}])
    errors = parsing.Errors()
    on = parsing.application_date(
        request.get("date"), "date", errors, today=today, first=params.first_date(), last_year=LAST_YEAR
    )
    service = parsing.choice(
        request.get("service"), "service", errors, options=catalog.SERVICES,
        missing="Kies of het om een opleiding of een advies gaat.",
    )
    theme = _theme(request.get("theme"), on, params, errors)
    cost = parsing.amount(request.get("cost"), "cost", "de prijs van de dienst (excl. btw)", errors)
    received = parsing.amount(
        request.get("received"), "received", "de steun die je dit jaar al kreeg", errors,
        required=False, default=Decimal(0),
    )
    company = _company(request.get("company"), errors)
    answers = _checklist(request.get("checklist"), errors)
    if errors:
        return _refused(errors)

    reasons = []
    known_size, figures, public_share = company
    if known_size:
        size, category = known_size, None
        reasons.append(reason("grootte_opgegeven", f"Je gaf zelf aan dat je onderneming {catalog.SIZES[size].lower()} is."))
        if size == "groot":
            reasons.append(reason("grootte_groot", "Grote ondernemingen komen niet in aanmerking voor de kmo-portefeuille.", blocking=True))
    else:
        thresholds = params.value_at("group_thresholds", on)
        outcome = sizing.determine(figures, params.value_at("size_ceilings", on), thresholds)
        size, category = outcome.size, outcome.category
        reasons += outcome.reasons
    reasons.append(reason(
        "grootte_vastgelegd",
        "VLAIO legt de grootte vast bij de eerste aanvraag van het kalenderjaar (voor vennootschappen met de "
        "cijfers van de Nationale Bank) en houdt die het hele jaar aan.",
    ))

    group = params.entry_at("group_thresholds", on)
    excluded = sizing.public_share_excludes(public_share, group.value, group.note)
    if excluded:
        size, category = "groot", "groot"
        reasons.append(excluded)
    reasons += failed_questions(answers)
    reasons += _theme_reasons(params, service, theme, on)

    rate = subsidy.rate(params, service=service, theme=theme, size=size, on=on) if size != "groot" else None
    if rate:
        minimum, minimum_entry = subsidy.minimum_cost(params, service=service, on=on)
        if cost < minimum:
            reasons.append(reason(
                "onder_minimum",
                f"Een {service} moet minstens {whole_euro(minimum)} excl. btw kosten om in aanmerking te komen; "
                f"je vulde {euro(cost)} in.",
                blocking=True,
            ) | _source(params, minimum_entry.source))

    cap, cap_entry = subsidy.annual_cap(params, size=size, on=on) if size != "groot" else (Decimal(0), None)
    if cap_entry and received >= cap:
        reasons.append(reason(
            "plafond_bereikt",
            f"Je onderneming kreeg dit kalenderjaar al {euro(received)} steun: het jaarplafond van {whole_euro(cap)} "
            f"is bereikt. Op 1 januari {on.year + 1} begint een nieuw plafond.",
            blocking=True,
        ))

    eligible = rate is not None and not any(r["blocking"] for r in reasons)
    percent_applied = rate.percent if eligible else Decimal(0)
    amounts = subsidy.support(cost=cost, percent=percent_applied, cap=cap, received=received)
    granted = amounts.support if eligible else Decimal(0)
    remaining_after = amounts.remaining_before - granted
    deadlines = _deadlines(params, on) if eligible else []
    if eligible:
        reasons.append(_rate_reason(params, rate, size))
        reasons.append(_cap_reason(cap, cap_entry, received, granted, remaining_after, amounts.limited_by_cap))
        reasons += [reason(f"termijn_{d['code']}", d["message"]) for d in deadlines]

    own_share = cost - Decimal(plain(granted))
    return {
        "ok": True,
        "errors": [],
        "date": on.isoformat(),
        "service": service,
        "theme": theme,
        "size": size,
        "size_category": category,
        "eligible": eligible,
        "rate_percent": percent(percent_applied),
        "cost": plain(cost),
        "support": plain(granted),
        "own_share": plain(own_share),
        "received": plain(received),
        "cap": plain(cap),
        "cap_remaining": plain(remaining_after),
        "display": {
            "date": long_date(on),
            "cost": euro(cost),
            "received": euro(received),
            "support": euro(granted),
            "own_share": euro(own_share),
            "cap": euro(cap),
            "cap_remaining": euro(remaining_after),
            "rate": percent_nl(percent_applied),
        },
        "reasons": reasons,
        "deadlines": deadlines,
        "summary": _summary(eligible, granted, percent_applied, own_share, reasons),
    }


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


def _refused(errors: list[dict]) -> dict:
    return {"ok": False, "errors": list(errors)}


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
        reader = parsing.count if key == "fte" else parsing.amount
        values[key] = reader(data.get(key), f"{prefix}.{key}", label + suffix, errors)
    if any(value is None for value in values.values()):
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


def _source(params: Parameters, source_id: str) -> dict:
    found = params.source(source_id)
    return {"source": found["url"], "source_title": found["title"]}


def _theme_reasons(params: Parameters, service: str, theme: str, on: date) -> list[dict]:
    allowed, entry = subsidy.themes_allowed(params, service=service, on=on)
    parents = catalog.theme_parents(params, on)
    if subsidy.theme_qualifies(allowed, theme, parents):
        return []
    labels = catalog.theme_labels(params, on)
    listed = ", ".join(labels[t] for t in allowed)
    message = f"Een {service} over '{labels[theme]}' komt niet in aanmerking: sinds {long_date(entry.start)} "
    message += (f"komt {service} enkel in aanmerking voor {'het thema' if len(allowed) == 1 else 'de thema’s'} "
                f"{listed}." if allowed else f"komt geen enkel thema voor {service} in aanmerking.")
    other = next(s for s in catalog.SERVICES if s != service)
    other_allowed, _ = subsidy.themes_allowed(params, service=other, on=on)
    if subsidy.theme_qualifies(other_allowed, theme, parents):
        message += f" Een {other} over dit thema komt wel in aanmerking."
    if allowed:
        message += f" Valt een deel van je vraag onder {listed}? Dan kan dat deel wel steun krijgen."
    return [reason("thema_niet_toegelaten", message, blocking=True) | _source(params, entry.source)]


def _rate_reason(params: Parameters, rate: subsidy.Rate, size: str) -> dict:
    message = (
        f"Steunpercentage {percent(rate.percent)}% voor een {'kleine' if size == 'klein' else 'middelgrote'} "
        f"onderneming ({rate.scheme.label.lower()}), voor aanvragen ingediend vanaf {long_date(rate.entry.start)}."
    )
    if rate.entry.note:
        message += " " + rate.entry.note
    return reason("tarief", message) | _source(params, rate.entry.source)


def _cap_reason(cap, cap_entry, received, granted, remaining_after, limited) -> dict:
    message = (
        f"Het jaarplafond is {whole_euro(cap)} steun per kalenderjaar en per onderneming (geldt vanaf "
        f"{long_date(cap_entry.start)}). Je kreeg dit jaar al {euro(received)}; na deze dienst blijft er "
        f"{euro(remaining_after)} over."
    )
    if limited:
        return reason("plafond_beperkt", "De steun is beperkt tot wat er nog overblijft van het jaarplafond. " + message)
    return reason("plafond", message)


def _deadlines(params: Parameters, on: date) -> list[dict]:
    terms = params.value_at("deadlines", on)
    finish = date(on.year + int(terms["finish_by_end_of_year_after"]), 12, 31)
    return [
        {
            "code": "aanvraag",
            "date": None,
            "date_display": None,
            "message": "Dien je aanvraag online in vanaf de inschrijving of de ondertekening, en uiterlijk "
            f"{terms['apply_within_days_after_start']} kalenderdagen na de start van de dienst.",
        },
        {
            "code": "eigen_bijdrage",
            "date": None,
            "date_display": None,
            "message": f"Stort je eigen bijdrage binnen {terms['own_share_within_days']} kalenderdagen nadat de "
            "dienstverlener je aanvraag bevestigt.",
        },
        {
            "code": "afronding",
            "date": finish.isoformat(),
            "date_display": long_date(finish),
            "message": f"De dienst moet afgerond zijn uiterlijk op {long_date(finish)}. Geef daarna zelf de opdracht "
            "tot betaling aan de dienstverlener: wie dat vergeet, verliest de steun.",
        },
    ]


def _summary(eligible: bool, granted: Decimal, rate: Decimal, own_share: Decimal, reasons: list[dict]) -> str:
    if eligible:
        return f"Je krijgt {euro(granted)} steun ({percent(rate)}%) en betaalt zelf {euro(own_share)} (excl. btw)."
    first = next(r for r in reasons if r["blocking"])
    return "Geen steun via de kmo-portefeuille. " + first["message"]
