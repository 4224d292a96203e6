"""The rules package imported afresh from calculator/, for the tables and the widgets.

`mkdocs serve` keeps the process alive between rebuilds, and an edited parameters.json must show
on the next reload: every build imports the package again, from the project's own calculator/
(found by its path, not through sys.path).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from .errors import BuildError
from .layout import IMPORT_NAME, PACKAGE_DIR

SUBMODULES = ("tables", "catalog", "parameters", "sources")


def load_package(root: Path) -> ModuleType:
    """Import kmo_portefeuille (with its tables, catalog and parameters) from root/calculator."""
    directory = root / PACKAGE_DIR
    for name in [n for n in sys.modules if n == IMPORT_NAME or n.startswith(IMPORT_NAME + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    spec = importlib.util.spec_from_file_location(
        IMPORT_NAME, directory / "__init__.py", submodule_search_locations=[str(directory)]
    )
    if spec is None or spec.loader is None:
        raise BuildError(f"kmo_build: no {IMPORT_NAME} package in {directory}")
    # No __pycache__ in calculator/: `mkdocs serve` watches that folder.
    dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        package = importlib.util.module_from_spec(spec)
        sys.modules[IMPORT_NAME] = package
        spec.loader.exec_module(package)
        for name in SUBMODULES:
            importlib.import_module(f"{IMPORT_NAME}.{name}")
    except Exception as error:  # noqa: BLE001 - any import failure must stop the build clearly
        sys.modules.pop(IMPORT_NAME, None)
        raise BuildError(
            f"kmo_build: cannot import {IMPORT_NAME} from {directory}: {type(error).__name__}: {error}"
        ) from error
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
    return package
