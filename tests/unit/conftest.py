from datetime import date

import pytest

from kmo_portefeuille import evaluate

TODAY = date(2026, 11, 27)


def run(**request):
    """Evaluate with a fixed 'today' so tests do not age."""
    return evaluate(request, today=TODAY)


def small(**extra):
    """A request for a small company with one cybersecurity advice of EUR 10,000 on 2026-03-02."""
    request = {"date": "2026-03-02", "service": "advies", "theme": "cybersecurity", "cost": 10000,
               "company": {"size": "klein"}}
    request.update(extra)
    return request


@pytest.fixture
def evaluate_at():
    return lambda request: evaluate(request, today=TODAY)
