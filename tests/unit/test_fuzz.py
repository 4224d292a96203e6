"""The large run (make fuzz): at least 10,000 generated requests, arbitrary JSON included."""

import pytest
from hypothesis import HealthCheck, given, settings

from kmo_portefeuille import evaluate

from tests.support.rules import TODAY
from .shape import assert_valid_shape
from .strategies import any_requests


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(any_requests)
def test_ten_thousand_requests_never_break_the_contract(request):
    assert_valid_shape(evaluate(request, today=TODAY))
