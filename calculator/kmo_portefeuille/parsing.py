"""Visitor input in, typed values out: Belgian numbers and dates, or a Dutch error per field.

The browser sends what the visitor typed; this is the one place that reads it. Each reader
returns the value, or None after adding an error to ``errors`` (so every bad field is reported).
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal

from .money import NBSP, cents, euro, number, whole_euro

# Amounts beyond these are typing errors, and Decimal arithmetic stays exact below them.
MAX_AMOUNT = Decimal("1000000000000")  # one trillion euro
MAX_COUNT = Decimal("10000000")
MAX_LIST = 50
MAX_TEXT = 40

_NOISE = re.compile(r"(?i)euros?|eur|€|[\s\u00a0\u202f'’_]")
_DASH_CENTS = re.compile(r"(?<=[0-9])[.,][-\u2013\u2014]{1,2}$")  # "12.000,-": no cents, as Belgian quotes write it
_COMMA_THOUSANDS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")  # "12,000": a decimal comma, or a thousands comma?
_BELGIAN = re.compile(r"(?:[0-9]*|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,[0-9]*)?")  # "12.000,50", "12000", "12,5"
_NUMBER = re.compile(r"[+-]?[0-9.,]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_BE_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")

TRUE_WORDS = {"true", "ja", "yes", "1", "on", "waar"}
FALSE_WORDS = {"false", "nee", "no", "0", "off", "onwaar"}


class Warnings(list):
    """A list of {"field", "message", "read", "suggestion"}: input we read, but maybe not as meant.
    ``read`` is the amount as typed (without "€" and spaces), ``suggestion`` what to put in the field."""

    def add(self, field: str, message: str, suggestion: str, read: str) -> None:
        if not any(warning["field"] == field for warning in self):
            self.append({"field": field, "message": message, "read": read, "suggestion": suggestion})


class Errors(list):
    """A list of {"field", "message"}; ``add`` keeps one message per field.

    ``warnings`` travels with it, so every reader that reports errors can also warn (a plan row
    reads its cost with field "services[1].cost" and its warnings come along).
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.warnings = Warnings()

    def add(self, field: str, message: str) -> None:
        if not any(error["field"] == field for error in self):
            self.append({"field": field, "message": message})


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def decimal_from_text(text: str) -> Decimal | None:
    """'7.500,50' -> 7500.50, '€ 12 000' -> 12000, '12,5' -> 12.5, '1,250.75' -> 1250.75.

    A single comma is the decimal mark. A single dot followed by exactly three digits ('7.500')
    separates thousands, as Belgians write it; any other single dot is a decimal point ('12.5').
    With both marks, the last one is the decimal mark; repeated marks separate thousands.
    """
    text = _DASH_CENTS.sub("", _NOISE.sub("", text))
    if not _NUMBER.fullmatch(text) or not any(c.isdigit() for c in text):
        return None
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("+-")
    separators = [c for c in digits if c in ".,"]
    if not separators:
        whole, frac = digits, ""
    elif len(set(separators)) == 2:
        decimal_mark = digits[max(digits.rfind("."), digits.rfind(","))]
        whole, _, frac = digits.rpartition(decimal_mark)
        if not _GROUPED.fullmatch(whole) and not whole.isdigit():
            return None
        whole = re.sub(r"[.,]", "", whole)
    elif len(separators) > 1 or (separators[0] == "." and _GROUPED.fullmatch(digits) and not digits.startswith("0")):
        if not _GROUPED.fullmatch(digits):
            return None
        whole, frac = re.sub(r"[.,]", "", digits), ""
    else:
        whole, _, frac = digits.partition(separators[0])
    if not whole and not frac:
        return None
    if not (whole or "0").isdigit() or (frac and not frac.isdigit()):
        return None
    return Decimal(f"{sign}{whole or '0'}.{frac or '0'}")


def _number(value, field: str, label: str, errors: Errors, *, maximum: Decimal, example: str) -> Decimal | None:
    if isinstance(value, bool):
        parsed = None
    elif isinstance(value, int):
        # A huge int is not converted (its digits could be many); it stands in, sign kept.
        parsed = Decimal(value) if abs(value) <= maximum else maximum * 10 * (1 if value > 0 else -1)
    elif isinstance(value, float):
        parsed = Decimal(repr(value)) if math.isfinite(value) else None
    elif isinstance(value, str) and len(value) <= MAX_TEXT:
        parsed = decimal_from_text(value)
    else:
        parsed = None
    if parsed is None:
        errors.add(field, f"{_capital(label)} is geen geldig getal. Schrijf bijvoorbeeld {example}.")
        return None
    if parsed < 0:
        errors.add(field, f"{_capital(label)} kan niet negatief zijn.")
        return None
    if parsed > maximum:
        errors.add(field, f"{_capital(label)} is onwaarschijnlijk groot. Kijk het getal even na.")
        return None
    return parsed


def amount(value, field: str, label: str, errors: Errors, *, required: bool = True, default: Decimal | None = None):
    """Euro excluding VAT. "12,000" is read as 12.00 (a comma is the decimal mark), "12.00" as 12: both with a
    warning, as is any other amount not in Belgian notation."""
    if is_blank(value):
        if required:
            errors.add(field, f"Vul {label} in.")
        return default
    parsed = _number(value, field, label, errors, maximum=MAX_AMOUNT, example="7.500,50")
    if parsed is not None and isinstance(value, str):
        _warn_not_belgian(value, parsed, field, errors.warnings)
    return parsed


