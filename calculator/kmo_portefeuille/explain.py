"""The Dutch explanations in a response: why a service is refused, how the rate, the cap and
the deadlines apply, and the one-line summary. Every text that cites a rule names its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import catalog, subsidy
from .money import euro, long_date, percent, whole_euro
from .parameters import Parameters
from .reasons import reason
from .size import large_excluded


def given_size(size: str) -> list[dict]:
    reasons = [reason("grootte_opgegeven", f"Je gaf zelf aan dat je onderneming {catalog.SIZES[size].lower()} is.")]
    if size == "groot":
        reasons.append(large_excluded())
    return reasons


def size_fixed() -> dict:
    return reason(
        "grootte_vastgelegd",
        "VLAIO legt je grootte vast bij je eerste geslaagde aanvraag van het kalenderjaar, voor vennootschappen "
        "met de cijfers van de Nationale Bank. Die grootte blijft de rest van dat jaar gelden.",
    )


def maatwerkbedrijf(params: Parameters, on: date, size: str) -> tuple[str, dict]:
    """(the size whose rates and cap apply, why) for a recognised maatwerkbedrijf."""
    entry = params.entry_at("maatwerkbedrijf_size_groups", on)
    if entry.value is None:
        start = next((e.start for e in params.entries("maatwerkbedrijf_size_groups") if e.value is not None), None)
        since = f" Dat kan pas voor aanvragen vanaf {long_date(start)}." if start else ""
        return size, reason("maatwerkbedrijf", "Voor deze aanvraagdatum geldt geen aparte regeling voor "
                                               f"maatwerkbedrijven.{since}") | _source(params, entry.source)
    applied = entry.value[size]
    message = (f"Als erkend maatwerkbedrijf krijg je sinds {long_date(entry.start)} de steun van een "
               f"{'kleine' if applied == 'klein' else 'middelgrote'} onderneming.")
    if size == "groot":  # the cap of a large one is a choice, and other conditions may differ: say so here only
        message += " Dat geldt ook voor een groot maatwerkbedrijf. " + " ".join(t for t in (entry.choice, entry.note) if t)
    return applied, reason("maatwerkbedrijf", message) | _source(params, entry.source)


def below_minimum(params: Parameters, service: str, cost: Decimal, minimum: Decimal, entry) -> dict:
    return reason(
        "onder_minimum",
        f"Een {service} moet minstens {whole_euro(minimum)} excl. btw kosten om in aanmerking te komen; "
        f"je vulde {euro(cost)} in.",
        blocking=True,
    ) | _source(params, entry.source)


def cap_reached(received: Decimal, cap: Decimal, on: date) -> dict:
    return reason(
        "plafond_bereikt",
        f"Je onderneming kreeg dit kalenderjaar al {euro(received)} steun: het jaarplafond van {whole_euro(cap)} "
        f"is bereikt. Op {long_date(date(on.year + 1, 1, 1))} begint een nieuw plafond.",
        blocking=True,
    )


def _source(params: Parameters, source_id: str) -> dict:
    found = params.source(source_id)
    return {"source": found["url"], "source_title": found["title"]}


def theme_refused(params: Parameters, service: str, theme: str, on: date) -> list[dict]:
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
        message += f" Twijfel je of je vraag onder {listed} valt? Vraag het vooraf na bij VLAIO."
    return [reason("thema_niet_toegelaten", message, blocking=True) | _source(params, entry.source)]


def rate_reason(params: Parameters, rate: subsidy.Rate, size: str) -> dict:
    # No note here: a choice about the rate is added by choices.py, and only when the case depends on it.
    message = (
        f"Steunpercentage {percent(rate.percent)}% voor een {'kleine' if size == 'klein' else 'middelgrote'} "
        f"onderneming ({rate.scheme.label.lower()}), voor aanvragen ingediend vanaf {long_date(rate.entry.start)}."
    )
    return reason("tarief", message) | _source(params, rate.entry.source)


def cap_reason(cap, cap_entry, received, granted, remaining_after, limited) -> dict:
    already = f"Je kreeg dit jaar al {euro(received)}" if received else "Je kreeg dit jaar nog geen steun"
    message = (
        f"Het jaarplafond is {whole_euro(cap)} steun per kalenderjaar en per onderneming (sinds "
        f"{long_date(cap_entry.start)}). {already}; na deze dienst blijft er {euro(remaining_after)} over."
    )
    if limited:
        return reason("plafond_beperkt", "De steun is beperkt tot wat er nog overblijft van het jaarplafond. " + message)
    return reason("plafond", message)


def deadlines(params: Parameters, on: date) -> list[dict]:
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
            "message": f"Stort je eigen bijdrage binnen {terms['own_share_within_days']} kalenderdagen na je aanvraag, "
            "precies volgens de instructies die je bij je aanvraag krijgt (bedrag, rekening en mededeling).",
        },
        {
            "code": "afronding",
            "date": finish.isoformat(),
            "date_display": long_date(finish),
            "message": f"De dienst moet afgerond zijn uiterlijk op {long_date(finish)}. Geef daarna zelf de opdracht "
            "tot betaling aan de dienstverlener: wie dat vergeet, verliest de steun.",
        },
    ]


def summary(eligible: bool, granted: Decimal, rate: Decimal, own_share: Decimal, reasons: list[dict]) -> str:
    if eligible:
        return f"Je krijgt {euro(granted)} steun ({percent(rate)}%) en betaalt zelf {euro(own_share)} (excl. btw)."
    first = next(r for r in reasons if r["blocking"])
    return "Geen steun via de kmo-portefeuille. " + first["message"]
