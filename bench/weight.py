"""Bytes over the wire for one cold load of a page, its workers' requests included."""

from __future__ import annotations

from bench.browser import READY, TIMEOUT_MS, new_context

SETTLE_MS = 1500  # late requests (search index, the worker's warm-up) still count


def page_bytes(browser, url, wait_ready):
    context = new_context(browser)
    sizes = []

    def finished(request):
        try:
            s = request.sizes()
            sizes.append((request.url, s["responseBodySize"] + s["responseHeadersSize"]))
        except Exception:  # noqa: BLE001  (a request without sizes: nothing to count)
            pass

    context.on("requestfinished", finished)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        if wait_ready:
            page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
        page.wait_for_timeout(SETTLE_MS)
        pyodide = [(u, b) for u, b in sizes if "/assets/pyodide/" in u]
        return {
            "bytes": sum(b for _, b in sizes),
            "requests": len(sizes),
            "pyodide_requests": len(pyodide),
            "pyodide_bytes": sum(b for _, b in pyodide),
        }
    finally:
        context.close()


def run(browser, base, base_gz, calculator_path):
    return {
        "home (/)": page_bytes(browser, base, False),
        "content (/kmo-portefeuille/)": page_bytes(browser, base + "kmo-portefeuille/", False),
        "calculator (/rekenhulp/)": page_bytes(browser, base + calculator_path, True),
        "calculator, host sends gzip": page_bytes(browser, base_gz + calculator_path, True),
    }
