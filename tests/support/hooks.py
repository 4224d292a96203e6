"""The site's build hooks (site_overrides/hooks/) loaded the way MkDocs loads a hook: a module
from its file. The hooks import site_overrides.kmo_build like any package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "site_overrides" / "hooks"


def load_hook(name: str):
    """A fresh module of hooks/<name>.py."""
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
