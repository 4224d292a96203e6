"""Headless Chromium for the bench: the launch, a guarded fresh context, and one timed visit."""

from __future__ import annotations

import contextlib
import urllib.parse
from pathlib import Path

from bench.machine import chromium_version
from bench.profiles import DESKTOP, Profile
from bench.shared import CHROMIUM_ARGS, system_chromium

PROBES = Path(__file__).resolve().parent / "probes"
WATCH_JS = (PROBES / "watch.js").read_text(encoding="utf-8")
TIMELINE_JS = (PROBES / "timeline.js").read_text(encoding="utf-8")
READY = '#kmo-result[data-state="ready"][data-support]'
LOCAL_HOSTS = ("127.0.0.1", "localhost")
TIMEOUT_MS = 60000


class VisitFailed(Exception):
    """A visit did not reach the first answer in time (or the page broke): recorded, not fatal."""


def launch(pw):
    """(browser, executable or None for Playwright's own); a clear exit when no Chromium starts."""
    chrome = system_chromium()
    options = {"headless": True, "args": list(CHROMIUM_ARGS)}
    if chrome:
        options["executable_path"] = chrome
    try:
        return pw.chromium.launch(**options), chrome
    except Exception as error:  # noqa: BLE001  (Playwright raises its own Error types)
        raise SystemExit(
            "no Chromium to run: install Debian's (`make chromium`, or apt-get install chromium) or "
            f"Playwright's (`python -m playwright install chromium`); set KMO_CHROMIUM to a binary.\n{error}"
        ) from None


def browser_version(chrome: str | None, browser) -> str:
    return chromium_version(chrome) or f"Chromium {browser.version} (Playwright)"


def new_context(browser, refuse=()):
    """A fresh profile (empty cache). Requests whose URL holds a part of `refuse` are refused;
    nothing leaves the machine (a request to another host fails and is counted in .off_host)."""
    context = browser.new_context()
    context.add_init_script(WATCH_JS)
    context.off_host = []

    def guard(route):
        url = route.request.url
        if urllib.parse.urlsplit(url).hostname not in LOCAL_HOSTS:
            context.off_host.append(url)
            route.abort()
        elif any(part in url for part in refuse):
            route.abort()
        else:
            route.fallback()

    context.route("**/*", guard)
    return context


def in_fresh_context(browser, measure, refuse=()) -> dict:
    """measure(context) -> dict in a new context, closed after; a failed visit gives {"error": …}."""
    context = new_context(browser, refuse)
    try:
        return {**measure(context), "off_host": list(context.off_host)}
    except VisitFailed as error:
        return {"error": str(error)}
    finally:
        context.close()


def visit(context, url, profile: Profile = DESKTOP, timeout_ms: int = TIMEOUT_MS):
    """Open url in a new page of context under profile; (page, data) with data["ready"] the ms from
    navigation start to the first answer. Raises VisitFailed after timeout_ms."""
    page = context.new_page()
    profile.apply(context.new_cdp_session(page))
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=timeout_ms)
        data = page.evaluate("window.__bench")
    except Exception as error:  # noqa: BLE001  (timeouts and crashes are results here)
        state = None
        with contextlib.suppress(Exception):
            state = page.evaluate("(document.getElementById('kmo-result') || {dataset: {}}).dataset.state || null")
        raise VisitFailed(f"{str(error).splitlines()[0]} (result state: {state})") from None
    data["timeline"] = timeline(page)
    return page, data


def timeline(page) -> dict:
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
