"""`make bench`: how fast the calculator answers, next to a bare Pyodide page and a PyScript peer.

Usage: .venv/bin/python bench/run.py [--site site] [--runs 5] [--out bench-results] [--no-lighthouse]

The built site (`make build`, served under its site_url path like in tests/e2e) is copied into a
temporary directory together with three pages that are not part of the site:

    bench-floor/      loads the site's own Pyodide files on the main thread and evaluates 1+1:
                      the floor, as fast as this Pyodide can start in this browser;
    bench-worker/     a bare page that runs the calculator's own worker (assets/kmo/worker.mjs)
                      with the same request: the worker without the theme's page around it;
    bench-pyscript/   PyScript (@pyscript/core from bench/node_modules, self-hosted) with the same
                      Pyodide files, loading the same wheel and computing the same request.

Every page marks its answer the same way: #kmo-result gets data-state="ready" (and data-support).
Everything runs in headless Chromium on 127.0.0.1, in the same run, interleaved; a cold run uses
a fresh browser context (empty cache), the warm run is the second visit in that context.
The server answers like GitHub Pages does (Cache-Control: max-age=600, Last-Modified, 304s);
a second server variant sends precompressed gzip copies (Content-Encoding: gzip) of the text
types and the wasm, as GitHub Pages compresses them; Lighthouse is run against that one.
Each page's timeline (User Timing marks of the page and of the worker, `self.kmoTimeline`, and
when some files arrived) is reported too. `--pages` and `--block URLPART` are for experiments.

It prints a Markdown table and writes bench-results/bench.json and bench-results/bench.md.
Nothing here asserts anything: these are measurements, not tests.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from conftest import CHROMIUM_ARGS, _Handler, _serve, system_chromium  # noqa: E402  (the tests' launch flags and server)

QUERY = "date=2026-11-27&service=advies&theme=cybersecurity&cost=10000&size=klein"
REQUEST = {
    "date": "2026-11-27",
    "service": "advies",
    "theme": "cybersecurity",
    "cost": "10000",
    "company": {"size": "klein"},
    "checklist": {},
}
READY = '#kmo-result[data-state="ready"]'
NO_SNAPSHOT = (".snapshot.gz",)  # refused: the worker starts Pyodide the normal way
THROTTLE_RTT_MS = 40
TIMEOUT_MS = 60000
# What a compressing host (GitHub Pages) sends gzipped: text types, and the wasm. Zip archives
# (python_stdlib.zip, the wheel) are sent as they are: their members are compressed already.
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm", ".map"}

# Runs before any script of the page: when the answer appears, and the main thread's long tasks.
INIT_SCRIPT = r"""
(() => {
  const bench = (window.__bench = { ready: null, longtasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const check = (el) => {
    if (bench.ready === null && el && el.id === "kmo-result" && el.dataset.state === "ready") {
      bench.ready = performance.now();
      bench.support = el.dataset.support || null;
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") check(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1) { check(n); n.querySelector && check(n.querySelector("#kmo-result")); }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
})();
"""

# --------------------------------------------------------------------------- pages made for the benchmark

FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor: Pyodide 1+1</title></head>
<body><p id="kmo-result" data-state="loading">…</p>
<script type="module" src="./floor.mjs"></script></body></html>
"""
FLOOR_MJS = """import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
performance.mark("floor:script");
const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href });
performance.mark("floor:pyodide");
const result = document.getElementById("kmo-result");
result.dataset.support = String(pyodide.runPython("1+1"));
result.dataset.state = "ready";
"""
# The calculator's own worker (assets/kmo/worker.mjs) on a bare page: the worker and the rules
# without the theme's page around them (what the page itself costs on a shared CPU).
WORKER_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare page: the calculator's worker</title></head>
<body><p id="kmo-result" data-state="loading">…</p>
<script type="module" src="./bare.mjs"></script></body></html>
"""
WORKER_MJS = """const worker = new Worker(new URL("../assets/kmo/worker.mjs", import.meta.url), { type: "module" });
performance.mark("kmo:worker-created");
const result = document.getElementById("kmo-result");
worker.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "ready") performance.mark("kmo:ready-received");
  if (data.id !== 1) return;
  performance.mark("kmo:answer-received");
  result.dataset.support = data.response ? String(data.response.support) : "";
  result.dataset.state = "ready";
});
worker.postMessage({ id: 1, request: %s });
"""
PYSCRIPT_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>peer: PyScript</title>
<link rel="stylesheet" href="./pyscript/core.css">
<script type="module" src="./pyscript/core.js"></script></head>
<body><p id="kmo-result" data-state="loading">…</p>
<script type="py" config="./config.json" src="./main.py"></script></body></html>
"""
PYSCRIPT_MAIN = """import json, sys, zipfile
zipfile.ZipFile("kmo.whl").extractall("/home/pyodide/kmo-wheel")
sys.path.insert(0, "/home/pyodide/kmo-wheel")
import kmo_portefeuille
from js import document
response = kmo_portefeuille.evaluate(json.loads('''%s'''))
result = document.getElementById("kmo-result")
result.dataset.support = response.get("support", "")
result.dataset.state = "ready"
"""


def make_root(site: Path, tmp: Path, prefix: str) -> Path:
    """tmp/<prefix>/ = the built site + bench-floor/ + bench-pyscript/."""
    root = tmp / prefix.strip("/")
    shutil.copytree(site, root)
    floor = root / "bench-floor"
    floor.mkdir()
    (floor / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
    (floor / "floor.mjs").write_text(FLOOR_MJS, encoding="utf-8")
    bare = root / "bench-worker"
    bare.mkdir()
    (bare / "index.html").write_text(WORKER_HTML, encoding="utf-8")
    (bare / "bare.mjs").write_text(WORKER_MJS % json.dumps(REQUEST), encoding="utf-8")
    peer = root / "bench-pyscript"
    peer.mkdir()
    dist = BENCH / "node_modules" / "@pyscript" / "core" / "dist"
    if not dist.is_dir():
        raise SystemExit("bench/node_modules/@pyscript/core is missing: run `make bench` (it runs npm ci in bench/)")
    shutil.copytree(dist, peer / "pyscript", ignore=shutil.ignore_patterns("*.map"))
    wheel = next((root / "assets" / "pyodide").glob("*.whl"))
    config = {"interpreter": "../assets/pyodide/pyodide.mjs", "files": {f"../assets/pyodide/{wheel.name}": "./kmo.whl"}}
    (peer / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (peer / "main.py").write_text(PYSCRIPT_MAIN % json.dumps(REQUEST), encoding="utf-8")
    (peer / "index.html").write_text(PYSCRIPT_HTML, encoding="utf-8")
    return root


def gzip_copies(root: Path) -> int:
    """file.gz next to every compressible file (what a compressing host sends); total gz bytes."""
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)
            total += len(data)
    return total


# --------------------------------------------------------------------------- the server


class Handler(_Handler):
    """The tests' static server (tests/e2e/conftest.py, with its Last-Modified and 304s), answering
    like GitHub Pages: keep-alive, Cache-Control: max-age=600, and with use_gzip the .gz copy of a
    compressible file as Content-Encoding: gzip."""

    extensions_map = {**_Handler.extensions_map, ".py": "text/plain; charset=utf-8"}
    protocol_version = "HTTP/1.1"
    use_gzip = False
    max_age = 600
    gzipped = False

    def translate_path(self, path):
        local = super().translate_path(path)
        if os.path.isdir(local) and urllib.parse.urlsplit(path).path.endswith("/"):
            local = os.path.join(local, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        self.gzipped = self.use_gzip and accepts and os.path.isfile(local + ".gz")
        return local + ".gz" if self.gzipped else local

    def guess_type(self, path):
        return super().guess_type(path.removesuffix(".gz") if self.gzipped else path)

    def end_headers(self):
        if self.gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path, prefix: str, use_gzip: bool = False):
    with _serve(directory, prefix, type("GzipHandler" if use_gzip else "Handler", (Handler,), {"use_gzip": use_gzip})) as base:
        yield base if base.endswith("/") else base + "/"


# --------------------------------------------------------------------------- measuring


BLOCK: list[str] = []  # --block: URL parts to refuse (experiments: what does a request cost?)

# Where the time goes: User Timing marks of the page (start.mjs, mount.mjs, the floor page) and
# when some of the page's own files finished loading, all in ms since navigation start.
TIMELINE_JS = r"""
() => {
  const out = {};
  for (const m of performance.getEntriesByType("mark")) if (!(m.name in out)) out[m.name] = Math.round(m.startTime);
  const nav = performance.getEntriesByType("navigation")[0];
  if (nav) {
    out["html:responseEnd"] = Math.round(nav.responseEnd);
    out["domContentLoaded"] = Math.round(nav.domContentLoadedEventEnd);
  }
  const keys = { "bundle.": "bundle", "search_index.json": "search_index", "workers/search": "search_worker",
                 "start.mjs": "start.mjs", "pyodide.asm.wasm": "wasm", "python_stdlib.zip": "stdlib" };
  for (const r of performance.getEntriesByType("resource")) {
    for (const [part, name] of Object.entries(keys)) {
      if (r.name.includes(part) && !(("res:" + name) in out)) out["res:" + name] = Math.round(r.responseEnd);
    }
  }
  for (const p of performance.getEntriesByType("paint")) out[p.name] = Math.round(p.startTime);
  out.timeOrigin = performance.timeOrigin;
  return out;
}
"""


def timeline(page):
    """The page's marks, and the calculator worker's own timeline shifted to the page's clock."""
    try:
        out = page.evaluate(TIMELINE_JS)
    except Exception:  # noqa: BLE001
        return {}
    for worker in page.workers:
        if "worker.mjs" not in worker.url:
            continue
        with contextlib.suppress(Exception):
            steps = worker.evaluate("self.kmoTimeline || null")
            if steps:
                shift = steps.pop("origin") - out["timeOrigin"]
                for name, ms in steps.items():
                    out["worker:" + name] = round(ms + shift)
    out.pop("timeOrigin", None)
    return out


def new_context(browser, refuse=()):
    """A fresh profile; requests whose URL holds a part of `refuse` (or of --block) are refused."""
    context = browser.new_context()
    context.add_init_script(INIT_SCRIPT)
    # Nothing leaves the machine: a request to another host fails (and is counted).
    context.off_host = []
    refused = (*BLOCK, *refuse)

    def guard(route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") and not any(part in route.request.url for part in refused):
            route.fallback()
        elif host in ("127.0.0.1", "localhost"):
            route.abort()
        else:
            context.off_host.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


def visit(context, url, network=None):
    """Open url in a new page of context; ms from navigation start to the first answer.
    network: Chromium's emulated conditions for the page (and its worker), e.g. a bandwidth."""
    page = context.new_page()
    timeout = TIMEOUT_MS
    if network:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **network})
        timeout = TIMEOUT_MS * 3
    page.goto(url, wait_until="commit", timeout=timeout)
    page.wait_for_selector(READY, state="attached", timeout=timeout)
    page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=timeout)
    data = page.evaluate("window.__bench")
    data["worker_ms"] = page.evaluate("(document.getElementById('kmo-result').dataset.loadMs || null)")
    data["timeline"] = timeline(page)
    return page, data


