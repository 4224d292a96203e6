"""Decimal amounts: rounding to cents, and Dutch (Belgian) display of euro, percent and dates.

Every euro amount and date these give holds a no-break space (U+00A0) where it has a space, so a
phone never wraps it inside ("€ 5.400", "5 januari 2027")."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NBSP = "\u00a0"

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def plain(amount: Decimal) -> str:
    """Machine form for the JSON response: '4500.00'."""
    return f"{cents(amount):.2f}"


def percent(rate: Decimal) -> str:
    """'30', '12.5': no trailing zeros."""
    text = f"{rate.normalize():f}"
    return text


def euro(amount: Decimal) -> str:
    """Belgian display: '€ 7.500,00', with a no-break space."""
    # Format's own grouping, marks swapped: this runs hundreds of times for a year plan.
    text = f"{cents(amount):,.2f}".translate(_BELGIAN_MARKS)
    return f"-€{NBSP}{text[1:]}" if text.startswith("-") else f"€{NBSP}{text}"


_BELGIAN_MARKS = str.maketrans(",.", ".,")


def whole_euro(amount: Decimal) -> str:
    """'€ 10.000' for ceilings in tables and sentences."""
    text = euro(amount)
    return text[:-3] if text.endswith(",00") else text


def number(value: Decimal) -> str:
    """'12,5' or '10.000' for staff counts and figures."""
    value = value.normalize()
    whole, _, frac = f"{abs(value):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) or "0"
    if frac:
        text += "," + frac
    return ("-" if value < 0 else "") + text


def percent_nl(rate: Decimal) -> str:
    return number(rate) + "%"


def long_date(day: date) -> str:
    """'1 februari 2026', with no-break spaces."""
    return f"{day.day}{NBSP}{MONTHS[day.month - 1]}{NBSP}{day.year}"
