"""Build warnings that do not fail `mkdocs build --strict`.

Strict mode turns every warning on the `mkdocs` logger into an error. Some things are worth a
warning but must not stop a deployment (the daily rebuild must still go out): a missing provider
number, a source not checked for a while. They go to stderr as "WARNING - kmo: …", and in GitHub
Actions also as a `::warning::` annotation on the run.
"""

from __future__ import annotations

import os
import sys


def warn(message: str) -> None:
    text = " ".join(str(message).split())
    print(f"WARNING -  kmo: {text}", file=sys.stderr, flush=True)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(f"::warning title=kmo::{text}", file=sys.stderr, flush=True)


# Warnings already given in this process: `mkdocs serve` rebuilds in the same process.
_given: set[str] = set()


def warn_once(message: str) -> None:
    """warn(), but a message said before in this process is not said again."""
    if message not in _given:
        _given.add(message)
        warn(message)


def warn_stale_sources(stale: list[dict], max_age_days: int) -> None:
    """One warning naming every source of parameters.json not checked for max_age_days.

    stale: [{"id", "label", "url", "checked"}], as the rules package's stale_sources() gives them.
    """
    if not stale:
        return
    names = "; ".join(f"{s['label']} ({s['id']}, laatst nagekeken {s['checked'] or 'nooit'}, {s['url']})" for s in stale)
    warn(f"{len(stale)} bron(nen) van parameters.json al meer dan {max_age_days} dagen niet nagekeken: {names}. "
         "Leg elke bron naast de gegevens en zet haar 'checked' op de dag van vandaag.")