def first_result(browser, url, label, runs_log, refuse=()):
    """A cold and a warm visit in one fresh context: (cold ms, warm ms, cold long tasks, support)."""
    context = new_context(browser, refuse)
    try:
        page, cold = visit(context, url)
        page.close()
        page, warm = visit(context, url)
        page.close()
        entry = {
            "page": label,
            "cold_ms": round(cold["ready"], 1),
            "warm_ms": round(warm["ready"], 1),
            "support": cold.get("support"),
            "worker_ms": [cold.get("worker_ms"), warm.get("worker_ms")],
            "cold_timeline": cold.get("timeline", {}),
            "warm_timeline": warm.get("timeline", {}),
            "cold_longtasks": [[round(t["start"]), round(t["duration"])] for t in cold["longtasks"] if t["start"] <= cold["ready"]],
            "cold_longtasks_ms": [round(t["duration"], 1) for t in cold["longtasks"] if t["start"] <= cold["ready"]],
            "warm_longtasks_ms": [round(t["duration"], 1) for t in warm["longtasks"] if t["start"] <= warm["ready"]],
            "off_host": list(context.off_host),
        }
        runs_log.append(entry)
        return entry
    finally:
        context.close()


def throttled_cold(browser, url, mbps, rtt_ms, refuse=()):
    """One cold visit at mbps and rtt_ms (Chromium's DevTools throttling): ms to the first answer."""
    context = new_context(browser, refuse)
    try:
        bytes_per_s = mbps * 1e6 / 8
        network = {"latency": rtt_ms, "downloadThroughput": bytes_per_s, "uploadThroughput": bytes_per_s}
        _, data = visit(context, url, network)
        return round(data["ready"], 1)
    finally:
        context.close()


