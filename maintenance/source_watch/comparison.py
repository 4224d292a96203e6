"""Judge each source: fetch its page, fingerprint the main text, compare with the accepted one."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import fingerprints
from .fetching import Failure, Page, Redirect
from .fingerprints import Fingerprint
from .main_text import main_text
from .sources import Source

Fetch = Callable[[str], Page | Failure]


class Status(enum.Enum):
    CHANGED = "changed"
    NEW = "new"  # no fingerprint recorded yet
    UNREACHABLE = "unreachable"
    NOT_HTML = "not_html"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Finding:
    source: Source
    status: Status
    accepted: Fingerprint | None  # what the repository holds
    current: Fingerprint | None = None  # what the page holds today (None: not read)
    lines: tuple[str, ...] = ()  # today's main text, for the report
    redirects: tuple[Redirect, ...] = ()
    reason: str = ""  # why it could not be read
    content_type: str = ""

    @property
    def needs_attention(self) -> bool:
        return self.status is not Status.UNCHANGED or bool(self.redirects)


def check(sources: list[Source], store: dict[str, Fingerprint], fetch: Fetch, today: date) -> list[Finding]:
    return [judge(source, store.get(source.id), fetch(source.url), today) for source in sources]


def judge(source: Source, accepted: Fingerprint | None, page: Page | Failure, today: date) -> Finding:
    if isinstance(page, Failure):
        return Finding(source, Status.UNREACHABLE, accepted, redirects=page.redirects, reason=page.reason)
    if not page.is_html:
        return Finding(source, Status.NOT_HTML, accepted, redirects=page.redirects, content_type=page.content_type)
    lines = main_text(page.body or b"", page.charset)
    if not lines:  # nothing to compare: a page written by scripts, or an empty answer
        reason = "de pagina heeft geen leesbare tekst (misschien alleen JavaScript)"
        return Finding(source, Status.UNREACHABLE, accepted, redirects=page.redirects, reason=reason)
    current = fingerprints.take(source.url, lines, today)
    if accepted is None or not accepted.is_recorded:
        status = Status.NEW
    elif accepted.sha256 == current.sha256:
        status = Status.UNCHANGED
    else:
        status = Status.CHANGED
    return Finding(source, status, accepted, current, tuple(lines), page.redirects, content_type=page.content_type)


def accept(findings: list[Finding], store: dict[str, Fingerprint], known: set[str]) -> dict[str, Fingerprint]:
    """The store with today's fingerprint for every page that was read and differs from its entry.
    An unchanged page keeps its entry (and its date), so does a page that was not read; sources
    no longer in parameters.json are dropped."""
    updated = {key: value for key, value in store.items() if key in known}
    for finding in findings:
        current, accepted = finding.current, finding.accepted
        if current is not None and (accepted is None or (accepted.sha256, accepted.url) != (current.sha256, current.url)):
            updated[finding.source.id] = current
    return updated
