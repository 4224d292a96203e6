"""MkDocs hook: the kmo marker lines in docs/*.md become tables and widgets.

    <!-- kmo-tabel: NAME -->          a table from kmo_portefeuille.tables.table(NAME)
    <!-- kmo: rekenhulp -->           partials/kmo/rekenhulp.html, the calculator
    <!-- kmo: contactformulier -->    partials/kmo/contactformulier.html, the contact form
    <!-- kmo: erkenningsnummer -->    partials/kmo/erkenningsnummer.html, ECX's provider number
    <!-- kmo: adviesregel -->         partials/kmo/adviesregel.html, since when advice must be about
                                      which theme, dated from the data

Every image on a page must be a file of the site (site_overrides/kmo_build/images.py). Messages name
the page's file and the line in it, front matter counted (page_source.py).

The logic is in site_overrides/kmo_build (markers, tables_markdown, widgets, contact, company, images).
While parameters.json is broken in `mkdocs serve` (kmo_data shows the error page), this hook does nothing.
"""

from __future__ import annotations

import secrets
from datetime import date

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from site_overrides.kmo_build import (build_warnings, check_data, company, contact, images, markers, page_source,
                                     rules_package, tables_markdown, widgets)
from site_overrides.kmo_build.layout import project_root

# This build's rules package, partial environment, checked details and placeholder nonce:
# set afresh by on_config at every build (`mkdocs serve` keeps this module between rebuilds).
_build: dict = {}


@event_priority(50)  # first: a wrong contact detail stops the build before anything is made
def on_config(config):
    _build.clear()
    if check_data.last_problems:
        return config
    details = company.company_details(config.extra)
    company.warn_empty_details(details)
    package = rules_package.load_package(project_root(config))
    sources = package.sources
    build_warnings.warn_stale_sources(
        sources.stale_sources(package.parameters.load(), date.today()), sources.MAX_AGE_DAYS
    )
    _build.update(
        package=package,
        env=widgets.environment(config.theme.dirs),
        contact=contact.contact_details(config.extra),
        company=details,
        nonce=secrets.token_hex(6),
        root=project_root(config),
    )
    return config


def on_files(files, config):
    if _build:
        _build["site_paths"] = {f.dest_uri for f in files}
    return files


def on_page_markdown(markdown, page, config, files):
    if not _build:
        return markdown
    package = _build["package"]

    def table(name: str, where: str, element_id: str) -> str:
        return tables_markdown.package_table(package, name, where, element_id)

    first = page_source.first_line(page_source.source_text(page), markdown)
    where = page_source.shown_path(page, _build["root"])
    return markers.replace_markers(markdown, where, page.meta, table, _build["nonce"], first)


def on_page_content(html, page, config, files):
    if not _build:
        return html
    # Before the widgets go in: their images are the site's own.
    images.check_images(html, page.url, _build["site_paths"], page_source.shown_path(page, _build["root"]),
                        page_source.source_text(page))
    if page.meta.get("kmo_tables"):
        html = tables_markdown.focusable_tables(html)
    names = page.meta.get("kmo_widgets") or []
    if not names:
        return html
    context = {
        "choices": _build["package"].catalog.choices(),
        "contact": _build["contact"],
        "company": _build["company"],
        "extra": config.extra,
        "page": page,
        "config": config,
        "base_url": get_relative_url(".", page.url),
        "tables": list(page.meta.get("kmo_tables") or []),
        "advice": _build["package"].tables.advice_rule(),
    }

    def render(name: str) -> str:
        return widgets.render_widget(_build["env"], name, page.file.src_uri, **context)

    return markers.insert_widgets(html, page.file.src_uri, names, render, _build["nonce"])
