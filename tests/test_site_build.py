"""A strict build of the site: what the data holds is shown as text, and the build's own warnings
(no provider number, a parameters.json of its own, a source not checked for long) do not stop it."""

from __future__ import annotations

import json
import re
from datetime import date

from tests.support.site_build import ROOT, run_build, run_build_with_extra

MARKUP = "<b>x</b>"


def test_markup_in_the_data_is_escaped_and_warnings_do_not_fail_strict(tmp_path):
    data = json.loads((ROOT / "calculator" / "kmo_portefeuille" / "parameters.json").read_text(encoding="utf-8"))
    for entry in data["themes"]:
        for theme in entry["value"]:
            if theme["value"] == "bedrijfsstrategie":
                theme["label"] = MARKUP
    for source in data["sources"].values():
        source["checked"] = date.today().isoformat()
    data["sources"]["vlaio-2016"]["checked"] = "2020-01-01"
    parameters = tmp_path / "parameters.json"
    parameters.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    result = run_build(tmp_path / "site", env={"KMO_PARAMETERS": str(parameters), "GITHUB_ACTIONS": None})
    assert result.returncode == 0, result.stderr[-4000:]
    # Said, and not turned into errors by --strict.
    assert "WARNING -  kmo: KMO_PARAMETERS=" in result.stderr
    empty = [line for line in result.stderr.splitlines() if "WARNING -  kmo: nog leeg in mkdocs.yml" in line]
    assert len(empty) == 1, "the empty company details come in one warning"
    for key in ("legal_name", "address", "company_number", "provider_number", "opening_hours"):  # empty in mkdocs.yml
        assert f"{key} (" in empty[0], key
    stale = [line for line in result.stderr.splitlines() if "al meer dan 120 dagen niet nagekeken" in line]
    assert len(stale) == 1 and "(vlaio-2016, laatst nagekeken 2020-01-01," in stale[0], result.stderr[-4000:]
    assert "vlaio-hoeveel" not in stale[0]

    page = (tmp_path / "site" / "rekenhulp" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<option value="bedrijfsstrategie">&lt;b&gt;x&lt;/b&gt;</option>', page), "the label is not escaped"
    assert MARKUP not in page
    for path in (tmp_path / "site").rglob("*.html"):
        assert MARKUP not in path.read_text(encoding="utf-8"), path


COMPANY = {"legal_name": "Voorbeeld <bv>", "address": "Teststraat 1, 9000 Gent", "company_number": "0123.456.789",
           "provider_number": "DV.A123456", "opening_hours": "maandag tot vrijdag, 9 tot 17 uur"}


def test_the_footer_shows_each_company_detail_and_warns_for_each_empty_one(tmp_path):
    result = run_build_with_extra(tmp_path / "full", {"company": COMPANY})
    assert result.returncode == 0, result.stderr[-4000:]
    assert "extra.company" not in result.stderr, "no warning when every detail is filled in"
    page = (tmp_path / "full" / "cybersecurity" / "index.html").read_text(encoding="utf-8")
    footer = page[page.index('<div class="md-copyright ecx-footer">'):page.index("</footer>")]
    assert "Voorbeeld &lt;bv&gt;" in footer and "<bv>" not in footer, "escaped"
    for key, value in COMPANY.items():
        if key != "legal_name":
            assert re.search(rf'data-ecx-footer="{key}">[^<]*{re.escape(value)}', footer), key
    assert 'href="tel:+3280093710"' in footer and 'href="mailto:info@ecx.be"' in footer

    empty = {**COMPANY, "address": "", "opening_hours": "  "}
    result = run_build_with_extra(tmp_path / "some", {"company": empty})
    assert result.returncode == 0, result.stderr[-4000:]
    warned = [line for line in result.stderr.splitlines() if line.startswith("WARNING -  kmo: nog leeg in mkdocs.yml")]
    assert len(warned) == 1 and "address (" in warned[0] and "opening_hours (" in warned[0], warned
    assert "legal_name (" not in warned[0] and "provider_number (" not in warned[0], warned
    footer = (tmp_path / "some" / "index.html").read_text(encoding="utf-8")
    assert 'data-ecx-footer="address"' not in footer and 'data-ecx-footer="opening_hours"' not in footer
    assert 'data-ecx-footer="company_number">Ondernemingsnummer (KBO): 0123.456.789' in footer
