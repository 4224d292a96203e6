"""python -m maintenance.page_changes BEFORE_SITE AFTER_SITE: the Markdown list of the pages whose
text changed between two built sites (a missing BEFORE_SITE counts as a site without pages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .compare import render


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m maintenance.page_changes", description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.before, args.after))
    return 0


if __name__ == "__main__":
    sys.exit(main())
