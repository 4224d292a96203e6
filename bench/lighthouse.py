"""Lighthouse (bench/node_modules, mobile preset) against the gzip host, in the same Chromium."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.shared import CHROMIUM_ARGS

CLI = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
TIMED = ("first-contentful-paint", "largest-contentful-paint", "speed-index", "interactive",
         "total-blocking-time", "max-potential-fid", "cumulative-layout-shift")
PAGES = (("home (/)", "", "home"), ("kmo-portefeuille", "kmo-portefeuille/", "kmo-portefeuille"))


def audit(url, chrome, out_dir: Path, name: str):
    report = out_dir / f"lighthouse-{name}.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node", str(CLI), url, "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}",
    ]
    try:
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 240 s"}
    if result.returncode != 0 or not report.is_file():
        return {"error": (result.stderr or result.stdout)[-500:]}
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) if cat.get("score") is not None else None for key, cat in data["categories"].items()}
    audits = data["audits"]
    scores["failed_audits"] = sorted(
        key for key, a in audits.items()
        if a.get("score") is not None and a.get("scoreDisplayMode") in ("binary", "numeric") and a["score"] < 0.9 and key not in TIMED
    )[:12]
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        scores[metric] = audits.get(metric, {}).get("displayValue")
    return scores


def run(base_gz, calculator_path, chrome, out_dir: Path):
    if not chrome:
        return {"all": {"error": "no Chromium binary for Lighthouse (CHROME_PATH)"}}
    if not CLI.is_file():
        return {"all": {"error": "bench/node_modules/lighthouse is missing: run `make bench` (it runs npm ci in bench/)"}}
    pages = (*PAGES, ("calculator (/rekenhulp/)", calculator_path, "rekenhulp"))
    return {name: audit(base_gz + path, chrome, out_dir, slug) for name, path, slug in pages}
