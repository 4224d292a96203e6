"""The matrix of issue 11: time to the first result under four network/CPU profiles.

Every load is cold (a fresh context) on the gzip host (GitHub Pages' compression and max-age=600);
within a profile the pages alternate, and the order flips every run, so the floor and the
calculator share the same minutes. A load that takes longer than the timeout is recorded as a
failure and the run goes on.

Form live: when the calculator's form takes edits that count and are never overwritten (the
`kmo:form-live` mark, calculator.mjs), in ms after the HTML response ended (goal: 2 s on slow 4G).
"""

from __future__ import annotations

from bench.browser import in_fresh_context, visit
from bench.profiles import BY_KEY, DESKTOP
from bench.stats import median, ratio
from bench.targets import TARGETS

PAGES = ("floor", "calculator", "floor-worker")
FORM_LIVE = "kmo:form-live"


def form_live_ms(timeline: dict):
    """ms from the end of the HTML response to the form-live mark; None on a page without it."""
    if FORM_LIVE not in timeline or "html:responseEnd" not in timeline:
        return None
    return timeline[FORM_LIVE] - timeline["html:responseEnd"]


def cold_load(browser, url, profile, timeout_ms):
    def measure(context):
        _, data = visit(context, url, profile, timeout_ms)
        return {
            "ms": round(data["ready"], 1),
            "support": data.get("support"),
            "snapshot": "worker:snapshot" in data["timeline"],
            "form_live_ms": form_live_ms(data["timeline"]),
            "timeline": data["timeline"],
        }

    return in_fresh_context(browser, measure)


def run(browser, base_gz, profile_keys, pages, runs, timeout_s):
    timeout_ms = int(timeout_s * 1000)
    for key in pages:  # warm-up: the browser's first start-up costs are not the page's
        cold_load(browser, base_gz + TARGETS[key].path, DESKTOP, timeout_ms)
    loads = []
    for profile in (BY_KEY[k] for k in profile_keys):
        for i in range(runs):
            order = pages if i % 2 == 0 else tuple(reversed(pages))
            for key in order:
                entry = {"profile": profile.key, "page": key, "run": i + 1,
                         **cold_load(browser, base_gz + TARGETS[key].path, profile, timeout_ms)}
                loads.append(entry)
                shown = f"failed: {entry['error']}" if "error" in entry else f"{entry['ms'] / 1000:7.2f} s"
                print(f"  matrix {profile.key:<7} run {i + 1} {key:<13} {shown}", flush=True)
    return {"runs": runs, "timeout_s": timeout_s, "pages": list(pages), "profiles": summarise(loads, profile_keys, pages), "loads": loads}


def summarise(loads, profile_keys, pages):
    out = {}
    for key in profile_keys:
        row = {"label": BY_KEY[key].label}
        for page in pages:
            mine = [e for e in loads if e["profile"] == key and e["page"] == page]
            row[page] = {
                "median_ms": median([e["ms"] for e in mine if "ms" in e]),
                "all_ms": [e.get("ms") for e in mine],
                "failures": sum("error" in e for e in mine),
                "snapshot_starts": sum(bool(e.get("snapshot")) for e in mine),
                "form_live_median_ms": median([e["form_live_ms"] for e in mine if e.get("form_live_ms") is not None]),
            }
        calculator = row.get("calculator", {}).get("median_ms")
        row["ratio"] = ratio(calculator, row.get("floor", {}).get("median_ms"))
        row["ratio_worker_floor"] = ratio(calculator, row.get("floor-worker", {}).get("median_ms"))
        out[key] = row
    return out
