"""The calculator's page modules main.html preloads (site_overrides/kmo_build/preload.py)."""

from __future__ import annotations

from pathlib import Path

from site_overrides.kmo_build.preload import page_modules

ROOT = Path(__file__).resolve().parents[1]


def test_every_module_the_page_imports_is_preloaded_and_none_of_the_worker(tmp_path):
    (tmp_path / "entry.mjs").write_text('import { a } from "./a.mjs";\nexport { b } from "./b.mjs";\n')
    (tmp_path / "a.mjs").write_text('import {\n  c,\n} from "./c.mjs";\nconst w = new URL("./worker.mjs", import.meta.url);\n')
    (tmp_path / "b.mjs").write_text('import { a } from "./a.mjs";\n')
    (tmp_path / "c.mjs").write_text("export const c = 1;\n")
    (tmp_path / "worker.mjs").write_text("")
    assert page_modules(tmp_path, ("entry.mjs",)) == ["entry.mjs", "a.mjs", "b.mjs", "c.mjs"]


def test_the_calculator_page_preloads_its_own_modules():
    modules = page_modules(ROOT / "calculator" / "web")
    assert modules[:3] == ["link.mjs", "mount-here.mjs", "calculator.mjs"]
    assert {"fields.mjs", "form.mjs", "runtime.mjs", "start.mjs"} <= set(modules)
    assert "worker.mjs" not in modules and "contact.mjs" not in modules
