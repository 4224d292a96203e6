"""The pages whose text differs between two builds, as Markdown with the changed lines."""

from __future__ import annotations

import difflib
from pathlib import Path

from .text import page_texts

MAX_DIFF_LINES = 40  # per page: enough to see what changed, short enough for a job summary


def changed_pages(before: Path, after: Path) -> dict[str, list[str]]:
    """{page: unified diff lines} for every page added, removed or with other text."""
    old, new = page_texts(before), page_texts(after)
    changes = {}
    for page in sorted(old.keys() | new.keys()):
        diff = list(difflib.unified_diff(old.get(page, []), new.get(page, []), "voor", "na", n=1, lineterm=""))
        if diff:
            changes[page] = diff
    return changes


def _address(page: str) -> str:
    return page.removesuffix("index.html") or "(startpagina)"


def render(before: Path, after: Path) -> str:
    changes = changed_pages(before, after)
    if not changes:
        return "## Pagina's\n\nGeen pagina leest anders dan voordien.\n"
    lines = ["## Pagina's", "", f"{len(changes)} pagina('s) lezen anders dan voordien:", ""]
    for page, diff in changes.items():
        shown = diff[2:2 + MAX_DIFF_LINES]  # without the two file headers
        more = len(diff) - 2 - len(shown)
        lines += [f"<details><summary><code>{_address(page)}</code></summary>", "", "```diff", *shown,
                  *([f"... en nog {more} regels"] if more > 0 else []), "```", "", "</details>", ""]
    return "\n".join(lines)
