"""Cold and warm first results of the compared pages, loopback, no throttling.

Per page and run a fresh context gives the cold visit and a second visit in it the warm one; the
pages take turns, so every ratio comes from the same minutes of the same machine.
"""

from __future__ import annotations

from bench.browser import in_fresh_context, visit
from bench.stats import median, ratio
from bench.targets import TARGETS

GZIP_PAGES = ("floor", "calculator")


def cold_and_warm(browser, url, refuse=()):
    """One entry: cold and warm ms, long tasks before the cold answer, timelines, off-host requests."""

    def measure(context):
        page, cold = visit(context, url)
        page.close()
        page, warm = visit(context, url)
        page.close()
        return {
            "cold_ms": round(cold["ready"], 1),
            "warm_ms": round(warm["ready"], 1),
            "support": cold.get("support"),
            "cold_timeline": cold["timeline"],
            "warm_timeline": warm["timeline"],
            "cold_longtasks": [[round(t["start"]), round(t["duration"], 1)] for t in cold["longtasks"] if t["start"] <= cold["ready"]],
        }

    return in_fresh_context(browser, measure, refuse)


def run(browser, base, base_gz, keys, runs, gzip_runs):
    """All rows: the pages on the plain host, then floor and calculator on the gzip host."""
    rows = {}
    for url_base, suffix, n in ((base, "", runs), (base_gz, "_gzip", gzip_runs)):
        chosen = keys if not suffix else [k for k in GZIP_PAGES if k in keys]
        if n:  # a warm-up load of each page: first launch costs are not the page's
            for key in chosen:
                cold_and_warm(browser, url_base + TARGETS[key].path, TARGETS[key].refuse)
        for i in range(n):
            for key in chosen:
                entry = cold_and_warm(browser, url_base + TARGETS[key].path, TARGETS[key].refuse)
                rows.setdefault(key + suffix, []).append(entry)
                shown = entry.get("error") or f"cold {entry['cold_ms']:>7} ms  warm {entry['warm_ms']:>7} ms"
                print(f"  run {i + 1} {key + suffix:<16} {shown}", flush=True)
    return summarise(rows)


def summarise(rows):
    summary = {}
    for key, entries in rows.items():
        ok = [e for e in entries if "error" not in e]
        row = {
            "cold_ms": median([e["cold_ms"] for e in ok]),
            "warm_ms": median([e["warm_ms"] for e in ok]),
            "cold_all_ms": [e["cold_ms"] for e in ok],
            "warm_all_ms": [e["warm_ms"] for e in ok],
            "failures": [e["error"] for e in entries if "error" in e],
            "support": ok[0]["support"] if ok else None,
            "off_host": sorted({u for e in ok for u in e["off_host"]}),
            "cold_longtasks": [t for e in ok for t in e["cold_longtasks"]],
        }
        for kind in ("cold", "warm"):
            lines = [e[f"{kind}_timeline"] for e in ok]
            names = sorted({n for line in lines for n in line}, key=lambda n: median([line[n] for line in lines if n in line]))
            row[f"{kind}_timeline"] = {n: median([line[n] for line in lines if n in line]) for n in names}
        summary[key] = row
    for key, row in summary.items():
        floor = summary.get("floor_gzip" if key.endswith("_gzip") else "floor") or {}
        row["cold_ratio_to_floor"] = ratio(row["cold_ms"], floor.get("cold_ms"))
        row["warm_ratio_to_floor"] = ratio(row["warm_ms"], floor.get("warm_ms"))
    return summary
