"""The sources behind the data, and which of them are due to be checked against their live page."""

from __future__ import annotations

from datetime import date

from .parameters import Parameters

# A source not compared with its live page for this long is named by the build.
MAX_AGE_DAYS = 120


def stale_sources(params: Parameters, on: date, max_age_days: int = MAX_AGE_DAYS) -> list[dict]:
    """Sources last checked more than ``max_age_days`` before ``on``, or never:
    [{"id", "label", "url", "checked"}] ("checked": "YYYY-MM-DD" or None), in file order."""
    stale = []
    for source_id, source in params.sources.items():
        checked = source.get("checked")
        if checked is None or (on - date.fromisoformat(checked)).days > max_age_days:
            stale.append({"id": source_id, "label": source["label"], "url": source["url"], "checked": checked})
    return stale
