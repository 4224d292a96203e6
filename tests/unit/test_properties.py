from decimal import Decimal

from hypothesis import given, settings

from kmo_portefeuille import evaluate

from tests.support.rules import TODAY
from .shape import assert_valid_shape
from .strategies import any_requests, valid_requests


@settings(max_examples=300, deadline=None)
@given(valid_requests)
def test_support_is_bounded(request):
    response = evaluate(request, today=TODAY)
    assert_valid_shape(response)
    if not response["ok"]:
        return
    support, cost = Decimal(response["support"]), Decimal(response["cost"])
    cap, received = Decimal(response["cap"]), Decimal(response["received"])
    rate = Decimal(response["rate_percent"])
    assert support >= 0
    assert support <= max(cap - received, Decimal(0))
    assert support <= cost * rate / 100 + Decimal("0.005")  # rounded half up to cents, once
    assert Decimal(response["own_share"]) + support == cost
    if not response["eligible"]:
        assert support == 0


@settings(max_examples=500, deadline=None)
@given(any_requests)
def test_evaluate_never_raises_and_always_answers_in_shape(request):
    assert_valid_shape(evaluate(request, today=TODAY))