def throttled(browser, base_gz, args):
    """Cold visits of the floor and the calculator (with and without its snapshot) on a throttled
    network: the snapshot saves CPU time and costs bytes, so bandwidth decides what it is worth."""
    speeds = [float(x) for x in args.throttle.split(",") if x.strip()]
    by_mbps = {}
    for mbps in speeds:
        times = {"floor": [], "calculator": [], "fresh": []}
        for _ in range(args.throttle_runs):
            for label, url, refuse in (("floor", base_gz + "bench-floor/", ()), ("calculator", base_gz + "rekenhulp/?" + QUERY, ()),
                                       ("fresh", base_gz + "rekenhulp/?" + QUERY, NO_SNAPSHOT)):
                times[label].append(throttled_cold(browser, url, mbps, THROTTLE_RTT_MS, refuse))
        by_mbps[f"{mbps:g}"] = {label: med(values) for label, values in times.items()}
        print(f"  throttled {mbps:g} Mbit/s: {by_mbps[f'{mbps:g}']}", flush=True)
    return {"rtt_ms": THROTTLE_RTT_MS, "runs": args.throttle_runs, "by_mbps": by_mbps} if speeds else None


RECOMPUTE_JS = r"""
async ([value, kind]) => {
  const result = document.getElementById("kmo-result");
  const input = document.querySelector('#kmo-result') && document.querySelector('form [name="cost"]');
  const before = result.dataset.support;
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (result.dataset.state === "ready" && result.dataset.support !== before && !result.dataset.pending) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(result, { attributes: true });
  });
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  if (kind === "change") input.dispatchEvent(new Event("change", { bubbles: true }));
  const end = await done;
  return end - start;
}
"""


