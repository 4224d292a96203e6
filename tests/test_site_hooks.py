"""The build hooks in site_overrides/hooks/, without a full site build."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.build_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def markers():
    # The hook imports the rules package afresh; give the other tests their modules back after.
    saved = {k: v for k, v in sys.modules.items() if k == "kmo_portefeuille" or k.startswith("kmo_portefeuille.")}
    saved_path = list(sys.path)
    module = load_hook("kmo_markers")
    module.on_config(SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml")))
    yield module
    for name in [k for k in sys.modules if k == "kmo_portefeuille" or k.startswith("kmo_portefeuille.")]:
        del sys.modules[name]
    sys.modules.update(saved)
    sys.path[:] = saved_path


@pytest.fixture(scope="module")
def assets():
    return load_hook("kmo_assets")


def _page(name="test.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=name), meta={}, url="test/")


def test_every_table_renders_as_markdown(markers):
    for name in markers._package(None).tables.TABLE_NAMES:
        out = markers.on_page_markdown(f"Intro\n\n<!-- kmo-tabel: {name} -->\n\nEnd", _page(), None, None)
        assert "<!-- kmo-tabel" not in out
        assert f'<div class="kmo-tabel kmo-tabel--{name}" markdown>' in out
        assert "| --- |" in out


def test_table_cells_are_escaped(markers):
    out = markers.table_markdown(
        {"caption": "Titel", "headers": ["a|b", "c"], "rows": [["x\ny", ""]], "notes": ["noot"]}, "t"
    )
    assert "| a\\|b | c |" in out and "| x y | &nbsp; |" in out
    assert "**Titel**" in out and "<small>noot</small>" in out
    with pytest.raises(PluginError, match="row 0 has 1 cells"):
        markers.table_markdown({"caption": "", "headers": ["a", "b"], "rows": [["x"]], "notes": []}, "t")


@pytest.mark.parametrize(
    "line, message",
    [
        ("<!-- kmo-tabel: bestaatniet -->", "unknown table 'bestaatniet'"),
        ("<!-- kmo: rekenmachine -->", "unknown marker"),
        ("<!-- kmo: -->", "unknown marker"),
        ("tekst <!-- kmo: rekenhulp --> tekst", "malformed kmo marker"),
    ],
)
def test_unknown_or_malformed_markers_stop_the_build(markers, line, message):
    with pytest.raises(PluginError, match=message) as error:
        markers.on_page_markdown(f"# Titel\n\n{line}\n", _page("x.md"), None, None)
    assert "x.md:3" in str(error.value)


def test_markers_in_code_blocks_stay_as_they_are(markers):
    text = "```\n<!-- kmo: onbekend -->\n```\n\n~~~~html\n<!-- kmo-tabel: tarieven -->\n~~~~\n"
    assert markers.on_page_markdown(text, _page(), None, None) == text


def test_widgets_become_placeholders_and_flag_the_page(markers):
    page = _page()
    out = markers.on_page_markdown("<!-- kmo: rekenhulp -->\n\n<!-- kmo: contactformulier -->", page, None, None)
    assert page.meta["kmo_rekenhulp"] is True
    assert out.count("<!-- kmo-widget ") == 2
    with pytest.raises(PluginError, match="did not survive Markdown"):
        markers.on_page_content("<p>niets</p>", page, None, None)


def test_lock_names_only_our_wheel(assets, tmp_path):
    wheel = assets.build_wheel(ROOT)
    assert wheel.name.endswith("-py3-none-any.whl")
    assert ROOT / ".cache" in wheel.parents, "the wheel is built in .cache/, not in the source tree"
    with zipfile.ZipFile(wheel) as archive:
        assert "kmo_portefeuille/parameters.json" in archive.namelist()
    core = assets.pyodide_dir(ROOT)
    name, text = assets.make_lock(core / "pyodide-lock.json", wheel, "314.0.7")
    lock = json.loads(text)
    assert name == "kmo-portefeuille"
    assert list(lock["packages"]) == ["kmo-portefeuille"]
    entry = lock["packages"][name]
    assert entry["file_name"] == wheel.name and entry["install_dir"] == "site"
    assert entry["imports"] == ["kmo_portefeuille"] and entry["depends"] == []
    npm_info = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    assert {k: lock["info"][k] for k in npm_info} == npm_info
    assert assets.build_wheel(ROOT) == wheel, "an unchanged package is not rebuilt"


def test_missing_pyodide_says_to_run_npm_ci(assets, tmp_path):
    with pytest.raises(PluginError, match="npm ci"):
        assets.pyodide_dir(tmp_path)


def test_the_snapshot_is_made_once_per_wheel_and_pyodide(assets, tmp_path, monkeypatch):
    snapshots = load_hook("kmo_snapshot")
    wheel = assets.build_wheel(ROOT)
    snapshot = snapshots.make_snapshot(ROOT, wheel)
    assert snapshot.name.endswith(".snapshot.gz") and snapshot.read_bytes()[:2] == b"\x1f\x8b"
    assert ROOT / ".cache" in snapshot.parents
    # Cached: asked again, it is not made again (without Node it could not be).
    monkeypatch.setattr(snapshots.shutil, "which", lambda name: None)
    assert snapshots.make_snapshot(ROOT, wheel) == snapshot
    # Another wheel is another snapshot; the build says what it needs to make it.
    other = tmp_path / wheel.name
    other.write_bytes(wheel.read_bytes() + b"\0")
    assert snapshots.snapshot_key(ROOT, other) != snapshots.snapshot_key(ROOT, wheel)
    with pytest.raises(PluginError, match="Node.js"):
        snapshots.make_snapshot(ROOT, other)
