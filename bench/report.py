"""The Markdown report of a bench run (bench-results/bench.md, and printed): one function per table."""

from __future__ import annotations

from bench import machine
from bench.stats import ratio
from bench.targets import TARGETS


def seconds(ms):
    return f"{ms / 1000:.1f} s" if ms is not None else "–"


def matrix_table(m) -> list[str]:
    pages = m["pages"]
    worker = "floor-worker" in pages
    head = "| profile | floor | calculator | ratio |" + (" floor in a worker | calculator ÷ floor in a worker |" if worker else "")
    lines = [
        f"First result, cold, host sends gzip (medians of {m['runs']} runs; a load over {m['timeout_s']:g} s counts as failed):",
        "",
        head,
        "|---|---:|---:|---:|" + ("---:|---:|" if worker else ""),
    ]
    for row in m["profiles"].values():
        def cell(page):
            c = row[page]
            return seconds(c["median_ms"]) + (f" ({c['failures']} failed)" if c["failures"] else "")

        line = f"| {row['label']} | {cell('floor')} | {cell('calculator')} | {row['ratio'] if row['ratio'] is not None else '–'} |"
        if worker:
            line += f" {cell('floor-worker')} | {row['ratio_worker_floor'] if row['ratio_worker_floor'] is not None else '–'} |"
        lines.append(line)
    live = {k: r["calculator"].get("form_live_median_ms") for k, r in m["profiles"].items()}
    lines += ["", "Form live (the `kmo:form-live` mark, ms after the HTML response; goal 2 s on slow 4G), calculator medians: "
              + ", ".join(f"{k} {seconds(v)}" for k, v in live.items()) + "."]
    snapshots = {k: f"{r['calculator']['snapshot_starts']}/{len(r['calculator']['all_ms'])}" for k, r in m["profiles"].items()}
    lines += ["", "Calculator loads that started from the snapshot, per profile: " + ", ".join(f"{k} {v}" for k, v in snapshots.items()) + "."]
    if worker:
        lines += ["Chromium's CPU throttling slows the page's main thread only, not a worker: the floor on the page "
                  "pays it for Pyodide's start, the calculator's worker does not. The floor in a worker is the like-for-like floor."]
    return lines


def typing_table(t) -> list[str]:
    return [
        f"Edits of the cost field on a ready calculator, from the input event to the new `data-support` ({t['edits']} edits each):",
        "",
        "| edit | median | max |",
        "|---|---:|---:|",
        f"| typing (Playwright `fill`: an `input` event) | {t['typing_median_ms']} ms | {t['typing_max_ms']} ms |",
        f"| committed (`input` + `change`) | {t['commit_median_ms']} ms | {t['commit_max_ms']} ms |",
        *([f"| year plan of {t['plan_rows']} services, typing in row 1's cost (the whole plan recomputed) "
           f"| {t['plan_typing_median_ms']} ms | {t['plan_typing_max_ms']} ms |"] if "plan_typing_ms" in t else []),
    ]


def compare_table(s, runs) -> list[str]:
    lines = [
        f"Loopback, no throttling ({runs} runs, medians):",
        "",
        "| Navigation to first result | cold (ms) | warm (ms) | cold ÷ floor | warm ÷ floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, row in s.items():
        base = key.removesuffix("_gzip")
        label = TARGETS[base].label + (", host sends gzip" if key.endswith("_gzip") else "")
        failed = f" ({len(row['failures'])} failed)" if row["failures"] else ""
        lines.append(f"| {label}{failed} | {row['cold_ms']} | {row['warm_ms']} | {row['cold_ratio_to_floor']} | {row['warm_ratio_to_floor']} |")
    c, p = s.get("calculator", {}), s.get("pyscript", {})
    if c and p:
        lines += ["", f"Calculator ÷ PyScript: cold {ratio(c['cold_ms'], p['cold_ms'])}, warm {ratio(c['warm_ms'], p['warm_ms'])}."]
    tasks = [d for _, d in s.get("calculator", {}).get("cold_longtasks", [])]
    if "calculator" in s:
        lines += [f"Longest main-thread long task while the calculator loads (cold, all runs): {max(tasks, default=0)} ms "
                  f"({len(tasks)} long tasks; goal: none over 100 ms)."]
    for key in ("floor", "worker", "fresh", "calculator"):
        steps = s.get(key, {}).get("cold_timeline")
        if steps:
            warm = s[key]["warm_timeline"]
            lines += ["", f"Timeline of the {key} page, ms since navigation start (medians; cold / warm):", "",
                      "; ".join(f"{name} {ms} / {warm.get(name, '–')}" for name, ms in steps.items()) + "."]
    return lines


def weight_table(w) -> list[str]:
    lines = ["| Page | transferred | requests | Pyodide files |", "|---|---:|---:|---:|"]
    for name, row in w.items():
        lines.append(f"| {name} | {row['bytes'] / 1024:.0f} KB | {row['requests']} | {row['pyodide_requests']} ({row['pyodide_bytes'] / 1024:.0f} KB) |")
    return lines


def offline_line(o) -> list[str]:
    said = f"answers in {o['ms']} ms" if o.get("works") else f"fails ({o.get('error', 'another answer')})"
    return [f"Repeat visit with the server stopped (HTTP cache, max-age=600): {said}."]


def lighthouse_table(lh) -> list[str]:
    lines = ["Lighthouse 12.2.3 (mobile) against the gzip host:", "",
             "| page | performance | accessibility | best practices | SEO | FCP / LCP / TBT |", "|---|---:|---:|---:|---:|---|"]
    for name, row in lh.items():
        if "error" in row:
            lines.append(f"| {name} | error: {row['error'][:80].strip()} | | | | |")
        else:
            lines.append(f"| {name} | {row.get('performance')} | {row.get('accessibility')} | {row.get('best-practices')} | "
                         f"{row.get('seo')} | {row.get('first-contentful-paint')} / {row.get('largest-contentful-paint')} / "
                         f"{row.get('total-blocking-time')} |")
    return lines


def markdown(result) -> str:
    blocks = [[machine.line(result["machine"], result.get("load_after"))]]
    if "matrix" in result:
        blocks.append(matrix_table(result["matrix"]))
    if "typing" in result:
        blocks.append(typing_table(result["typing"]))
    if "compare" in result:
        blocks.append(compare_table(result["compare"], result["compare_runs"]))
    if "weight" in result:
        blocks.append(weight_table(result["weight"]))
    if "offline" in result:
        blocks.append(offline_line(result["offline"]))
    if "lighthouse" in result:
        blocks.append(lighthouse_table(result["lighthouse"]))
    for name, error in result.get("errors", {}).items():
        blocks.append([f"Section {name} failed: {error}"])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
