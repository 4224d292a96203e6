"""Edits of a ready calculator: from the input event on the cost field to the new data-support.

typing     Playwright's `fill` (one `input` event per edit, as a keystroke gives), EDITS times;
recompute  a scripted committed edit (`input` then `change`, as leaving the field gives);
plan       typing as above in row 1's cost of a 20-row year plan (a page loaded from its URL): the
           whole plan is recomputed, data-support is its total.
Each edit sets another amount below the ceiling, so every answer changes the support.
"""

from __future__ import annotations

from pathlib import Path

from bench.browser import new_context, visit
from bench.stats import median

EDIT_JS = (Path(__file__).resolve().parent / "probes" / "edit.js").read_text(encoding="utf-8")
COST = 'form [name="cost"]'
COMMIT_JS = """([selector, value]) => {
  const field = document.querySelector(selector);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
}"""
SETTLE_MS = 300  # after the first answer, before the first edit (as a visitor would)
EDIT_TIMEOUT_MS = 10000


def measure(browser, url, edits, plan_url=None):
    """{"typing_ms": [...], "commit_ms": [...], "plan_typing_ms": [...]} on ready calculator pages
    (the plan's on a page of its own, when plan_url is given)."""
    context = new_context(browser)
    try:
        page, _ = visit(context, url)
        page.wait_for_timeout(SETTLE_MS)
        typing = typed(page, edits)
        commit = [timed(page, lambda value: page.evaluate(COMMIT_JS, [COST, value]), 3000 + 71 * i) for i in range(edits)]
        result = {"edits": edits, "typing_ms": typing, "commit_ms": commit}
    finally:
        context.close()
    if plan_url:
        context = new_context(browser)
        try:
            page, _ = visit(context, plan_url)
            rows = page.get_attribute("#kmo-result", "data-rows")
            if rows != "20":
                raise RuntimeError(f"the plan page shows {rows} rows, not 20")
            page.wait_for_timeout(SETTLE_MS)
            result["plan_rows"] = 20
            result["plan_typing_ms"] = typed(page, edits)
        finally:
            context.close()
    return result


def typed(page, edits):
    """Typing: Playwright's fill in the (first) cost field, EDITS times."""
    return [timed(page, lambda value: page.fill(COST, value), 5000 + 137 * i) for i in range(edits)]


def timed(page, edit, amount):
    page.evaluate(EDIT_JS, [COST])
    edit(str(amount))
    return round(page.evaluate(f"Promise.race([window.__edit.done, new Promise((_, no) => setTimeout(() => no(new Error('no new answer')), {EDIT_TIMEOUT_MS}))])"), 2)


def summarise(result):
    out = dict(result)
    for kind in ("typing", "commit", "plan_typing"):
        if f"{kind}_ms" not in result:
            continue
        values = result[f"{kind}_ms"]
        out[f"{kind}_median_ms"] = median(values)
        out[f"{kind}_max_ms"] = round(max(values), 1) if values else None
    return out
