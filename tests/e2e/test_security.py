"""Safe against hostile input: the Content-Security-Policy, text-only output, the contact endpoint,
and pinned dependencies whose files in the site match their locks.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import urllib.parse
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import expect

from site_overrides.kmo_build.contact import endpoint_origin
from site_overrides.kmo_build.csp import build_policy
from tests.support.site_build import ROOT, run_build_with_contact
from tests.support.site_pages import LOAD_MS, SETTLED, settle, sitemap_locations, sitemap_paths

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
# Collects policy violations from the first moment of every document.
WATCH_CSP = """
window.__kmoCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kmoCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
}, true);
"""
PAYLOADS = [
    '"><img src=x onerror="window.__kmoPwned=1">',
    "<script>window.__kmoPwned=2</script>",
    "javascript:window.__kmoPwned=3",
    "'><svg onload=window.__kmoPwned=4>",
    "{{7*7}}</textarea></title><iframe src=javascript:window.__kmoPwned=5>",
]
# Elements the payloads would create if any of them were parsed as HTML.
COUNT_INJECTED = """() => document.querySelectorAll("img[src='x'], svg[onload], iframe, [onerror], [onload]").length
  + [...document.scripts].filter((s) => s.text.includes("__kmoPwned")).length"""


def parse_policy(text: str) -> dict[str, list[str]]:
    policy = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


def html_pages(built_site: Path) -> list[Path]:
    return sorted(built_site.rglob("*.html"))


# --------------------------------------------------------------------------- the policy in the files


def test_every_page_carries_a_strict_policy_before_any_script(built_site):
    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(built_site).as_posix()
        metas = CSP_META.findall(text)
        assert len(metas) == 1, f"{rel}: {len(metas)} Content-Security-Policy meta tags"
        head = text[: text.index("</head>")]
        assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script"), f"{rel}: a script before the policy"
        assert head.index('http-equiv="Content-Security-Policy"') < head.index("<link rel=\"stylesheet\""), rel
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in head, f"{rel}: no referrer policy"
        policy = parse_policy(html.unescape(metas[0]))
        assert policy["default-src"] == ["'none'"], rel
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], rel
        for directive, sources in policy.items():
            for source in sources:
                assert source not in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "blob:"), (
                    f"{rel}: {directive} allows {source}"
                )
                # No other origin, except the form endpoint's in form-action (none configured here).
                assert not re.match(r"(https?:)?//", source), f"{rel}: {directive} allows {source}"
        scripts = [s for s in policy["script-src"] if s != "'self'"]
        assert all(s.startswith("'sha256-") for s in scripts), scripts
        # Every inline script of the page is listed by its hash; nothing runs from a handler or URL.
        for match in INLINE_SCRIPT.finditer(text):
            attrs = match.group("attrs")
            if "src=" in attrs or 'type="application/json"' in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(match.group("body").encode()).digest()).decode()
            assert f"'sha256-{digest}'" in scripts, f"{rel}: an inline script is not in the policy"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", INLINE_SCRIPT.sub("", text)), f"{rel}: inline event handler"
        assert "javascript:" not in INLINE_SCRIPT.sub("", text), f"{rel}: a javascript: URL"


def test_the_policy_allows_what_the_site_needs_and_no_more():
    policy = parse_policy(build_policy({"'sha256-abc='"}, None))
    assert policy == {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'sha256-abc='"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "form-action": ["'self'", "mailto:"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    with_endpoint = parse_policy(build_policy((), "https://formulier.ecx.be"))
    assert with_endpoint["form-action"] == ["'self'", "mailto:", "https://formulier.ecx.be"]
    assert with_endpoint["connect-src"] == ["'self'"]  # the form posts natively: no fetch
    # Live reload under `mkdocs serve` injects a changing inline script; only there.
    assert "'unsafe-inline'" in parse_policy(build_policy((), None, serve=True))["script-src"]


# --------------------------------------------------------------------------- the contact endpoint


@pytest.mark.parametrize(
    ("endpoint", "origin"),
    [
        ("", None),
        ("  ", None),
        ("https://formulier.ecx.be/contact", "https://formulier.ecx.be"),
        ("https://Formulier.ECX.be:8443/x?y=1", "https://formulier.ecx.be:8443"),
        ("http://127.0.0.1:8123/bericht", "http://127.0.0.1:8123"),
        ("http://localhost/x", "http://localhost"),
    ],
)
def test_allowed_endpoints(endpoint, origin):
    assert endpoint_origin(endpoint) == origin


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://formulier.ecx.be/contact",
        "http://localhost.example.com/x",
        "http://127.0.0.2.nip.io/x",
        "ftp://ecx.be/x",
        "javascript:alert(1)",
        "//formulier.ecx.be/x",
        "https://user:geheim@formulier.ecx.be/x",
        'https://x.be/"><script>alert(1)</script>',
        "https:///pad",
        "niet een url",
    ],
)
def test_refused_endpoints(endpoint):
    with pytest.raises(PluginError, match="form_endpoint"):
        endpoint_origin(endpoint)


def test_the_build_fails_for_a_plain_http_endpoint(tmp_path):
    result = run_build_with_contact(tmp_path / "site", form_endpoint="http://formulier.ecx.be/contact")
    assert result.returncode != 0
    assert "form_endpoint" in result.stderr and "https" in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site" / "contact" / "index.html").exists()


def test_no_secret_in_the_contact_page(built_site):
    page = (built_site / "contact" / "index.html").read_text(encoding="utf-8")
    script = (built_site / "assets" / "kmo" / "contact.mjs").read_text(encoding="utf-8")
    for text in (page, script):
        assert not re.search(r"(api[_-]?key|secret|token|password|passwd|bearer)\s*[:=]", text, re.I)
        assert not re.search(r"https?://[^/\s\"']*:[^/\s\"']*@", text), "credentials in a URL"
    # The limit the browser enforces, next to the one contact.mjs checks (tests/e2e/test_contact.py):
    # without an endpoint the form asks only for the message.
    assert re.search(r'name="bericht"[^>]*maxlength="5000"', page), "bericht"


# --------------------------------------------------------------------------- in Chromium


def test_no_policy_violation_and_the_calculator_still_works(guarded_page, built_site, base_url, serve_directory):
    page = guarded_page
    page.add_init_script(WATCH_CSP)
    seen = {}
    for path in sitemap_paths(built_site):
        page.goto(f"{base_url}/{path}")
        settle(page)
        if path == "rekenhulp/":
            assert page.get_attribute("#kmo-result", "data-state") == "ready", "the calculator did not start"
        if path == "":
            page.locator("label.md-header__button[for='__search']:visible, .md-search__input:visible").first.click()
            page.locator(".md-search__input").press_sequentially("steun", delay=30)
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        seen[path] = page.evaluate("window.__kmoCsp")
    # The page for unknown addresses, below the site's path as on GitHub Pages.
    home = min(sitemap_locations(built_site), key=len)
    with serve_directory(built_site, prefix=urllib.parse.urlsplit(home).path) as url:
        page.goto(f"{url}bestaat/niet/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        seen["404"] = page.evaluate("window.__kmoCsp")
    page.kmo_problems[:] = [p for p in page.kmo_problems if "status of 404" not in p]  # the 404 document itself
    assert not any(seen.values()), seen

    # The policy really is enforced: an injected inline script does not run, and is reported.
    page.goto(f"{base_url}/rekenhulp/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__kmoPwned = 1';"
        " document.body.append(s); }"
    )
    page.wait_for_function("() => window.__kmoCsp.length > 0")
    assert page.evaluate("window.__kmoPwned") is None
    page.kmo_problems[:] = [p for p in page.kmo_problems if "Content Security Policy" not in p]


def open_watched(page, url: str):
    """Open url with policy violations recorded and dialogs (an alert() payload) dismissed."""
    page.add_init_script(WATCH_CSP)
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto(url)
    settle(page)
    return page


def test_script_in_every_query_key_of_the_calculator_stays_text(guarded_page, base_url):
    page = open_watched(guarded_page, f"{base_url}/rekenhulp/")
    names = sorted(set(page.eval_on_selector_all("#kmo-form [name]", "es => es.map(e => e.name)")))
    assert {"date", "service", "theme", "cost", "received", "size", "fte"} <= set(names)
    keys = [*names, "company", "partner_share_0", "linked_fte_1", "prev_fte", "kmo_timeout", "simulatie",
            "<img src=x onerror=alert(1)>", "onload"]
    for payload in PAYLOADS:
        query = urllib.parse.urlencode({key: payload for key in keys})
        page.goto(f"{base_url}/rekenhulp/?{query}&company=figures#<img src=x onerror=alert(1)>")
        page.wait_for_selector(SETTLED, timeout=LOAD_MS)
        assert page.evaluate(COUNT_INJECTED) == 0, payload
        assert page.evaluate("window.__kmoPwned") is None, payload
        assert page.evaluate("window.__kmoCsp") == [], payload
        # What was typed stays as typed, as text in the field.
        expect(page.locator("#kmo-cost")).to_have_value(payload)
        expect(page.locator("#kmo-fte")).to_have_value(payload)
        expect(page.locator("#kmo-result")).to_have_attribute("data-ok", "false")
        # The advice link carries it as a query value, on this site.
        href = page.get_attribute("[data-kmo-advice]", "href")
        assert urllib.parse.urlsplit(href).scheme in ("http", "https")
        assert urllib.parse.urlsplit(href).netloc == urllib.parse.urlsplit(base_url).netloc


def test_script_typed_into_every_calculator_field_stays_text(guarded_page, base_url):
    page = open_watched(guarded_page, f"{base_url}/rekenhulp/?company=figures")
    page.locator("[data-kmo-details='group'] summary").click()
    page.click("[data-kmo-add='partner']")
    page.click("[data-kmo-add='linked']")
    page.locator("[data-kmo-details='previous'] summary").click()
    page.locator("[data-kmo-details='assumed'] summary").click()
    fields = page.locator("#kmo-form input[type='text']")
    payload = PAYLOADS[0] + PAYLOADS[1]
    for index in range(fields.count()):
        fields.nth(index).fill(payload)
    page.fill("#kmo-date", "2026-03-02")
    page.wait_for_selector("#kmo-result[data-state='ready']:not([data-pending])", timeout=LOAD_MS)
    page.wait_for_selector("[data-kmo-out='errors'] li")
    assert page.evaluate(COUNT_INJECTED) == 0
    assert page.evaluate("window.__kmoPwned") is None
    assert page.evaluate("window.__kmoCsp") == []
    # And back through the URL (a shared link) it is still only text.
    page.goto(page.url)
    page.wait_for_selector(SETTLED, timeout=LOAD_MS)
    expect(page.locator("#kmo-cost")).to_have_value(payload)
    assert page.evaluate(COUNT_INJECTED) == 0 and page.evaluate("window.__kmoPwned") is None


def test_script_in_every_contact_field_and_query_key_stays_text(guarded_page, base_url):
    page = guarded_page
    page.add_init_script(WATCH_CSP)
    page.add_init_script(
        """window.__kmoMailto = [];
        document.addEventListener("kmo-contact:mailto", (e) => { e.preventDefault(); window.__kmoMailto.push(e.detail.url); }, true);"""
    )
    page.on("dialog", lambda dialog: dialog.dismiss())
    keys = ["simulatie", "naam", "bedrijf", "email", "telefoon", "bericht", "website", "toestemming"]
    for payload in PAYLOADS:
        page.goto(f"{base_url}/contact/?" + urllib.parse.urlencode({k: payload for k in keys}))
        settle(page)
        assert payload in page.input_value("#kmo-contact-bericht")
        assert page.evaluate(COUNT_INJECTED) == 0 and page.evaluate("window.__kmoPwned") is None
    # The message (the one field without an endpoint), typed: the mail is text.
    page.locator("#kmo-contact-bericht").evaluate("(e, v) => { e.value = v; }", PAYLOADS[0])
    page.get_by_role("button", name="Open in mijn e-mail").click()
    page.wait_for_function("window.__kmoMailto.length === 1")
    url = page.evaluate("window.__kmoMailto[0]")
    assert url.startswith("mailto:info@ecx.be?") and "<" not in url and '"' not in url
    assert PAYLOADS[0] in urllib.parse.unquote(url)
    assert page.evaluate(COUNT_INJECTED) == 0
    assert page.evaluate("window.__kmoPwned") is None
    assert page.evaluate("window.__kmoCsp") == []


# --------------------------------------------------------------------------- pinned dependencies


def test_dependencies_are_pinned():
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements-dev.txt").read_text().splitlines()]
    lines = [line for line in lines if line]
    assert lines
    for line in lines:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[0-9][A-Za-z0-9.+!\-]*", line), f"not pinned: {line}"
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, spec in {**package.get("dependencies", {}), **package.get("devDependencies", {})}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", spec), f"package.json: {name} {spec} is not an exact version"
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] == spec and entry["integrity"].startswith("sha512-"), name


def test_pyodide_in_the_site_matches_the_locks(built_site):
    npm_lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]
    installed = ROOT / "node_modules" / "pyodide"
    # node_modules holds what npm verified against package-lock.json's integrity when it installed.
    assert json.loads((installed / "package.json").read_text())["version"] == npm_lock["version"]
    hidden = ROOT / "node_modules" / ".package-lock.json"
    if hidden.is_file():
        record = json.loads(hidden.read_text())["packages"]["node_modules/pyodide"]
        assert record["integrity"] == npm_lock["integrity"], "node_modules/pyodide is not the locked tarball"

    site = built_site / "assets" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (site / name).read_bytes() == (installed / name).read_bytes(), f"{name} differs from node_modules"

    site_lock = json.loads((site / "pyodide-lock.json").read_text())
    original = json.loads((installed / "pyodide-lock.json").read_text())
    for key in ("abi_version", "python", "platform", "arch"):
        if key in original["info"]:
            assert site_lock["info"].get(key) == original["info"][key], key
    wheels = sorted(site.glob("*.whl"))
    assert len(wheels) == 1, wheels
    assert site_lock["packages"], "the site's lock names no package"
    for spec in site_lock["packages"].values():
        wheel = site / spec["file_name"]
        assert wheel.is_file(), spec["file_name"]
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == spec["sha256"], f"{wheel.name} != lock sha256"
    # The worker fetches the wheel and the memory snapshot itself: their Subresource Integrity
    # strings must match the files.
    snapshots = sorted(site.glob("*.snapshot.gz"))
    assert len(snapshots) == 1, snapshots
    for module, path in (("wheel.mjs", wheels[0]), ("snapshot.mjs", snapshots[0])):
        text = (built_site / "assets" / "kmo" / module).read_text()
        found = re.search(r"sha(256|384|512)-([A-Za-z0-9+/=]+)", text)
        assert found, f"{module} names no integrity"
        digest = base64.b64encode(hashlib.new(f"sha{found.group(1)}", path.read_bytes()).digest()).decode()
        assert found.group(2) == digest, f"{module} integrity does not match {path.name}"
        assert f'"file": "{path.name}"' in text


def test_a_tampered_wheel_is_noticed(built_site, tmp_path):
    """The check above can fail: a wheel with one byte changed no longer matches the lock."""
    site = built_site / "assets" / "pyodide"
    wheel = sorted(site.glob("*.whl"))[0]
    lock = json.loads((site / "pyodide-lock.json").read_text())
    spec = next(s for s in lock["packages"].values() if s["file_name"] == wheel.name)
    data = bytearray(wheel.read_bytes())
    data[len(data) // 2] ^= 0xFF
    assert hashlib.sha256(bytes(data)).hexdigest() != spec["sha256"]
