"""python -m maintenance.source_watch: check the sources, print the report, exit 0 only when
nothing needs an editor (1: something changed, failed or moved; 2: bad usage)."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import fingerprints
from .comparison import Fetch, accept, check
from .fetching import TIMEOUT, fetch
from .report import render
from .sources import PARAMETERS, read_sources

USAGE_ERROR = 2
# A missing file, bad JSON, or JSON without the expected keys and values.
UNREADABLE = (OSError, ValueError, KeyError, TypeError, AttributeError)


def main(argv: Sequence[str] | None = None, fetcher: Fetch | None = None, today: date | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        sources = read_sources(args.parameters)
    except UNREADABLE as error:
        return _usage(f"cannot read the sources in {args.parameters}: {_why(error)}")
    try:
        store = fingerprints.load(args.fingerprints)
    except UNREADABLE as error:
        return _usage(f"cannot read the fingerprints in {args.fingerprints}: {_why(error)}")
    unknown = [key for key in args.only if key not in sources]
    if unknown:
        return _usage(f"unknown source id {', '.join(unknown)}: not in {args.parameters}")
    chosen = [source for key, source in sources.items() if not args.only or key in args.only]
    today = today or date.today()
    findings = check(chosen, store, fetcher or functools.partial(fetch, timeout=args.timeout), today)
    if args.update:
        fingerprints.save(accept(findings, store, set(sources)), args.fingerprints)
    text = render(findings, today, updated=args.update)
    sys.stdout.write(text)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    if args.update:
        return 0 if all(finding.current is not None for finding in findings) else 1
    return 1 if any(finding.needs_attention for finding in findings) else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m maintenance.source_watch",
        description="Compare the main text of every source page in parameters.json with its recorded fingerprint.",
        epilog="Exit status: 0 nothing changed (with --update: every page recorded), 1 something changed, "
        "could not be reached, redirected or is not HTML, 2 bad usage.",
    )
    parser.add_argument("--report", metavar="FILE", help="also write the Markdown report to FILE")
    parser.add_argument(
        "--update", action="store_true", help="record the current fingerprints (after an editor read the changes)"
    )
    parser.add_argument(
        "--only", metavar="ID", action="append", default=[], help="check only this source id (repeatable)"
    )
    parser.add_argument("--timeout", metavar="SECONDS", type=_seconds, default=TIMEOUT, help=f"per page (default {TIMEOUT:g})")
    parser.add_argument("--parameters", metavar="FILE", type=Path, default=PARAMETERS, help="the parameters.json to read")
    parser.add_argument(
        "--fingerprints", metavar="FILE", type=Path, default=fingerprints.STORE, help="the fingerprints file"
    )
    return parser


def _usage(message: str) -> int:
    print(f"source_watch: {message}", file=sys.stderr)
    return USAGE_ERROR


def _why(error: Exception) -> str:
    return f"missing key {error}" if isinstance(error, KeyError) else str(error)


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text}")
    return value


if __name__ == "__main__":
    sys.exit(main())
