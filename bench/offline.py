"""A repeat visit with the server stopped: does the calculator still answer (HTTP cache)?"""

from __future__ import annotations

import time

from bench.browser import READY, new_context, visit
from bench.serving import serve


def repeat_visit(browser, directory, prefix, path):
    context = new_context(browser)
    try:
        with serve(directory, prefix) as base:
            page, first = visit(context, base + path)
            page.close()
        page = context.new_page()
        start = time.monotonic()
        try:
            page.goto(base + path, wait_until="commit", timeout=15000)
            page.wait_for_selector(READY, state="attached", timeout=30000)
            ms = page.evaluate("window.__bench.ready")
            ok = page.get_attribute("#kmo-result", "data-support") == first.get("support")
            return {"works": bool(ok), "ms": round(ms, 1)}
        except Exception as error:  # noqa: BLE001  (a failed repeat visit is the result)
            return {"works": False, "error": str(error).splitlines()[0], "s": round(time.monotonic() - start, 1)}
    finally:
        context.close()
