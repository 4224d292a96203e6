"""MkDocs hook: replace the kmo marker lines in docs/*.md.

Markers (one line each, outside code blocks):

    <!-- kmo-tabel: NAME -->          a table from kmo_portefeuille.tables.table(NAME)
    <!-- kmo: rekenhulp -->           site_overrides/partials/kmo/rekenhulp.html
    <!-- kmo: contactformulier -->    site_overrides/partials/kmo/contactformulier.html

Tables become Markdown in on_page_markdown. The two widgets become a placeholder comment there,
and the rendered Jinja2 partial replaces that placeholder in on_page_content, so Markdown never
touches the widget HTML. An unknown name stops the build.

The rules package is imported fresh at every build (on_config): `mkdocs serve` keeps this module
alive between rebuilds, and an edited parameters.json must show on the next reload.
"""

from __future__ import annotations

import importlib
import logging
import re
import secrets
import sys
from pathlib import Path
from types import ModuleType

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.kmo_markers")

PACKAGE = "kmo_portefeuille"
WIDGETS = ("rekenhulp", "contactformulier")
PARTIAL = "partials/kmo/{name}.html"

MARKER = re.compile(
    r"^[ \t]*<!--[ \t]*(?P<kind>kmo-tabel|kmo)[ \t]*:[ \t]*(?P<name>[^\s>]*)[ \t]*-->[ \t]*$"
)
# Anything that looks like a marker but is not well formed also stops the build.
LOOSE = re.compile(r"<!--\s*kmo(?:-tabel)?\s*:")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")

# Per-build state (reset in on_config).
_state: dict = {"package": None, "nonce": ""}


# --------------------------------------------------------------------------- package loading


def _calculator_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "calculator"


def load_package(calculator_dir: Path) -> ModuleType:
    """Import kmo_portefeuille (with tables and catalog) from calculator_dir, afresh."""
    path = str(calculator_dir)
    if path in sys.path:
        sys.path.remove(path)
    sys.path.insert(0, path)
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    # No __pycache__ in calculator/: `mkdocs serve` watches that folder.
    dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        package = importlib.import_module(PACKAGE)
        importlib.import_module(PACKAGE + ".tables")
        importlib.import_module(PACKAGE + ".catalog")
    except Exception as error:  # noqa: BLE001 - any import failure must stop the build clearly
        raise PluginError(
            f"kmo_markers: cannot import {PACKAGE} from {calculator_dir}: "
            f"{type(error).__name__}: {error}"
        ) from error
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
    origin = Path(getattr(package, "__file__", "") or "").resolve()
    if calculator_dir.resolve() not in origin.parents:
        raise PluginError(
            f"kmo_markers: {PACKAGE} was imported from {origin}, expected it under {calculator_dir}"
        )
    return package


def on_config(config):
    _state["package"] = load_package(_calculator_dir(config))
    _state["nonce"] = secrets.token_hex(6)
    return config


def _package(config) -> ModuleType:
    if _state["package"] is None:
        on_config(config)
    return _state["package"]


# --------------------------------------------------------------------------- tables


def _cell(text: object) -> str:
    """One table cell: a single line, pipes escaped (cells are Markdown-safe text otherwise)."""
    value = " ".join(str(text).split())
    return value.replace("|", "\\|") if value else "&nbsp;"