def recompute(browser, url, n):
    context = new_context(browser)
    try:
        page, _ = visit(context, url)
        page.wait_for_timeout(300)
        commit, typing = [], []
        for i in range(n):
            commit.append(page.evaluate(RECOMPUTE_JS, [str(5000 + 137 * i), "change"]))
        for i in range(max(3, n // 4)):
            typing.append(page.evaluate(RECOMPUTE_JS, [str(3000 + 71 * i), "input"]))
        return {"change_ms": [round(x, 2) for x in commit], "input_ms": [round(x, 2) for x in typing]}
    finally:
        context.close()


def page_bytes(browser, url, wait_ready):
    """Bytes over the wire (headers + encoded body) for one cold load of url, worker requests included."""
    context = new_context(browser)
    sizes = []

    def finished(request):
        try:
            s = request.sizes()
            sizes.append((request.url, s["responseBodySize"] + s["responseHeadersSize"]))
        except Exception:  # noqa: BLE001
            pass

    context.on("requestfinished", finished)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        if wait_ready:
            page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
        page.wait_for_timeout(1500)
        pyodide = [u for u, _ in sizes if "/assets/pyodide/" in u]
        return {
            "bytes": sum(b for _, b in sizes),
            "requests": len(sizes),
            "pyodide_requests": len(pyodide),
            "pyodide_bytes": sum(b for u, b in sizes if "/assets/pyodide/" in u),
        }
    finally:
        context.close()


def offline_repeat(browser, directory, prefix):
    """Visit the calculator, stop the server, visit again: does it still answer?"""
    context = new_context(browser)
    try:
        with serve(directory, prefix) as base:
            page, first = visit(context, base + "rekenhulp/?" + QUERY)
            page.close()
        page = context.new_page()
        start = time.monotonic()
        try:
            page.goto(base + "rekenhulp/?" + QUERY, wait_until="commit", timeout=15000)
            page.wait_for_selector(READY, state="attached", timeout=30000)
            ms = page.evaluate("window.__bench.ready")
            ok = page.get_attribute("#kmo-result", "data-support") == first.get("support")
            return {"works": bool(ok), "ms": round(ms, 1)}
        except Exception as error:  # noqa: BLE001
            return {"works": False, "error": str(error).splitlines()[0], "s": round(time.monotonic() - start, 1)}
    finally:
        context.close()


def lighthouse(url, chrome, out_dir: Path, name: str):
    cli = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
    report = out_dir / f"lighthouse-{name}.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node", str(cli), url, "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    if result.returncode != 0 or not report.is_file():
        return {"error": (result.stderr or result.stdout)[-500:]}
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) if cat.get("score") is not None else None for key, cat in data["categories"].items()}
    audits = data["audits"]
    scores["failed_audits"] = sorted(
        key for key, a in audits.items()
        if a.get("score") is not None and a.get("scoreDisplayMode") in ("binary", "numeric") and a["score"] < 0.9
        and key not in ("first-contentful-paint", "largest-contentful-paint", "speed-index", "interactive",
                        "total-blocking-time", "max-potential-fid", "cumulative-layout-shift")
    )[:12]
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        scores[metric] = audits.get(metric, {}).get("displayValue")
    return scores


