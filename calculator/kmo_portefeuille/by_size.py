"""No size chosen: the answer for each size, so that no amount comes from a default.

A request (or plan) with neither a size nor figures keeps its error on ``company``; when nothing
else is wrong, ``by_size`` gives what a small and a medium-sized company would get, from the same
request evaluated with each size.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from .answer import amount
from .money import plain
from .parsing import is_blank
from .request import FIGURE_LABELS
from .validation import SIZES  # the sizes with their own rates: klein, middelgroot

LABELS = {"klein": "kleine onderneming", "middelgroot": "middelgrote onderneming"}


def add(response: dict, raw, run: Callable[[dict], dict]) -> dict:
    """``response`` with ``by_size`` when the size is its only question left."""
    if response["ok"] or [e["field"] for e in response["errors"]] != ["company"] or not _unsized(raw):
        return response
    answers = [run({**raw, "company": {**(raw.get("company") or {}), "size": size}}) for size in SIZES]
    if not all(answer["ok"] for answer in answers):
        return response
    sizes = [_size(size, answer) for size, answer in zip(SIZES, answers)]
    response["by_size"] = {"headline": _headline(*sizes), "sizes": sizes}
    response["received_year"] = answers[0]["received_year"]  # the year the received question names
    return response


def _unsized(raw) -> bool:
    company = raw.get("company") if isinstance(raw, dict) else []
    return company is None or (isinstance(company, dict) and is_blank(company.get("size"))
                               and all(is_blank(company.get(key)) for key in FIGURE_LABELS))


def _size(size: str, answer: dict) -> dict:
    """One size's amounts: a single request's, or a plan's totals."""
    prefix = "total_" if "services" in answer else ""
    support, own_share = Decimal(answer[prefix + "support"]), Decimal(answer[prefix + "own_share"])
    return {"size": size, "label": LABELS[size], "eligible": answer["eligible"], "support": plain(support),
            "own_share": plain(own_share), "display": {"support": amount(support), "own_share": amount(own_share)},
            "headline": answer["answer"]["headline"]}


def _headline(small: dict, medium: dict) -> str:
    if small["eligible"] == medium["eligible"] and small["support"] == medium["support"]:
        if small["eligible"]:
            return f"Je krijgt {small['display']['support']} steun, als kleine en als middelgrote onderneming."
        if small["headline"] == medium["headline"]:  # refused for a reason that has nothing to do with size
            return small["headline"]
        return "Geen steun, als kleine en als middelgrote onderneming."
    first = f"{small['display']['support']} steun" if small["eligible"] else "geen steun"
    second = medium["display"]["support"] if medium["eligible"] else "geen"
    return f"Als kleine onderneming krijg je {first}, als middelgrote {second}."
