"""parameters.json checked before anything is built or tested: valid JSON, then the JSON Schema, then the
rules' own load. Each step stops there, with Dutch messages for the editor, never a traceback.

    python -m site_overrides.kmo_build.check_data      (make check-data; build, serve and test run it first)

The kmo_data hook runs the same check in MkDocs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import jsonschema

from .layout import PACKAGE_DIR
from .rules_package import load_package

SCHEMA = Path("calculator") / "parameters.schema.json"
PARAMETERS = PACKAGE_DIR / "parameters.json"

# The problems of the last check in this process: while the data is broken in `mkdocs serve`, the
# other hooks skip their work and every page shows these problems instead.
last_problems: list[str] = []


def data_files(root: Path) -> list[Path]:
    """The file the calculator carries, and the one the tables are made from when KMO_PARAMETERS is set."""
    files = [root / PARAMETERS]
    override = os.environ.get("KMO_PARAMETERS")
    if override and Path(override).resolve() != files[0].resolve():
        files.append(Path(override))
    return files


def check(root: Path) -> list[str]:
    """A Dutch message per broken file (empty when all is well); also kept in last_problems."""
    package = load_package(root)
    try:
        schema = package.parameters.read_file(root / SCHEMA)
    except package.parameters.ParameterError as error:  # told like a broken data file
        last_problems[:] = [str(error)]
        return last_problems[:]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    problems = []
    for path in data_files(root):
        try:
            data = package.parameters.read_file(path)
            schema_problems = [_schema_problem(data, error) for error in validator.iter_errors(data)]
            if schema_problems:
                problems.append(_schema_message(package.parameters.shown_path(path), schema_problems))
                continue
            package.parameters.Parameters(data)
        except package.parameters.ParameterError as error:
            problems.append(str(package.parameters.ParameterError(error.problems, package.parameters.shown_path(path), error.help)))
    last_problems[:] = problems
    return problems


def _schema_message(shown: str, problems: list[str]) -> str:
    listed = "\n".join(f"- {p}" for p in sorted(dict.fromkeys(problems)))
    return f"{shown} klopt niet met het schema ({SCHEMA.as_posix()}):\n{listed}\nUitleg: EDITING.md#waarde-buiten-het-bereik"


def _where(data, path) -> str:
    """The error's place as the editor reads the file: parameter, scheme name, the entry's date."""
    parts, node = [], data
    for key in path:
        node = node[key]
        if isinstance(key, int) and isinstance(node, dict) and isinstance(node.get("from"), str):
            parts.append(f"item vanaf {node['from']}")
        elif isinstance(key, int) and isinstance(node, dict) and isinstance(node.get("name"), str):
            parts.append(f"tarief '{node['name']}'")
        else:
            parts.append(f"item {key + 1}" if isinstance(key, int) else str(key))
    return ", ".join(parts) or "het bestand"


def _schema_problem(data, error: jsonschema.ValidationError) -> str:
    where, value, rule = _where(data, error.absolute_path), error.instance, error.validator_value
    if error.validator == "required" and isinstance(value, dict):
        what = "ontbreekt: " + ", ".join(f"'{k}'" for k in rule if k not in value)
    elif error.validator == "additionalProperties" and isinstance(value, dict):
        known = error.schema.get("properties", {})
        what = "onbekende sleutel " + ", ".join(f"'{k}'" for k in value if k not in known) + " (tikfout?)"
    elif error.validator == "format":
        what = f"{_shown(value)} is geen bestaande datum in de vorm JJJJ-MM-DD"
    elif error.validator == "enum":
        what = f"{_shown(value)} moet een van deze zijn: {', '.join(map(_shown, rule))}"
    elif error.schema.get("description"):
        what = f"{_shown(value)} kan niet: {error.schema['description']}"
    else:
        what = f"{_shown(value)} past niet ({error.message})"
    return f"{where}: {what}"


def _shown(value) -> str:
    """A value as it is written in the file."""
    return json.dumps(value, ensure_ascii=False)


def main() -> int:
    root = Path.cwd()
    problems = check(root)
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        print("\nEr is nog niets gebouwd of getest. Verbeter dit eerst en probeer dan opnieuw.", file=sys.stderr)
        return 1
    print(f"{PARAMETERS.as_posix()} is in orde.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
