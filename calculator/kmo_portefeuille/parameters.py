"""The dated parameters: read and checked once from parameters.json, looked up by application date.

Every parameter is a list of entries ``{"from": "YYYY-MM-DD", "value": ..., "source": id}``; an
entry holds from its date until the next one starts (OpenFisca-style). A bad file raises
``ParameterError`` at load, naming each problem, so nothing runs on wrong data.
"""

from __future__ import annotations

import json
import os
from datetime import date
from functools import lru_cache
from typing import Any

from .dated import Entry, Scheme, Theme, entry_at
from .json_syntax import syntax_problem
from .validation import SYNTAX_HELP, ParameterError, read

__all__ = ["Entry", "Parameters", "ParameterError", "Scheme", "Theme", "entry_at", "load", "read_file", "shown_path"]

ENV_OVERRIDE = "KMO_PARAMETERS"  # path to another parameters.json (tests, previews of new rules)
PACKAGED = os.path.join(os.path.dirname(__file__), "parameters.json")


class Parameters:
    """Read-only, typed view on the parameter file (``data`` keeps the file as read)."""

    def __init__(self, data: dict):
        self.data = data
        self.sources, self._entries, self._schemes = read(data)

    def entries(self, name: str) -> tuple[Entry, ...]:
        return self._entries[name]

    def entry_at(self, name: str, on: date) -> Entry | None:
        return entry_at(self._entries[name], on)

    def value_at(self, name: str, on: date) -> Any:
        entry = self.entry_at(name, on)
        return None if entry is None else entry.value

    def rate_schemes(self) -> tuple[Scheme, ...]:
        return self._schemes

    def source(self, source_id: str) -> dict:
        return self.sources[source_id]

    def first_date(self) -> date:
        return self._entries["programme_start"][0].value


def load(path: str | os.PathLike | None = None) -> Parameters:
    """The parameters from ``path``, else from $KMO_PARAMETERS, else the packaged file."""
    path = path or os.environ.get(ENV_OVERRIDE)
    if not path:
        return _packaged()
    path = os.fspath(path)
    stamp = os.stat(path).st_mtime_ns
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        cached = _cache[path] = (stamp, _read(path))
    return cached[1]


_cache: dict[str, tuple[int, Parameters]] = {}


@lru_cache(maxsize=1)
def _packaged() -> Parameters:
    # Read once and kept: a restored Pyodide snapshot has it in memory, not on its file system.
    return _read(PACKAGED)


def _read(path: str) -> Parameters:
    data = read_file(path)
    try:
        return Parameters(data)
    except ParameterError as error:
        raise ParameterError(error.problems, shown_path(path), error.help) from None


def read_file(path: str | os.PathLike) -> Any:
    """The file's JSON, or ParameterError with one Dutch problem: the line of the likely mistake."""
    # A plain file next to the module: importlib.resources would cost more start-up in Pyodide.
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ParameterError([syntax_problem(text, error)], shown_path(path), SYNTAX_HELP) from None


def shown_path(path: str | os.PathLike) -> str:
    """The path as the editor sees it: relative to the working folder (the project's, under make)."""
    relative = os.path.relpath(path)
    return os.fspath(path) if relative.startswith(os.pardir) else relative.replace(os.sep, "/")
