"""The build code (site_overrides/kmo_build) and the thin hooks that call it, without a site build."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from site_overrides.kmo_build import build_warnings, company, markers, pyodide_core, snapshot, tables_markdown, widgets, wheel
from site_overrides.kmo_build.errors import BuildError
from site_overrides.kmo_build.rules_package import load_package
from tests.support.hooks import load_hook
from tests.support.rules import FIXED_FILE, TODAY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def package():
    # The build imports the rules package afresh; give the other tests their modules back after.
    saved = {k: v for k, v in sys.modules.items() if k == "kmo_portefeuille" or k.startswith("kmo_portefeuille.")}
    yield load_package(ROOT)
    for name in [k for k in sys.modules if k == "kmo_portefeuille" or k.startswith("kmo_portefeuille.")]:
        del sys.modules[name]
    sys.modules.update(saved)


def replace(package, text: str, meta: dict | None = None, where: str = "test.md") -> str:
    def table(name, at, element_id):
        return tables_markdown.package_table(package, name, at, element_id)

    return markers.replace_markers(text, where, {} if meta is None else meta, table, "n0nce")


def test_the_rules_package_comes_from_the_project_by_its_path(package):
    assert Path(package.__file__).resolve() == ROOT / "calculator" / "kmo_portefeuille" / "__init__.py"


def test_every_table_renders_as_markdown(package):
    for name in package.tables.TABLE_NAMES:
        out = replace(package, f"Intro\n\n<!-- kmo-tabel: {name} -->\n\nEnd")
        assert "<!-- kmo-tabel" not in out
        assert f'<div class="kmo-tabel kmo-tabel--{name}" markdown>' in out
        assert "| --- |" in out


def test_table_text_is_escaped():
    out = tables_markdown.table_markdown(
        {"caption": "Titel <i>", "headers": ["a|b", "c"], "rows": [["x\ny", ""], ["<b>x</b>", "R&D"]], "notes": ["noot <script>"]}, "t"
    )
    assert "| a\\|b | c |" in out and "| x y | &nbsp; |" in out
    assert "| &lt;b&gt;x&lt;/b&gt; | R&amp;D |" in out and "<b>" not in out
    assert "**Titel &lt;i&gt;**" in out and "<small>noot &lt;script&gt;</small>" in out
    with pytest.raises(BuildError, match="row 0 has 1 cells"):
        tables_markdown.table_markdown({"caption": "", "headers": ["a", "b"], "rows": [["x"]], "notes": []}, "t")


@pytest.mark.parametrize(
    "line, message",
    [
        ("<!-- kmo-tabel: bestaatniet -->", "de tabel 'bestaatniet' bestaat niet"),
        ("<!-- kmo: rekenmachine -->", "de markering <!-- kmo: rekenmachine --> bestaat niet"),
        ("<!-- kmo: -->", "de markering <!-- kmo:  --> bestaat niet"),
        ("tekst <!-- kmo: rekenhulp --> tekst", "dit lijkt op een kmo-markering, maar het is er geen"),
        ("<!-- kmo-tabl: tarieven -->", "dit lijkt op een kmo-markering, maar het is er geen"),
        ("<!-- kmo rekenhulp -->", "dit lijkt op een kmo-markering, maar het is er geen"),
    ],
)
def test_unknown_or_malformed_markers_stop_the_build(package, line, message):
    with pytest.raises(BuildError, match=message) as error:
        replace(package, f"# Titel\n\n{line}\n", where="x.md")
    assert "x.md, regel 3" in str(error.value)


def test_markers_in_code_blocks_stay_as_they_are(package):
    text = "```\n<!-- kmo: onbekend -->\n```\n\n~~~~html\n<!-- kmo-tabel: tarieven -->\n~~~~\n"
    assert replace(package, text) == text


def test_widgets_become_placeholders_and_flag_the_page(package):
    meta: dict = {}
    out = replace(package, "<!-- kmo: rekenhulp -->\n\n<!-- kmo: contactformulier -->\n\n<!-- kmo: erkenningsnummer -->", meta)
    assert meta["kmo_rekenhulp"] is True
    assert meta["kmo_widgets"] == ["rekenhulp", "contactformulier", "erkenningsnummer"]
    assert out.count("<!-- kmo-widget ") == 3
    with pytest.raises(BuildError, match="did not survive Markdown"):
        markers.insert_widgets("<p>niets</p>", "test.md", meta["kmo_widgets"], lambda name: "", "n0nce")


def _provider_sentence(number: str) -> str:
    contact = {"phone": "0800 93 710", "phone_href": "tel:+3280093710"}
    env = widgets.environment([ROOT / "site_overrides"])
    return widgets.render_widget(env, "erkenningsnummer", "test.md", company={"provider_number": number}, contact=contact)


def test_the_provider_number_is_shown_or_the_visitor_may_ask_for_it():
    shown = _provider_sentence("DV.A123456")
    assert '<strong class="kmo-nowrap">DV.A123456</strong>' in shown and "tel:" not in shown
    missing = _provider_sentence("")
    assert "Vraag het ons" in missing and '<a class="kmo-nowrap" href="tel:+3280093710">0800 93 710</a>' in missing
    assert "DV.A" not in missing
    assert "&lt;b&gt;" in _provider_sentence("<b>"), "the partial escapes what it prints"


def test_a_build_warning_goes_to_stderr_not_to_the_strict_mkdocs_logger(capsys, monkeypatch, caplog):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    build_warnings.warn("iets anders")
    err = capsys.readouterr().err
    assert err.startswith("WARNING -  kmo: iets anders") and "::warning" not in err
    assert not [r for r in caplog.records if r.name.startswith("mkdocs")], "strict mode would fail on it"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    build_warnings.warn("iets")
    assert "::warning title=kmo::iets" in capsys.readouterr().err


def test_stale_sources_are_named_in_one_warning(capsys):
    build_warnings.warn_stale_sources(
        [{"id": "vlaio-a", "label": "VLAIO A", "url": "https://www.vlaio.be/a", "checked": "2026-01-02"},
         {"id": "besluit", "label": "Besluit", "url": "https://codex.vlaanderen.be/b", "checked": None}], 120)
    err = capsys.readouterr().err
    assert err.count("WARNING") == 1 and "2 bron(nen)" in err and "120 dagen" in err
    assert "VLAIO A (vlaio-a, laatst nagekeken 2026-01-02" in err and "Besluit (besluit, laatst nagekeken nooit" in err
    build_warnings.warn_stale_sources([], 120)
    assert capsys.readouterr().err == ""


def test_hooks_are_ordered_by_event_priority():
    assets, snapshots, csp, marks = (load_hook(name) for name in ("kmo_assets", "kmo_snapshot", "kmo_csp", "kmo_markers"))
    assert assets.on_files.mkdocs_priority > snapshots.on_files.mkdocs_priority, "the wheel exists before its snapshot"
    assert csp.on_post_build.mkdocs_priority < 0, "the policy is computed from the finished pages"
    assert marks.on_config.mkdocs_priority > 0, "the contact details are checked first"


def test_lock_names_only_our_wheel():
    built = wheel.build_wheel(ROOT)
    assert built.name.endswith("-py3-none-any.whl")
    assert ROOT / ".cache" in built.parents, "the wheel is built in .cache/, not in the source tree"
    with zipfile.ZipFile(built) as archive:
        assert "kmo_portefeuille/parameters.json" in archive.namelist()
    core = pyodide_core.pyodide_dir(ROOT)
    name, text = pyodide_core.make_lock(core / "pyodide-lock.json", built, "314.0.7")
    lock = json.loads(text)
    assert name == "kmo-portefeuille"
    assert list(lock["packages"]) == ["kmo-portefeuille"]
    entry = lock["packages"][name]
    assert entry["file_name"] == built.name and entry["install_dir"] == "site"
    assert entry["imports"] == ["kmo_portefeuille"] and entry["depends"] == []
    npm_info = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    assert {k: lock["info"][k] for k in npm_info} == npm_info
    assert wheel.build_wheel(ROOT) == built, "an unchanged package is not rebuilt"


def test_missing_pyodide_says_to_run_npm_ci(tmp_path):
    with pytest.raises(BuildError, match="npm ci"):
        pyodide_core.pyodide_dir(tmp_path)


def test_the_snapshot_is_made_once_per_wheel_and_pyodide(tmp_path, monkeypatch):
    built = wheel.build_wheel(ROOT)
    made = snapshot.make_snapshot(ROOT, built)
    assert made.name.endswith(".snapshot.gz") and made.read_bytes()[:2] == b"\x1f\x8b"
    assert ROOT / ".cache" in made.parents
    # Cached: asked again, it is not made again (without Node it could not be).
    monkeypatch.setattr(snapshot.shutil, "which", lambda name: None)
    assert snapshot.make_snapshot(ROOT, built) == made
    # Another wheel is another snapshot; the build says what it needs to make it.
    other = tmp_path / built.name
    other.write_bytes(built.read_bytes() + b"\0")
    assert snapshot.snapshot_key(ROOT, other) != snapshot.snapshot_key(ROOT, built)
    with pytest.raises(BuildError, match="Node.js"):
        snapshot.make_snapshot(ROOT, other)


def test_contact_details_come_from_mkdocs_yml_only():
    from site_overrides.kmo_build.contact import FIELD_LIMITS, contact_details

    good = {"phone": "0800 93 710", "phone_href": "tel:+3280093710", "email": "info@ecx.be"}
    details = contact_details({"contact": good})
    assert details == {**good, "form_endpoint": "", "limits": FIELD_LIMITS}
    for key in good:
        with pytest.raises(BuildError, match=f"has no {key}"):
            contact_details({"contact": {**good, key: ""}})
    with pytest.raises(BuildError, match="tel:"):
        contact_details({"contact": {**good, "phone_href": "javascript:alert(1)"}})


def test_no_hook_reaches_another_through_sys_path():
    for path in (ROOT / "site_overrides" / "hooks").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sys.path" not in text, path.name
        imports = [line for line in text.splitlines() if line.startswith(("import ", "from "))]
        assert not any(line.split()[1].startswith("kmo_") for line in imports), f"{path.name} imports a sibling hook"


def test_a_dated_table_has_today_first_and_the_history_folded(package):
    out = replace(package, "<!-- kmo-tabel: tarieven -->")
    today = out.index("{ .kmo-tabel__vandaag }")
    assert out.index("**Vandaag (") < today < out.index("| Aanvragen vanaf |")
    first, _, folded = out.partition('<details class="kmo-tabel__eerder" markdown>')
    assert '<summary id="kmo-tabel-tarieven-eerder">Eerdere percentages</summary>' in folded
    assert "| 1 april 2016 |" in folded and "| 1 april 2016 |" not in first
    assert "cybersecurity" in first.split("| --- |")[-1].splitlines()[1], "the themed rate in force comes first"
    assert "(bronnen-en-keuzes.md)" in first


def test_tables_get_roles_labels_and_names():
    markdown_html = (
        '<div class="kmo-tabel kmo-tabel--x">\n<p class="kmo-tabel__titel" id="kmo-tabel-x"><strong>T</strong></p>\n'
        "<table>\n<thead>\n<tr>\n<th>A &amp; B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>&nbsp;</td>\n"
        "</tr>\n</tbody>\n</table>\n<details>\n<summary id=\"kmo-tabel-x-eerder\">Eerder</summary>\n"
        "<table>\n<thead>\n<tr>\n<th>A &amp; B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>0</td>\n<td>z</td>\n"
        "</tr>\n</tbody>\n</table>\n</details>\n</div>"
    )
    out = tables_markdown.focusable_tables(markdown_html)
    assert out.count('<table role="table" tabindex="0"') == 2
    assert 'aria-labelledby="kmo-tabel-x"' in out and 'aria-labelledby="kmo-tabel-x-eerder"' in out
    assert '<thead role="rowgroup">' in out and '<th role="columnheader">A &amp; B</th>' in out
    assert '<td role="cell" data-label="A &amp; B"><span class="kmo-tabel__waarde">1</span></td>' in out
    assert 'data-label="C" class="kmo-tabel__leeg"' in out


def test_the_advice_banner_takes_its_date_and_theme_from_the_data(package):
    fixed = package.parameters.load(FIXED_FILE)  # the fixed test data: the banner's logic, not today's rule
    rule = package.tables.advice_rule(fixed, TODAY)
    env = widgets.environment([ROOT / "site_overrides"])
    html = widgets.render_widget(env, "adviesregel", "index.md", advice=rule, base_url=".")
    assert f"Sinds {rule['since_display']}: advies alleen nog over cybersecurity" in html
    assert "Nieuw" not in html and 'href="./advies/#wat-betekent-dit-voor-jou"' in html
    from datetime import date

    before = package.tables.advice_rule(fixed, date(2025, 6, 1))
    assert before["themes"] is not None and len(before["themes"]) == 8 and before["since"] == date(2023, 1, 1)
    assert widgets.render_widget(env, "adviesregel", "x.md", advice={**rule, "themes": None}, base_url=".").strip() == ""


def test_the_empty_company_details_are_warned_in_one_block_once(capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    details = company.company_details({"company": {"legal_name": "ECX bv", "address": " ", "company_number": None}})
    assert details == {"legal_name": "ECX bv", "address": "", "company_number": "", "provider_number": "", "opening_hours": ""}
    company.warn_empty_details(details)
    company.warn_empty_details(details)  # a rebuild of `mkdocs serve`, in the same process
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    named = [key for key in company.FIELDS if f"{key} (" in lines[0]]
    assert named == ["address", "company_number", "provider_number", "opening_hours"], lines[0]


def test_the_tables_print_reader_notes_only(package):
    """Choices go to the Bronnen en keuzes page; the notes under a table say what holds."""
    import re

    if not package.tables.choices():
        pytest.skip("parameters.json has no `choice` texts yet: its notes still hold the choices")
    research = re.compile(r"(?i)werd niet (gevonden|nagegaan)|vonden (we )?niet|niet nagegaan|gebruikersgids|ECHA|"
                          r"personeelsplafond moet altijd gehaald|^Keuze:")
    for name in package.tables.TABLE_NAMES:
        data = package.tables.table(name)
        texts = [*data["notes"], *(data.get("history") or {}).get("notes", []), data.get("today") or ""]
        for text in texts:
            assert not research.search(text.split(": ", 1)[-1]), (name, text)
