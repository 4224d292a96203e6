"""The calculator's page modules to preload: link.mjs, mount-here.mjs and calculator.mjs with every module they
import statically, found by reading their import lines (so a new module is preloaded without a
list to keep up). The worker's modules are not among them: a worker does not use its page's
preloads."""

from __future__ import annotations

import re
from pathlib import Path

ENTRIES = ("link.mjs", "mount-here.mjs", "calculator.mjs")
# `import … from "./x.mjs";` and `export … from "./x.mjs";`, one level of the web folder only.
STATIC_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^;]*?\bfrom\s*["']\./([\w.-]+\.mjs)["']""", re.M)


def page_modules(web_dir: Path, entries=ENTRIES) -> list[str]:
    """The entries and what they import statically, transitively, in the order first found."""
    found: list[str] = []
    todo = list(entries)
    while todo:
        name = todo.pop(0)
        path = web_dir / name
        if name in found or not path.is_file():
            continue
        found.append(name)
        todo.extend(STATIC_IMPORT.findall(path.read_text(encoding="utf-8")))
    return found
