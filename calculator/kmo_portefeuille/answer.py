"""The answer first: the block the page shows before the rule trace (see CONTRACT.md).

``headline`` says the verdict with the amounts (or the one reason that decides a no), ``why`` at
most three short lines, ``next`` what to do now, ``assumed`` what we took for granted because the
visitor left it open. Also ``limited_by_cap``, ``display.rate_line`` and ``display.size``: one line
each, so the page never shows a rate or a size that another line contradicts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from . import catalog, subsidy
from .money import cents, long_date, number, percent_nl, whole_euro
from .parameters import Parameters

MAX_WHY = 3

SIZE_LINES = {"klein": "Klein (of micro)", "middelgroot": "Middelgroot", "groot": "Groot: geen kmo"}

ASSUMED = {
    "legal_form": "We gaan ervan uit dat je onderneming een eenmanszaak, een vrij beroep of een vennootschap is.",
    "flanders": "We gaan ervan uit dat je onderneming een vestiging in Vlaanderen heeft, waar haar mensen werken.",
    "main_activity": "We gaan ervan uit dat de hoofdactiviteit van je onderneming op de lijst van aanvaarde "
                     "activiteiten staat.",
    "public_share": "We gaan ervan uit dat overheden geen belang in je onderneming hebben.",
    "maatwerkbedrijf": "We gaan ervan uit dat je onderneming geen erkend maatwerkbedrijf is.",
}

# The same, as clauses of one sentence ("We gaan ervan uit dat je onderneming …"), for the result's
# single line: five full sentences bury the answer on a phone.
ASSUMED_CLAUSES = {
    "legal_form": "een aanvaarde rechtsvorm heeft",
    "flanders": "in Vlaanderen gevestigd is",
    "main_activity": "een aanvaarde hoofdactiviteit heeft",
    "public_share": "niet in handen is van de overheid",
    "maatwerkbedrijf": "geen erkend maatwerkbedrijf is",
}

CHECKLIST_SHORT = {
    "rechtsvorm": "je onderneming heeft geen rechtsvorm die in aanmerking komt",
    "vestiging": "je onderneming heeft geen vestiging in Vlaanderen",
    "hoofdactiviteit": "de hoofdactiviteit van je onderneming komt niet in aanmerking",
}


def amount(value: Decimal) -> str:
    """'€ 5.400' when the cents are ,00, else '€ 5.400,50'."""
    return whole_euro(cents(value))


def complete(response: dict, request, params: Parameters, rate, limited: bool) -> dict:
    """The ok response with ``answer``, ``limited_by_cap``, ``warnings`` and the two display lines added."""
    eligible = response["eligible"]
    limited = eligible and limited
    codes = [r["code"] for r in response["reasons"]]
    excluded = "overheidsbelang" in codes
    group = params.value_at("group_thresholds", request.on)
    response["display"]["rate_line"] = percent_nl(Decimal(response["rate_percent"])) + (
        ", beperkt door je jaarplafond" if limited else "")
    response["display"]["size"] = (f"Geen kmo: overheden houden "
                                   f"{percent_nl(group['public_share_excludes_from_percent'])} of meer"
                                   if excluded else SIZE_LINES[response["size"]])
    blocking = [r for r in response["reasons"] if r["blocking"]]
    if eligible:
        support, own = Decimal(response["support"]), Decimal(response["own_share"])
        headline = f"Je krijgt {amount(support)} steun; je betaalt zelf {amount(own)}, plus btw."
        why = [_rate_line(params, request, rate, response["size"]), _cap_line(response, limited),
               _size_line(request, response, codes)]
        next_steps = _deadlines(params, request.on)
    else:
        shorts = [_short(r["code"], params, request, response) for r in blocking]
        headline = f"Geen steun: {shorts[0]}."
        why = [_capital(s) + "." for s in shorts[1:]]
        if "overheidsbelang" not in codes:  # else the size from the figures does not count
            why.append(_size_line(request, response, codes))
        next_steps = _what_now(blocking[0]["code"], params, request)
    response["limited_by_cap"] = limited
    response["answer"] = {
        "headline": headline,
        "why": [line for line in why if line][:MAX_WHY],
        "next": next_steps,
        "assumed": _assumed(params, request),
        "assumed_line": assumed_line(_assumed_keys(params, request)),
    }
    return response


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rate_line(params: Parameters, request, rate, size: str) -> str:
    kind = "kleine" if size == "klein" else "middelgrote"
    pct = percent_nl(rate.percent)
    if rate.scheme.themes is None:
        return f"{pct} steun: het gewone percentage voor een {kind} onderneming."
    label = catalog.theme_labels(params, request.on).get(request.theme, request.theme).lower()
    return f"{pct} steun: het verhoogde percentage voor {label}, voor een {kind} onderneming."


def _cap_line(response: dict, limited: bool) -> str:
    cap = Decimal(response["cap"])
    if limited:
        before = max(cap - Decimal(response["received"]), Decimal(0))
        return (f"Je jaarplafond beperkt de steun: van de {amount(cap)} per jaar had je nog {amount(before)} over.")
    return f"Na deze steun heb je dit jaar nog {amount(Decimal(response['cap_remaining']))} over van je jaarplafond " \
           f"van {amount(cap)}."


def _size_line(request, response: dict, codes: list[str]) -> str:
    size = response["size"]
    words = {"klein": "klein", "middelgroot": "middelgroot", "groot": "groot"}
    if "maatwerkbedrijf" in codes and response.get("size_category") == "groot" and size != "groot":
        return "Als erkend maatwerkbedrijf krijg je de steun van een middelgrote onderneming."
    if request.size:
        return f"Je onderneming is {words[size]}: dat gaf je zelf aan."
    if response.get("size_category") == "micro" and size == "klein":
        return "Met je cijfers is je onderneming een micro-onderneming, en die telt als klein."
    return f"Met je cijfers is je onderneming {words[size]} volgens de Europese kmo-definitie."


def _short(code: str, params: Parameters, request, response: dict) -> str:
    """The deciding reason of a no, in a few words (without the capital and the full stop)."""
    service, on = request.service, request.on
    if code == "thema_niet_toegelaten":
        allowed, entry = subsidy.themes_allowed(params, service=service, on=on)
        labels = catalog.theme_labels(params, on)
        since = long_date(entry.start)
        if allowed and len(allowed) == 1:
            return f"sinds {since} komt {service} alleen nog in aanmerking voor {labels[allowed[0]].lower()}"
        if not allowed:
            return f"sinds {since} komt geen enkel {service} nog in aanmerking"
        return f"een {service} over {labels[request.theme].lower()} komt sinds {since} niet in aanmerking"
    if code == "onder_minimum":
        minimum, _ = subsidy.minimum_cost(params, service=service, on=on)
        return f"een {service} moet minstens {amount(minimum)} kosten, zonder btw"
    if code == "plafond_bereikt":
        return f"je jaarplafond van {amount(Decimal(response['cap']))} voor {on.year} is al op"
    if code == "grootte_groot":
        return "een grote onderneming krijgt geen steun via de kmo-portefeuille"
    if code == "overheidsbelang":
        limit = params.value_at("group_thresholds", on)["public_share_excludes_from_percent"]
        return (f"overheden houden {number(request.public_share)}% van je onderneming, en vanaf "
                f"{percent_nl(limit)} is ze geen kmo")
    return CHECKLIST_SHORT[code]


def _step(message: str, day: date | None = None, code: str | None = None) -> dict:
    """A next step; the deadlines and the new cap's date have a ``code`` ("aanvraag" | "eigen_bijdrage"
    | "afronding" | "nieuw_plafond"), by which the calendar (agenda.py) names them."""
    step = {"date": day.isoformat() if day else None, "date_display": long_date(day) if day else None,
            "message": message}
    return {**step, "code": code} if code else step


def _deadlines(params: Parameters, on: date) -> list[dict]:
    """The deadlines of an eligible answer, with their dates where the application date gives them."""
    terms = params.value_at("deadlines", on)
    pay_by = on + timedelta(days=int(terms["own_share_within_days"]))
    finish = date(on.year + int(terms["finish_by_end_of_year_after"]), 12, 31)
    return [
        _step(f"Dien je aanvraag online in, uiterlijk {terms['apply_within_days_after_start']} kalenderdagen na de "
              "start van de dienst.", code="aanvraag"),
        _step(f"Stort je eigen bijdrage uiterlijk op {long_date(pay_by)}, volgens de instructies bij je aanvraag.",
              pay_by, "eigen_bijdrage"),
        _step(f"Rond de dienst af uiterlijk op {long_date(finish)}. Geef daarna zelf de opdracht tot betaling, "
              "anders verlies je de steun.", finish, "afronding"),
    ]


def _what_now(code: str, params: Parameters, request) -> list[dict]:
    service, theme, on = request.service, request.theme, request.on
    steps = []
    if code == "thema_niet_toegelaten":
        allowed, _ = subsidy.themes_allowed(params, service=service, on=on)
        labels = catalog.theme_labels(params, on)
        if allowed and len(allowed) == 1:
            steps.append(_step(f"Een {service} over {labels[allowed[0]].lower()} komt wel in aanmerking."))
        other = next(s for s in catalog.SERVICES if s != service)
        other_allowed, _ = subsidy.themes_allowed(params, service=other, on=on)
        if subsidy.theme_qualifies(other_allowed, theme, catalog.theme_parents(params, on)):
            steps.append(_step(f"Een {other} over {labels[theme].lower()} komt wel in aanmerking."))
    elif code == "onder_minimum":
        minimum, _ = subsidy.minimum_cost(params, service=service, on=on)
        steps.append(_step(f"Een {service} vanaf {amount(minimum)}, zonder btw, komt wel in aanmerking."))
    elif code == "plafond_bereikt":
        new_year = date(on.year + 1, 1, 1)
        steps.append(_step(f"Op {long_date(new_year)} begint een nieuw jaarplafond.", new_year, "nieuw_plafond"))
    elif code == "grootte_groot":
        groups = params.entries("maatwerkbedrijf_size_groups")
        since = next((e.start for e in groups if e.value is not None and e.start <= on), None)
        if since and not request.maatwerkbedrijf:
            steps.append(_step("Is je onderneming een erkend maatwerkbedrijf? Duid dat dan aan: sinds "
                               f"{long_date(since)} kan ook een groot maatwerkbedrijf steun krijgen."))
        steps.append(_step("Kijk je cijfers na: ze komen uit je laatst afgesloten boekjaar."))
    else:
        steps.append(_step("Klopt je antwoord niet? Pas het dan aan."))
    steps.append(_step("Twijfel je? Vraag het vooraf na bij VLAIO."))
    return steps


def _assumed_keys(params: Parameters, request) -> list[str]:
    # Before maatwerkbedrijven had a rule of their own, the answer to that question changes nothing.
    moot = {"maatwerkbedrijf"} if params.value_at("maatwerkbedrijf_size_groups", request.on) is None else set()
    return [key for key in ASSUMED if key in request.assumed and key not in moot]


def _assumed(params: Parameters, request) -> list[str]:
    return [ASSUMED[key] for key in _assumed_keys(params, request)]


def assumed_line(keys: list[str]) -> str:
    """One sentence for what was assumed ("" when nothing was)."""
    clauses = [ASSUMED_CLAUSES[key] for key in keys]
    if not clauses:
        return ""
    listed = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " en " + clauses[-1]
    return f"We gaan ervan uit dat je onderneming {listed}."
