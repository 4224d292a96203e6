"""`make bench`: how fast the calculator answers, next to a bare Pyodide page (the floor).

Usage (from the project root): .venv/bin/python -m bench.run [--only matrix,typing] [--matrix-runs 3] …

Sections (all by default; `--only` picks some, `--skip` leaves some out):
    matrix      first result under four network/CPU profiles, floor and calculator alternating (matrix.py)
    typing      edits of the cost field on a ready calculator: typing and committed edits, and typing in
                a 20-row year plan (editing.py)
    compare     cold and warm first results of all compared pages on loopback (compare.py)
    weight      bytes per page (weight.py)
    offline     repeat visit with the server stopped (offline.py)
    lighthouse  Lighthouse scores (lighthouse.py)

The built site is copied with the pages of bench/pages/ (site_copy.py) and served under its
site_url path like GitHub Pages (serving.py). Results: bench-results/bench.json (every load) and
bench-results/bench.md (the tables, also printed). Measurements only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench import compare, editing, lighthouse, machine, matrix, offline, weight
from bench.browser import browser_version, launch
from bench.profiles import BY_KEY
from bench.report import markdown
from bench.serving import serve
from bench.site_copy import ROOT, check_site, gzip_copies, make_root, site_prefix
from bench.targets import CALCULATOR, PLAN_CALCULATOR, TARGETS

SECTIONS = ("matrix", "typing", "compare", "weight", "offline", "lighthouse")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--prefix", default=None, help="URL path of the site (default: the path of mkdocs.yml's site_url)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run, comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--skip", default="", help="sections to leave out, comma-separated")
    parser.add_argument("--no-lighthouse", action="store_true", help="same as --skip lighthouse")
    parser.add_argument("--matrix-runs", type=int, default=3, help="cold loads per page and profile (a slow-4G load takes ~45 s)")
    parser.add_argument("--profiles", default=",".join(BY_KEY), help=f"matrix profiles: {', '.join(BY_KEY)}")
    parser.add_argument("--matrix-pages", default=",".join(matrix.PAGES), help="matrix pages (floor and calculator at least)")
    parser.add_argument("--load-timeout", type=float, default=120, help="seconds before a matrix load counts as failed")
    parser.add_argument("--edits", type=int, default=30, help="edits per kind in the typing section")
    parser.add_argument("--runs", type=int, default=5, help="cold+warm visits per page in the compare section")
    parser.add_argument("--gzip-runs", type=int, default=3, help="the same for floor and calculator on the gzip host")
    parser.add_argument("--pages", default="floor,calculator,fresh,pyscript,worker", help="pages of the compare section")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(","))) | ({"lighthouse"} if args.no_lighthouse else set())
    args.sections = [s for s in filter(None, args.only.split(",")) if s not in skip]
    unknown = [s for s in args.sections if s not in SECTIONS]
    unknown += [p for p in args.profiles.split(",") if p not in BY_KEY]
    unknown += [p for p in (*args.matrix_pages.split(","), *args.pages.split(",")) if p not in TARGETS]
    if not {"floor", "calculator"} <= set(args.matrix_pages.split(",")):
        parser.error("--matrix-pages needs floor and calculator")
    if unknown:
        parser.error(f"unknown section, profile or page: {', '.join(unknown)}")
    return args


def offline_section(pw, root, prefix):
    """In a browser of its own: nothing of the other sections in its cache."""
    browser, _ = launch(pw)
    try:
        return offline.repeat_visit(browser, root, prefix, CALCULATOR)
    finally:
        browser.close()


def main(argv=None):
    args = parse_args(argv)
    site = Path(args.site).resolve()
    check_site(site)
    prefix = args.prefix if args.prefix is not None else site_prefix()
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    result = {"sections": args.sections, "prefix": prefix, "query": CALCULATOR, "errors": {}}
    compare_pages = args.pages.split(",")
    with tempfile.TemporaryDirectory(prefix="kmo-bench-") as tmp, sync_playwright() as pw:
        pyscript = "compare" in args.sections and "pyscript" in compare_pages
        root = make_root(site, Path(tmp) / "plain", with_pyscript=pyscript)
        root_gz = make_root(site, Path(tmp) / "gz", with_pyscript=pyscript)
        result["gzip_bytes_total"] = gzip_copies(root_gz)
        browser, chrome = launch(pw)
        result["machine"] = machine.info(browser_version(chrome, browser))
        print(machine.line(result["machine"]), flush=True)
        with serve(root, prefix) as base, serve(root_gz, prefix, use_gzip=True) as base_gz:
            steps = {
                "matrix": lambda: matrix.run(browser, base_gz, args.profiles.split(","), tuple(args.matrix_pages.split(",")),
                                             args.matrix_runs, args.load_timeout),
                "typing": lambda: editing.summarise(editing.measure(browser, base + CALCULATOR, args.edits, base + PLAN_CALCULATOR)),
                "compare": lambda: compare.run(browser, base, base_gz, compare_pages, args.runs, args.gzip_runs),
                "weight": lambda: weight.run(browser, base, base_gz, CALCULATOR),
                "offline": lambda: offline_section(pw, root, prefix),
                "lighthouse": lambda: lighthouse.run(base_gz, CALCULATOR, chrome or pw.chromium.executable_path, out),
            }
            for name in args.sections:
                print(f"{name} …", flush=True)
                try:
                    result[name] = steps[name]()
                except Exception as error:  # noqa: BLE001  (one broken section must not lose the others)
                    result["errors"][name] = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
                    print(f"  {name} failed: {result['errors'][name]}", flush=True)
        browser.close()
    result["compare_runs"] = args.runs
    result["load_after"] = machine.load_average()
    result["seconds"] = round(time.monotonic() - started)
    table = markdown(result)
    (out / "bench.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "bench.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    print(f"({result['seconds']} s; every load in {out / 'bench.json'})")


if __name__ == "__main__":
    main()
