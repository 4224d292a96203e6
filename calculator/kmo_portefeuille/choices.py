"""A choice made where the sources disagree or are silent, told only when the visitor's case depends on it.

parameters.json keeps each choice beside its value (``choice``, with ``choice_dates`` when a date
decides). Telling every choice in every answer buries the answer, so a choice is added to the
reason it concerns only on its dates, or, for the 25% and 50% boundaries, only for a share
exactly on one.
"""

from __future__ import annotations

from functools import lru_cache

from .dated import Entry
from .parameters import Parameters
from .size import on_boundary

# The reasons each dated parameter's choice belongs to.
REASONS_OF = {
    "annual_cap": ("plafond", "plafond_beperkt", "plafond_bereikt"),
    "minimum_cost": ("onder_minimum",),
    "eligible_themes": ("thema_niet_toegelaten",),
    "deadlines": ("termijn_aanvraag", "termijn_eigen_bijdrage", "termijn_afronding"),
    "maatwerkbedrijf_size_groups": ("maatwerkbedrijf",),
}


@lru_cache(maxsize=8)
def _dated(params: Parameters) -> tuple[tuple[tuple[str, ...], object, tuple[str, ...] | None, Entry], ...]:
    """Every entry with a dated choice: (reason codes, services or None, themes or None, entry).
    Few entries have one, so a plan's rows look at those only."""
    found = []
    for scheme in params.rate_schemes():
        found += [(("tarief",), scheme.services, scheme.themes, e) for e in scheme.entries if e.choice_dates]
    for name, codes in REASONS_OF.items():
        found += [(codes, None, None, e) for e in params.entries(name) if e.choice_dates]
    return tuple(found)


def told(reasons: list[dict], params: Parameters, request) -> list[dict]:
    """The reasons, each with the choices the case depends on added to its message."""
    on, extra = request.on, {}

    def add(codes, text):
        for code in codes:
            if text not in extra.setdefault(code, []):
                extra[code].append(text)

    for codes, services, themes, entry in _dated(params):
        if services is not None and (request.service not in services or (themes is not None and request.theme not in themes)):
            continue
        if entry.choice_decides(on):
            add(codes, entry.choice)
    group = params.entry_at("group_thresholds", on)
    if group.choice:
        if request.public_share == group.value["public_share_excludes_from_percent"]:
            add(("overheidsbelang",), group.choice)
        holdings = request.company.holdings if request.company else ()
        if any(on_boundary(h.share, group.value) for h in holdings):
            add(("grootte_groep",), group.choice)
    return [r | {"message": " ".join([r["message"], *extra[r["code"]]])} if extra.get(r["code"]) else r
            for r in reasons]
