"""The Content-Security-Policy of the built pages.

GitHub Pages sends no security headers, so the policy travels as a meta tag. main.html puts a
placeholder meta tag at the top of <head> (before any script); after the build apply_policy()
replaces it in every HTML file with the policy:

    default-src 'none'                 nothing loads unless a directive below allows it
    script-src 'self' 'sha256-…'       the site's own scripts, and the theme's few inline scripts by
                                       their hash (computed from the built pages; the union over all
                                       pages, because instant navigation runs the inline scripts of
                                       the pages it swaps in under the first page's policy)
    style-src 'self'                   the site's own stylesheets; no inline styles
    img-src 'self' data:               the site's images; the theme draws its icons as data: SVG
    connect-src 'self'                 the theme fetches sitemap.xml, the search index and pages
    worker-src 'self'                  the calculator's module worker, the theme's search worker,
                                       a service worker at the site root
    form-action 'self' mailto: [endpoint origin]
                                       the calculator's GET form, the contact form (mailto: without
                                       an endpoint, else a POST to extra.contact.form_endpoint)
    base-uri 'self'; object-src 'none'

Pyodide runs in the module worker, which has a policy of its own (a worker takes its policy from
its own response headers, and a static host sends none), so the page itself needs no
'wasm-unsafe-eval' or 'unsafe-eval'. Directives that a meta tag cannot carry (frame-ancestors,
report-uri, sandbox) are left out: browsers ignore them there with a console message.

`mkdocs serve` injects an inline live-reload script whose text changes on every response: there,
script-src allows inline scripts. The built site does not.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
from pathlib import Path

from .errors import BuildError

log = logging.getLogger("mkdocs.hooks.kmo_build.csp")

PLACEHOLDER = "kmo-csp-placeholder"
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*(?:"(?P<a>[^"]*)"|'(?P<b>[^']*)'|(?P<c>[^\s>]+))""", re.I)
HAS_SRC = re.compile(r"\bsrc\s*=", re.I)
# Markup the policy would block: said at build time (a warning fails `mkdocs build --strict`).
BLOCKED = (
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (onclick=…)"),
    (re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I), "an inline style attribute"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"""\s(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I), "a javascript: URL"),
)
JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript",
}


def script_hashes(page: str) -> set[str]:
    """CSP hash sources of the inline scripts the browser would run in this HTML."""
    hashes = set()
    for match in SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if HAS_SRC.search(attrs):
            continue
        found = SCRIPT_TYPE.search(attrs)
        kind = (found.group("a") or found.group("b") or found.group("c") or "") if found else ""
        if kind.strip().lower() not in JS_TYPES:
            continue  # a data block such as the theme's <script type="application/json">
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def build_policy(hashes=(), form_origin: str | None = None, serve: bool = False) -> str:
    scripts = ["'self'", "'unsafe-inline'"] if serve else ["'self'", *sorted(hashes)]
    forms = ["'self'", "mailto:"] + ([form_origin] if form_origin else [])
    directives = [
        ("default-src", ["'none'"]),
        ("script-src", scripts),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("form-action", forms),
        ("base-uri", ["'self'"]),
        ("object-src", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def blocked_markup(page: str) -> list[str]:
    """What in this HTML the policy would block (scripts' own text left out)."""
    text = SCRIPT.sub("<script></script>", page)
    return [what for pattern, what in BLOCKED if pattern.search(text)]


def apply_policy(site: Path, form_origin: str | None, serve: bool) -> str:
    """Put the policy in place of the placeholder in every HTML file under site; returns it."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    hashes: set[str] = set()
    missing = []
    for path, text in pages.items():
        rel = path.relative_to(site).as_posix()
        count = text.count(META)
        if count == 0:
            missing.append(rel)
            continue
        if count > 1:
            raise BuildError(f"kmo_build: {rel} has {count} policy placeholders; expected one")
        first_script = text.lower().find("<script")
        if first_script != -1 and first_script < text.index(META):
            raise BuildError(f"kmo_build: in {rel} a script comes before the policy; keep the meta tag first in <head>")
        for what in blocked_markup(text):
            log.warning("kmo_build: %s holds %s, which the Content-Security-Policy blocks", rel, what)
        hashes |= script_hashes(text)
    for rel in missing:
        log.warning("kmo_build: %s has no Content-Security-Policy (no placeholder from main.html)", rel)
    policy = build_policy(hashes, form_origin, serve=serve)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">'
    for path, text in pages.items():
        if META in text:
            path.write_text(text.replace(META, meta), encoding="utf-8")
    if serve:
        log.info("kmo_build: mkdocs serve: inline scripts allowed for live reload; the built site allows only %d by hash", len(hashes))
    return policy
