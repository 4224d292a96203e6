"""What the rules answer for one typical case: the support on a service of EUR 10,000."""

from __future__ import annotations

from datetime import date

from kmo_portefeuille import evaluate
from kmo_portefeuille.parameters import Parameters

from .cases import Case

COST = "10000"
NO_REQUEST = "geen aanvraag mogelijk"


def outcome(params: Parameters, case: Case, today: date) -> str:
    """"45% · € 4.500,00", or why there is no support, as the rules say it."""
    response = evaluate(
        {"date": case.on.isoformat(), "service": case.service, "theme": case.theme, "cost": COST,
         "company": {"size": case.size}},
        parameters=params,
        today=today,
    )
    if not response["ok"]:
        return NO_REQUEST
    display = response["display"]
    if not response["eligible"]:
        return f"geen steun ({display['support']})"
    return f"{display['rate']} · {display['support']}"
