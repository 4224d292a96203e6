"""Small numbers helpers for the report: medians and ratios, rounded as printed."""

from __future__ import annotations

import statistics


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def ratio(a, b):
    return round(a / b, 2) if a and b else None
