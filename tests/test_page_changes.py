"""The pull request's job summary lists the pages a visitor would read differently, with the
changed lines; a change in markup or scripts alone lists nothing. On small fixed pages."""

from __future__ import annotations

from pathlib import Path

from maintenance.page_changes.__main__ import main

PAGE = """<!doctype html><html><head><script>var build = "{build}";</script></head><body>
<nav>Menu</nav>
<article class="md-content__inner md-typeset">
<h1 id="titel">{title}<a class="headerlink" href="#titel">¶</a></h1>
<p>Je krijgt <strong>{rate}</strong> steun.</p>
</article></body></html>"""


def _site(folder: Path, pages: dict[str, dict]) -> Path:
    for name, values in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(**{"build": "1", "title": "Advies", "rate": "45%", **values}), encoding="utf-8")
    return folder


def _summary(capsys, before: Path, after: Path) -> str:
    assert main([str(before), str(after)]) == 0
    return capsys.readouterr().out


def test_a_changed_sentence_lists_its_page_with_the_line_before_and_after(tmp_path, capsys):
    before = _site(tmp_path / "before", {"index.html": {}, "advies/index.html": {}})
    after = _site(tmp_path / "after", {"index.html": {"build": "2"}, "advies/index.html": {"rate": "60%", "build": "2"}})
    summary = _summary(capsys, before, after)
    assert "1 pagina('s) lezen anders" in summary
    assert "<code>advies/</code>" in summary and "(startpagina)" not in summary, "scripts are not text"
    assert "-Je krijgt 45% steun." in summary and "+Je krijgt 60% steun." in summary
    assert "¶" not in summary and "Menu" not in summary


def test_new_and_removed_pages_are_listed_and_no_change_says_so(tmp_path, capsys):
    before = _site(tmp_path / "before", {"index.html": {}, "oud/index.html": {}})
    after = _site(tmp_path / "after", {"index.html": {}, "nieuw/index.html": {}})
    summary = _summary(capsys, before, after)
    assert "<code>nieuw/</code>" in summary and "<code>oud/</code>" in summary
    assert "Geen pagina leest anders" in _summary(capsys, before, before)
