"""One reason in a response: a code, a Dutch message, whether it blocks support, and its group.

The browser shows reasons grouped by ``group``; each code belongs to exactly one group.
"""

from __future__ import annotations

SIZE = "grootte"  # how the company size was determined
CONDITION = "voorwaarde"  # the eligibility conditions
SUPPORT = "steun"  # how the rate and the cap were applied
DEADLINE = "termijn"  # the deadlines to keep

GROUPS = {
    "grootte_opgegeven": SIZE,
    "grootte_cijfers": SIZE,
    "grootte_groep": SIZE,
    "grootte_twee_jaar": SIZE,
    "grootte_groot": SIZE,
    "grootte_vastgelegd": SIZE,
    "maatwerkbedrijf": SIZE,
    "overheidsbelang": CONDITION,
    "rechtsvorm": CONDITION,
    "vestiging": CONDITION,
    "hoofdactiviteit": CONDITION,
    "thema_niet_toegelaten": CONDITION,
    "soorten_uitgesloten": CONDITION,
    "onder_minimum": CONDITION,
    "plafond_bereikt": CONDITION,
    "tarief": SUPPORT,
    "plafond": SUPPORT,
    "plafond_beperkt": SUPPORT,
    "termijn_aanvraag": DEADLINE,
    "termijn_eigen_bijdrage": DEADLINE,
    "termijn_afronding": DEADLINE,
}


def reason(code: str, message: str, *, blocking: bool = False) -> dict:
    return {"code": code, "message": message, "blocking": blocking, "group": GROUPS[code]}