# --------------------------------------------------------------------------- reporting


def med(values):
    return round(statistics.median(values), 1) if values else None


def machine_info(chrome):
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) // 1024} MB"
    version = subprocess.run([chrome, "--version"], capture_output=True, text=True).stdout.strip() if chrome else "Playwright Chromium"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "browser": version,
        "python": platform.python_version(),
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def markdown(r):
    m, s = r["machine"], r["summary"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}; {m['browser']}; "
        f"load average {r['load_before']} before, {r['load_after']} after; {r['runs']} runs each, medians; {m['date']}.",
        "",
        "| Navigation to first result | cold (ms) | warm (ms) | cold ÷ floor | warm ÷ floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label in (("floor", "Floor: bare page, Pyodide `1+1`"), ("calculator", "Calculator page (/rekenhulp/)"),
                       ("fresh", "Calculator page, snapshot download refused (fallback start)"),
                       ("pyscript", "Peer: PyScript, same wheel and request"),
                       ("worker", "Bare page with the calculator's worker, same request"), ("calculator_gzip", "Calculator, host sends gzip"),
                       ("floor_gzip", "Floor, host sends gzip")):
        if key not in s:
            continue
        row = s[key]
        base = s.get("floor_gzip" if key.endswith("_gzip") else "floor") or {}
        lines.append(
            f"| {label} | {row['cold_ms']} | {row['warm_ms']} | {ratio(row['cold_ms'], base.get('cold_ms'))} | {ratio(row['warm_ms'], base.get('warm_ms'))} |"
        )
    c, p = s.get("calculator", {}), s.get("pyscript", {})
    if r.get("blocked"):
        lines += ["", f"Requests refused in this run (an experiment): {', '.join(r['blocked'])}."]
    lines += [
        "",
        f"Calculator ÷ PyScript: cold {ratio(c.get('cold_ms'), p.get('cold_ms'))}, warm {ratio(c.get('warm_ms'), p.get('warm_ms'))}.",
        "",
        "| Other measures | value | goal |",
        "|---|---:|---|",
        f"| Recompute after a `change` of cost: median / max | {s['recompute']['change_median_ms']} / {s['recompute']['change_max_ms']} ms | median < 20 ms |",
        f"| Recompute while typing (`input`, 150 ms debounce): median | {s['recompute']['input_median_ms']} ms | – |",
        f"| Longest main-thread long task while the calculator loads (cold, all runs) | {s['longtask_max_ms']} ms ({s['longtask_count']} long tasks in {r['runs']} runs) | none > 100 ms |",
        f"| Repeat visit with the server stopped | {'answers' if r['offline']['works'] else 'fails'} {('in ' + str(r['offline'].get('ms')) + ' ms') if r['offline']['works'] else ''} | works |",
    ]
    if r.get("throttled"):
        rtt = r["throttled"]["rtt_ms"]
        lines += ["", f"Cold visits on a throttled network (host sends gzip; RTT {rtt} ms; medians of {r['throttled']['runs']}), ms to the first answer:", "",
                  "| Bandwidth | floor | calculator | calculator, snapshot download refused | calculator ÷ floor |", "|---|---:|---:|---:|---:|"]
        for mbps, row in r["throttled"]["by_mbps"].items():
            lines.append(f"| {mbps} Mbit/s | {row['floor']} | {row['calculator']} | {row['fresh']} | {ratio(row['calculator'], row['floor'])} |")
    for label in ("floor", "worker", "fresh", "calculator"):
        steps = s.get(label, {}).get("cold_timeline")
        if steps:
            warm = s[label].get("warm_timeline", {})
            lines += ["", f"Timeline of the {label} page, ms since navigation start (medians; cold / warm):", ""]
            lines.append("; ".join(f"{name} {ms} / {warm.get(name, '–')}" for name, ms in steps.items()) + ".")
    lines += ["", "| Page | transferred | requests | Pyodide files |", "|---|---:|---:|---:|"]
    for name, row in r["bytes"].items():
        lines.append(f"| {name} | {row['bytes'] / 1024:.0f} KB | {row['requests']} | {row['pyodide_requests']} ({row['pyodide_bytes'] / 1024:.0f} KB) |")
    if r.get("lighthouse"):
        lines += ["", f"Lighthouse is served by the host emulation: {r.get('lighthouse_host', 'as above')}.", "",
                  "| Lighthouse 12.2.3 (mobile) | performance | accessibility | best practices | SEO | FCP / LCP / TBT |", "|---|---:|---:|---:|---:|---|"]
        for name, row in r["lighthouse"].items():
            if "error" in row:
                lines.append(f"| {name} | error: {row['error'][:80]} | | | | |")
                continue
            lines.append(
                f"| {name} | {row.get('performance')} | {row.get('accessibility')} | {row.get('best-practices')} | {row.get('seo')} | "
                f"{row.get('first-contentful-paint')} / {row.get('largest-contentful-paint')} / {row.get('total-blocking-time')} |"
            )
    return "\n".join(lines) + "\n"