def table_markdown(data: dict, name: str, element_id: str = "") -> str:
    """The table as Markdown in a <div class="kmo-tabel">.

    The caption becomes a paragraph with the id element_id (default kmo-tabel-NAME); on_page_content
    then makes the table focusable (tabindex="0": on a narrow screen the theme lets it scroll
    sideways, and the keyboard scrolls it once it has the focus) and names it by that caption
    (aria-labelledby).
    """
    element_id = element_id or f"kmo-tabel-{name}"
    headers = list(data.get("headers") or [])
    rows = [list(row) for row in data.get("rows") or []]
    if not headers:
        raise PluginError(f"kmo_markers: table '{name}' has no headers")
    for number, row in enumerate(rows):
        if len(row) != len(headers):
            raise PluginError(
                f"kmo_markers: table '{name}' row {number} has {len(row)} cells, "
                f"expected {len(headers)}"
            )
    lines = ["", f'<div class="kmo-tabel kmo-tabel--{name}" markdown>', ""]
    caption = " ".join(str(data.get("caption") or "").split())
    if caption:
        lines += [f"**{caption}**", f'{{ .kmo-tabel__titel #{element_id} }}', ""]
    lines.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    lines.append("|" + "|".join(" --- " for _ in headers) + "|")
    for row in rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines.append("")
    for note in data.get("notes") or []:
        note = " ".join(str(note).split())
        if note:
            lines += [f"<small>{note}</small>", '{ .kmo-tabel__noot }', ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def _table(package: ModuleType, name: str, where: str, element_id: str = "") -> str:
    tables = package.tables
    names = tuple(getattr(tables, "TABLE_NAMES", ()))
    if names and name not in names:
        raise PluginError(
            f"kmo_markers: unknown table '{name}' in {where}; known tables: {', '.join(names)}"
        )
    try:
        data = tables.table(name)
    except KeyError as error:
        raise PluginError(
            f"kmo_markers: unknown table '{name}' in {where}; known tables: {', '.join(names)}"
        ) from error
    return table_markdown(data, name, element_id)


TABLE_OPEN = re.compile(r'<div class="kmo-tabel kmo-tabel--[^"]*">(?P<between>(?:(?!</div>).)*?)<table>', re.S)
CAPTION_ID = re.compile(r'<p [^>]*\bid="(?P<id>kmo-tabel-[^"]+)"')


def focusable_tables(html: str) -> str:
    """Give every generated table tabindex="0" and the name of its caption paragraph."""

    def repl(match):
        caption = CAPTION_ID.search(match.group("between"))
        named = f' aria-labelledby="{caption.group("id")}"' if caption else ""
        return match.group(0)[: -len("<table>")] + f'<table tabindex="0"{named}>'

    return TABLE_OPEN.sub(repl, html)


# --------------------------------------------------------------------------- hooks


def _placeholder(name: str) -> str:
    return f"<!-- kmo-widget {_state['nonce']} {name} -->"


def on_page_markdown(markdown, page, config, files):
    package = _package(config)
    where = page.file.src_uri
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        found = FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)
        elif fence is not None and found and found.group(1).startswith(fence[0] * len(fence)):
            fence = None
        if fence is not None or found:
            out.append(line)
            continue
        match = MARKER.match(line)
        if not match:
            if LOOSE.search(line):
                raise PluginError(f"kmo_markers: malformed kmo marker in {where}:{number}: {line.strip()}")
            out.append(line)
            continue
        kind, name = match.group("kind"), match.group("name")
        if kind == "kmo-tabel":
            tables = page.meta.setdefault("kmo_tables", [])
            element_id = f"kmo-tabel-{name}" + (f"-{tables.count(name) + 1}" if name in tables else "")
            tables.append(name)
            out.append(_table(package, name, f"{where}:{number}", element_id))
        elif name in WIDGETS:
            if name == "rekenhulp":
                page.meta["kmo_rekenhulp"] = True
            page.meta.setdefault("kmo_widgets", []).append(name)
            out += ["", _placeholder(name), ""]
        else:
            raise PluginError(
                f"kmo_markers: unknown marker '<!-- kmo: {name} -->' in {where}:{number}; "
                f"known: {', '.join(WIDGETS)} (and '<!-- kmo-tabel: NAME -->')"
            )
    return "\n".join(out)


def _render_widget(name: str, page, config) -> str:
    env = config.theme.get_env()
    try:
        template = env.get_template(PARTIAL.format(name=name))
    except Exception as error:  # noqa: BLE001 - TemplateNotFound or a syntax error
        raise PluginError(
            f"kmo_markers: cannot load {PARTIAL.format(name=name)} for page {page.file.src_uri}: "
            f"{type(error).__name__}: {error}"
        ) from error
    package = _package(config)
    base_url = get_relative_url(".", page.url)
    try:
        return template.render(
            choices=package.catalog.choices(),
            extra=config.extra,
            page=page,
            config=config,
            base_url=base_url,
            tables=list(page.meta.get("kmo_tables") or []),
        )
    except Exception as error:  # noqa: BLE001
        raise PluginError(
            f"kmo_markers: rendering {PARTIAL.format(name=name)} for page {page.file.src_uri} "
            f"failed: {type(error).__name__}: {error}"
        ) from error


def on_page_content(html, page, config, files):
    if page.meta.get("kmo_tables"):
        html = focusable_tables(html)
    names = page.meta.get("kmo_widgets") or []
    if not names:
        return html
    for name in dict.fromkeys(names):
        placeholder = _placeholder(name)
        if placeholder not in html:
            raise PluginError(
                f"kmo_markers: the '{name}' marker in {page.file.src_uri} did not survive Markdown "
                "(put it on a line of its own, not inside a list or an HTML block)"
            )
        html = html.replace(placeholder, _render_widget(name, page, config))
    return html