def _warn_not_belgian(value: str, parsed: Decimal, field: str, warnings: Warnings) -> None:
    # Belgians group thousands with a dot and write decimals after a comma. Other marks are read as
    # today, but the visitor is asked, with what we read and what was probably meant: with one mark,
    # the digits without it ("12.00" -> 1200: a slip of the thousands dot); with several, the same
    # amount in Belgian notation ("1,250.75" can only be 1250,75).
    text = _DASH_CENTS.sub("", _NOISE.sub("", value))
    digits = text.lstrip("+-")
    if _BELGIAN.fullmatch(digits) and not _COMMA_THOUSANDS.fullmatch(digits):
        return
    marks = [c for c in digits if c in ".,"]
    meant = Decimal(re.sub(r"[.,]", "", digits)) if len(marks) == 1 else parsed
    if meant == parsed:
        told = f"We lezen {whole_euro(parsed)}. Klopt dat?"
    else:  # the cents shown, as the decimal mark is the doubt ("€ 12,00")
        read = euro(parsed) if parsed == cents(parsed) else f"€{NBSP}{number(parsed)}"
        told = f"We lezen {read}. Bedoel je {whole_euro(meant)}?"
    warnings.add(field, told, f"{meant.normalize():f}".replace(".", ","), text)


def count(value, field: str, label: str, errors: Errors):
    """Staff in annual work units: '12,5' is fine."""
    if is_blank(value):
        errors.add(field, f"Vul {label} in.")
        return None
    return _number(value, field, label, errors, maximum=MAX_COUNT, example="12,5")


def share(value, field: str, label: str, errors: Errors, *, required: bool = True, default: Decimal | None = None):
    """A percentage from 0 to 100: '25', '25%', '33,3'."""
    if is_blank(value):
        if required:
            errors.add(field, f"Vul {label} in (een percentage van 0 tot 100).")
        return default
    if isinstance(value, str):
        value = value.replace("%", "")
    parsed = _number(value, field, label, errors, maximum=Decimal(100), example="25 of 33,3")
    if parsed is None and not any(e["field"] == field for e in errors):
        errors.add(field, f"{_capital(label)} is een percentage van 0 tot 100.")
    return parsed


def year(value, field: str, errors: Errors, *, first: int, last: int) -> int | None:
    """An optional calendar year: 2026 or "2026"; blank gives None."""
    if is_blank(value):
        return None
    text = value.strip() if isinstance(value, str) else None
    found = int(text) if text and text.isdigit() and len(text) == 4 else value
    if isinstance(found, bool) or not isinstance(found, int) or not first <= found <= last:
        errors.add(field, f"Geef een jaartal op tussen {first} en {last}, zoals 2026.")
        return None
    return found


def application_date(value, field: str, errors: Errors, *, today: date, first: date, last_year: int) -> date | None:
    """'2026-03-15' or '15/03/2026'; blank means today. Dates before ``first`` are refused."""
    if is_blank(value):
        return today
    parsed = None
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        text = value.strip()
        iso = _ISO_DATE.fullmatch(text)
        be = _BE_DATE.fullmatch(text)
        try:
            if iso:
                parsed = date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif be:
                parsed = date(int(be[3]), int(be[2]), int(be[1]))
        except ValueError:
            parsed = None
    if parsed is None:
        errors.add(field, "Dat is geen geldige datum. Schrijf bijvoorbeeld 15/03/2026.")
        return None
    if parsed < first:
        errors.add(
            field,
            f"De kmo-portefeuille in haar huidige vorm bestaat sinds {first.day}/{first.month}/{first.year}. "
            "Voor een aanvraag van vóór die datum golden andere regels, die deze rekenhulp niet kent.",
        )
        return None
    if parsed.year > last_year:
        errors.add(field, f"Kies een datum vóór {last_year + 1}.")
        return None
    return parsed


def flag(value, field: str, errors: Errors, *, default: bool = True) -> bool | None:
    if is_blank(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    errors.add(field, "Antwoord met ja of nee.")
    return None


def choice(value, field: str, errors: Errors, *, options: dict[str, str], missing: str) -> str | None:
    """One of ``options`` (value -> label); ``missing`` is the message for a blank."""
    if is_blank(value):
        errors.add(field, missing)
        return None
    if isinstance(value, str) and value.strip().lower() in options:
        return value.strip().lower()
    listed = ", ".join(options.values())
    errors.add(field, f"Kies een van deze mogelijkheden: {listed}.")
    return None


def mapping(value, field: str, errors: Errors, *, message: str) -> dict | None:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    errors.add(field, message)
    return None


def items(value, field: str, errors: Errors) -> list[dict]:
    """An optional list of objects (partner or linked enterprises)."""
    if is_blank(value):
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        errors.add(field, "Geef de ondernemingen op als een lijst.")
        return []
    if len(value) > MAX_LIST:
        errors.add(field, f"Geef hoogstens {MAX_LIST} ondernemingen op.")
        return []
    return value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
