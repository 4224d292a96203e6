"""MkDocs hook: the kmo marker lines in docs/*.md become tables and widgets.

    <!-- kmo-tabel: NAME -->          a table from kmo_portefeuille.tables.table(NAME)
    <!-- kmo: rekenhulp -->           partials/kmo/rekenhulp.html, the calculator
    <!-- kmo: contactformulier -->    partials/kmo/contactformulier.html, the contact form
    <!-- kmo: erkenningsnummer -->    partials/kmo/erkenningsnummer.html, ECX's provider number
    <!-- kmo: adviesregel -->         partials/kmo/adviesregel.html, since when advice must be about
                                      which theme, dated from the data

The logic is in site_overrides/kmo_build (markers, tables_markdown, widgets, contact, company).
"""

from __future__ import annotations

import secrets
from datetime import date

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from site_overrides.kmo_build import build_warnings, company, contact, markers, rules_package, tables_markdown, widgets
from site_overrides.kmo_build.layout import project_root

# This build's rules package, partial environment, checked details and placeholder nonce:
# set afresh by on_config at every build (`mkdocs serve` keeps this module between rebuilds).
_build: dict = {}


@event_priority(50)  # first: a wrong contact detail stops the build before anything is made
def on_config(config):
    details = company.company_details(config.extra)
    company.warn_without_provider_number(details)
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
    )
    return config


def on_page_markdown(markdown, page, config, files):
    package = _build["package"]

    def table(name: str, where: str, element_id: str) -> str:
        return tables_markdown.package_table(package, name, where, element_id)

    return markers.replace_markers(markdown, page.file.src_uri, page.meta, table, _build["nonce"])


def on_page_content(html, page, config, files):
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
