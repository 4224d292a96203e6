"""The one door: ``evaluate(request) -> response``, JSON-compatible both ways, never raising.

The browser worker, the CLI and the tests all call this. Amounts leave as strings with two
decimals ("4500.00"), and as Dutch display text ("€ 4.500"), rounded once, at the end.
A request with ``services`` is a plan of several services (plan.py); each of its rows goes
through ``assessment.assess``, the same code as a single request.
"""

from __future__ import annotations

from datetime import date

from . import by_size, plan, years
from .assessment import assess, size_of
from .parameters import Parameters, load
from .request import Request, read

INTERNAL_ERROR = (
    "Er ging onverwacht iets mis bij het berekenen. Kijk je gegevens na of neem contact met ons op."
)


def evaluate(request, parameters: Parameters | None = None, today: date | None = None) -> dict:
    """Evaluate one request or a plan (see README). Bad input gives ``ok: false`` with one error per field."""
    try:
        run = plan.evaluate if plan.is_plan(request) else _evaluate
        params, today = parameters or load(), today or date.today()
        return by_size.add(run(request, params, today), request, lambda sized: run(sized, params, today))
    except Exception:  # the last guard of a public door: the fuzz tests keep this path unused
        return {"ok": False, "errors": [{"field": "request", "message": INTERNAL_ERROR}], "warnings": [],
                "internal_error": True}


def _evaluate(raw, params: Parameters, today: date) -> dict:
    request = read(raw, params, today)
    if not isinstance(request, Request):
        return {"ok": False, "errors": list(request), "warnings": list(getattr(request, "warnings", []))}
    response = assess(request, params, size_of(request, params), years.counted(request))
    return years.told(response, request, params)
