"""The site's build hooks (site_overrides/hooks/) loaded as mkdocs loads them, for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "site_overrides" / "hooks"


def load_hook(name: str):
    """A fresh module of hooks/<name>.py; its folder is on sys.path while it is imported, as mkdocs
    does (kmo_snapshot imports kmo_assets)."""
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module
