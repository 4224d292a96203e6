"""python -m maintenance.data_report [--base REV | --before FILE] [--after FILE] [--today YYYY-MM-DD]

Prints the Markdown report comparing the parameters of the base (by default the file on the
branch `main`) with the working tree's. Exit 0 with a report; 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kmo_portefeuille.parameters import Parameters

from .report import render

ROOT = Path(__file__).resolve().parents[2]
IN_REPOSITORY = "calculator/kmo_portefeuille/parameters.json"
UNREADABLE = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        before_text = Path(args.before).read_text(encoding="utf-8") if args.before else _at_revision(args.base)
        before = _parameters(before_text, args.before or f"{args.base}:{IN_REPOSITORY}")
        after = _parameters(Path(args.after).read_text(encoding="utf-8"), args.after)
    except (OSError, ValueError) as error:  # ParameterError is a ValueError
        print(f"data-report: {error}", file=sys.stderr)
        return UNREADABLE
    sys.stdout.write(render(before, after, args.today))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m maintenance.data_report", description=__doc__)
    parser.add_argument("--base", default="main", help="git revision of the data before (default: main)")
    parser.add_argument("--before", help="a parameters.json file instead of --base")
    parser.add_argument("--after", default=str(ROOT / IN_REPOSITORY), help="the data after (default: the working tree's)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    return parser


def _at_revision(revision: str) -> str:
    result = subprocess.run(["git", "show", f"{revision}:{IN_REPOSITORY}"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise ValueError(f"git show {revision}:{IN_REPOSITORY} failed: {result.stderr.strip()}")
    return result.stdout


def _parameters(text: str, where: str) -> Parameters:
    try:
        return Parameters(json.loads(text))
    except ValueError as error:
        raise ValueError(f"{where} is not valid JSON: {error}") from error


if __name__ == "__main__":
    sys.exit(main())
