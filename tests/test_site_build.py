"""A strict build of the site: what the data holds is shown as text, and the build's own warnings
(no provider number, a parameters.json of its own, a source not checked for long) do not stop it."""

from __future__ import annotations

import json
import re
from datetime import date

from tests.support.site_build import ROOT, run_build

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
    assert "WARNING -  kmo: extra.company.provider_number in mkdocs.yml is empty" in result.stderr
    assert "WARNING -  kmo: KMO_PARAMETERS=" in result.stderr
    stale = [line for line in result.stderr.splitlines() if "not checked for more than 120 days" in line]
    assert len(stale) == 1 and "(vlaio-2016, last checked 2020-01-01," in stale[0], result.stderr[-4000:]
    assert "vlaio-hoeveel" not in stale[0]

    page = (tmp_path / "site" / "rekenhulp" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<option value="bedrijfsstrategie">&lt;b&gt;x&lt;/b&gt;</option>', page), "the label is not escaped"
    assert MARKUP not in page
    for path in (tmp_path / "site").rglob("*.html"):
        assert MARKUP not in path.read_text(encoding="utf-8"), path
