"""A small ES module that tells the worker which file to fetch and how to check it."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path


def sri(path: Path) -> str:
    """The Subresource Integrity string (sha256) of a file."""
    digest = base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode("ascii")
    return f"sha256-{digest}"


def file_module(name: str, path: Path, what: str) -> str:
    """`export const NAME = {file, integrity}`, frozen."""
    value = {"file": path.name, "integrity": sri(path)}
    return (
        f"// Written by the site build (site_overrides/kmo_build): {what}.\n"
        f"export const {name} = Object.freeze({json.dumps(value)});\n"
    )