def loadavg():
    with contextlib.suppress(OSError):
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--prefix", default=None, help="URL path of the site (default: the path of mkdocs.yml's site_url)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gzip-runs", type=int, default=3)
    parser.add_argument("--recompute", type=int, default=20)
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", default="floor,calculator,fresh,pyscript,worker", help="which pages to compare (comma-separated)")
    parser.add_argument("--throttle", default="20,100", help="Mbit/s for the throttled cold visits (comma-separated; empty: none)")
    parser.add_argument("--throttle-runs", type=int, default=2)
    parser.add_argument("--block", action="append", default=[], help="refuse requests whose URL holds this (an experiment)")
    args = parser.parse_args()
    BLOCK[:] = args.block

    site = Path(args.site).resolve()
    if not (site / "rekenhulp" / "index.html").is_file():
        raise SystemExit(f"{site} holds no built site: run `make build` (or `make bench`)")
    prefix = args.prefix
    if prefix is None:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None)
        Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
        prefix = urllib.parse.urlsplit(os.environ.get("KMO_SITE_URL") or config["site_url"]).path or "/"
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    chrome = system_chromium()
    started = time.monotonic()
    result = {"load_before": loadavg(), "runs": args.runs, "prefix": prefix, "query": QUERY, "blocked": args.block}
    with tempfile.TemporaryDirectory(prefix="kmo-bench-") as tmp:
        tmp = Path(tmp)
        root = make_root(site, tmp / "plain", prefix)
        root_gz = make_root(site, tmp / "gz", prefix)
        result["gzip_bytes_total"] = gzip_copies(root_gz)
        served = root
        with sync_playwright() as pw:
            launch = {"headless": True, "args": list(CHROMIUM_ARGS)}
            if chrome:
                launch["executable_path"] = chrome
            browser = pw.chromium.launch(**launch)
            result["machine"] = machine_info(chrome)
            runs = []
            with serve(served, prefix) as base, serve(root_gz, prefix, use_gzip=True) as base_gz:
                calculator = base + "rekenhulp/?" + QUERY
                pages = {
                    "floor": (base + "bench-floor/", ()),
                    "calculator": (calculator, ()),
                    "fresh": (calculator, NO_SNAPSHOT),
                    "pyscript": (base + "bench-pyscript/", ()),
                    "worker": (base + "bench-worker/", ()),
                }
                pages = {k: v for k, v in pages.items() if k in args.pages.split(",")}
                # one warm-up load of each page (first launch costs are not the page's)
                for url, refuse in pages.values():
                    first_result(browser, url, "warm-up", [], refuse)
                for i in range(args.runs):
                    for label, (url, refuse) in pages.items():
                        entry = first_result(browser, url, label, runs, refuse)
                        print(f"  run {i + 1} {label:<16} cold {entry['cold_ms']:>7} ms  warm {entry['warm_ms']:>7} ms", flush=True)
                for i in range(args.gzip_runs):
                    for label, url in (("floor_gzip", base_gz + "bench-floor/"), ("calculator_gzip", base_gz + "rekenhulp/?" + QUERY)):
                        entry = first_result(browser, url, label, runs)
                        print(f"  run {i + 1} {label:<16} cold {entry['cold_ms']:>7} ms  warm {entry['warm_ms']:>7} ms", flush=True)
                result["throttled"] = throttled(browser, base_gz, args)
                rec = recompute(browser, base + "rekenhulp/?" + QUERY, args.recompute)
                result["bytes"] = {
                    "home (/)": page_bytes(browser, base, False),
                    "content (/kmo-portefeuille/)": page_bytes(browser, base + "kmo-portefeuille/", False),
                    "calculator (/rekenhulp/)": page_bytes(browser, base + "rekenhulp/?" + QUERY, True),
                    "calculator, host sends gzip": page_bytes(browser, base_gz + "rekenhulp/?" + QUERY, True),
                }
                browser.close()
                result["offline"] = {}
                browser = pw.chromium.launch(**launch)
                result["offline"] = offline_repeat(browser, served, prefix)
                browser.close()
                if not args.no_lighthouse:
                    chrome = chrome or pw.chromium.executable_path
                    if chrome:
                        # Lighthouse sees the host as GitHub Pages serves it: text types gzipped.
                        result["lighthouse_host"] = "gzip for text types and wasm (as GitHub Pages), max-age=600"
                        result["lighthouse"] = {
                            name: lighthouse(base_gz + path, chrome, out, slug)
                            for name, path, slug in (
                                ("home (/)", "", "home"),
                                ("kmo-portefeuille", "kmo-portefeuille/", "kmo-portefeuille"),
                                ("calculator (/rekenhulp/)", "rekenhulp/?" + QUERY, "rekenhulp"),
                            )
                        }
                    else:
                        result["lighthouse"] = {"all": {"error": "no system Chromium for Lighthouse (CHROME_PATH)"}}

    summary = {}
    for label in ("floor", "calculator", "fresh", "pyscript", "worker", "floor_gzip", "calculator_gzip"):
        rows = [r for r in runs if r["page"] == label]
        if rows:
            summary[label] = {
                "cold_ms": med([r["cold_ms"] for r in rows]),
                "warm_ms": med([r["warm_ms"] for r in rows]),
                "cold_all_ms": [r["cold_ms"] for r in rows],
                "warm_all_ms": [r["warm_ms"] for r in rows],
                "support": rows[0]["support"],
                "off_host": sorted({u for r in rows for u in r["off_host"]}),
            }
    for label in ("floor", "calculator", "fresh", "worker"):
        for kind in ("cold", "warm"):
            rows = [r[f"{kind}_timeline"] for r in runs if r["page"] == label]
            names = sorted({n for row in rows for n in row}, key=lambda n: med([row[n] for row in rows if n in row]))
            if label in summary:
                summary[label][f"{kind}_timeline"] = {n: med([row[n] for row in rows if n in row]) for n in names}
    long_tasks = [t for r in runs if r["page"] == "calculator" for t in r["cold_longtasks_ms"]]
    summary["longtask_max_ms"] = max(long_tasks) if long_tasks else 0
    summary["longtask_count"] = len(long_tasks)
    summary["recompute"] = {
        "change_median_ms": med(rec["change_ms"]),
        "change_max_ms": round(max(rec["change_ms"]), 1),
        "input_median_ms": med(rec["input_ms"]),
        **rec,
    }
    for key in ("calculator", "fresh", "pyscript", "worker", "calculator_gzip"):
        if key not in summary or ("floor_gzip" if key.endswith("_gzip") else "floor") not in summary:
            continue
        base_key = "floor_gzip" if key.endswith("_gzip") else "floor"
        summary[key]["cold_ratio_to_floor"] = ratio(summary[key]["cold_ms"], summary[base_key]["cold_ms"])
        summary[key]["warm_ratio_to_floor"] = ratio(summary[key]["warm_ms"], summary[base_key]["warm_ms"])
    result["summary"] = summary
    result["runs_detail"] = runs
    result["load_after"] = loadavg()
    result["seconds"] = round(time.monotonic() - started)
    table = markdown(result)
    (out / "bench.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "bench.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    print(f"({result['seconds']} s; figures in {out / 'bench.json'})")


if __name__ == "__main__":
    main()
