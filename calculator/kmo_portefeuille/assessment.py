"""One service assessed for one company: its size, the conditions, the rate and the cap, and the
response for it. A single request and every row of a plan go through ``assess``; ``size_of`` and
``rated_size`` are the sizing steps the balance sheet check repeats with other figures."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from . import answer, choices, explain, size as sizing, subsidy
from .eligibility import failed_questions
from .money import long_date, percent, percent_nl, plain, whole_euro
from .parameters import Parameters
from .reasons import reason

if TYPE_CHECKING:  # request.py reads through balance.py, which uses this module
    from .request import Request


def assess(request: Request, params: Parameters, sized: tuple[str, str | None, list[dict]], received: Decimal) -> dict:
    """One service, for a company sized by ``size_of`` (once per plan) that got ``received`` this
    calendar year before this service."""
    on, service, theme, cost = request.on, request.service, request.theme, request.cost
    size, category, reasons = rated_size(request, params, sized)
    reasons += failed_questions(request.answers)
    reasons += explain.theme_refused(params, service, theme, on)

    rate = subsidy.rate(params, service=service, theme=theme, size=size, on=on) if size != "groot" else None
    if rate:
        minimum, minimum_entry = subsidy.minimum_cost(params, service=service, on=on)
        if cost < minimum:
            reasons.append(explain.below_minimum(params, service, cost, minimum, minimum_entry))
    cap, cap_entry = subsidy.annual_cap(params, size=size, on=on) if size != "groot" else (Decimal(0), None)
    if cap_entry and received >= cap:
        reasons.append(explain.cap_reached(received, cap, on))

    eligible = rate is not None and not any(r["blocking"] for r in reasons)
    percent_applied = rate.percent if eligible else Decimal(0)
    amounts = subsidy.support(cost=cost, percent=percent_applied, cap=cap, received=received)
    granted = amounts.support if eligible else Decimal(0)
    remaining_after = amounts.remaining_before - granted
    deadlines = explain.deadlines(params, on) if eligible else []
    if eligible:
        reasons.append(explain.rate_reason(params, rate, size))
        reasons.append(explain.cap_reason(cap, cap_entry, received, granted, remaining_after, amounts.limited_by_cap))
        reasons += [reason(f"termijn_{d['code']}", d["message"]) for d in deadlines]

    own_share = cost - Decimal(plain(granted))
    money = {"cost": cost, "support": granted, "own_share": own_share, "received": received, "cap": cap,
             "cap_remaining": remaining_after}
    response = {
        "ok": True,
        "errors": [],
        "warnings": list(request.warnings),
        "date": on.isoformat(),
        "service": service,
        "theme": theme,
        "size": size,
        "size_category": category,
        "eligible": eligible,
        "rate_percent": percent(percent_applied),
        **{key: plain(amount) for key, amount in money.items()},
        "display": {"date": long_date(on), **{key: whole_euro(amount) for key, amount in money.items()},
                    "rate": percent_nl(percent_applied)},
        "reasons": choices.told(reasons, params, request),
        "deadlines": deadlines,
        "summary": explain.summary(eligible, granted, percent_applied, own_share, reasons),
    }
    return answer.complete(response, request, params, rate, amounts.limited_by_cap)


def size_of(request: Request, params: Parameters) -> tuple[str, str | None, list[dict]]:
    """(size, category or None when the visitor gave the size, the reasons about size and the public
    share) on the request's date; a plan sizes once, with its earliest row."""
    if request.size:
        size, category, reasons = request.size, None, explain.given_size(request.size)
    else:
        on = request.on
        outcome = sizing.determine(request.company, params.value_at("size_ceilings", on),
                                   params.value_at("group_thresholds", on))
        size, category, reasons = outcome.size, outcome.category, list(outcome.reasons)
    reasons.append(explain.size_fixed())
    group = params.entry_at("group_thresholds", request.on)
    excluded = sizing.public_share_excludes(request.public_share, group.value)
    if excluded:  # no longer a kmo: a size line from the figures would contradict that
        size, category = "groot", "groot"
        reasons = [r for r in reasons if r["group"] != "grootte"] + [excluded]
    return size, category, reasons


def rated_size(request: Request, params: Parameters, sized) -> tuple[str, str | None, list[dict]]:
    """The size whose rates and cap apply on the service's own date: a maatwerkbedrijf's regime is
    dated like a rate. A fresh list of reasons, as a plan shares ``sized`` between its rows."""
    size, category, reasons = sized
    reasons = list(reasons)
    if request.maatwerkbedrijf and not any(r["code"] == "overheidsbelang" for r in reasons):
        applied, why = explain.maatwerkbedrijf(params, request.on, size)
        if applied != size:
            reasons = [r for r in reasons if r["code"] != "grootte_groot"]
        size = applied
        reasons.append(why)
    return size, category, reasons
