"""Browser tests: a site built once per session, served on 127.0.0.1, and a guarded page.

Fixtures:
    built_site (session)      pathlib.Path of `mkdocs build --strict` output in a temp dir
                              (set KMO_SITE_DIR to test an already built site instead)
    base_url (session)        "http://127.0.0.1:PORT" serving built_site; page.goto("/rekenhulp/")
    serve_directory           serve_directory(path, prefix="") -> context manager yielding the base
                              URL of `path` served on 127.0.0.1 (with a prefix such as "/kmo-site/"
                              the URL ends in that prefix, e.g. "http://127.0.0.1:PORT/kmo-site/")
    browser_type_launch_args  a system Chromium when there is one, else Playwright's own
    guarded_page              a `page` that fails the test at teardown on any console error, page
                              error, or request to a host other than 127.0.0.1 / localhost / kmo.test

Every test under tests/e2e gets the `e2e` marker.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import socketserver
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from site_build import build_site  # noqa: E402

ALLOWED_HOSTS = {"127.0.0.1", "localhost", "kmo.test"}
LOCAL_SCHEMES = {"data", "blob", "about"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --------------------------------------------------------------------------- building


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    prebuilt = os.environ.get("KMO_SITE_DIR")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"KMO_SITE_DIR={prebuilt} holds no built site", pytrace=False)
        return path
    return build_site(tmp_path_factory.mktemp("built") / "site")


# --------------------------------------------------------------------------- serving


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types the site needs; a 404.html like GitHub Pages."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".json": "application/json",
        ".map": "application/json",
        ".wasm": "application/wasm",
        ".zip": "application/zip",
        ".whl": "application/zip",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
    }
    prefix = ""

    def log_message(self, format, *args):  # noqa: A002 - keep the test output quiet
        pass

    def _local_path(self) -> str | None:
        path = urllib.parse.urlsplit(self.path).path
        if self.prefix:
            if not path.startswith(self.prefix):
                return None
            path = "/" + path[len(self.prefix) :]
        return path

    def send_head(self):
        if self.prefix and urllib.parse.urlsplit(self.path).path + "/" == self.prefix:
            return self._redirect(self.prefix)
        local = self._local_path()
        if local is None:
            return self._not_found()
        original = self.path
        query = urllib.parse.urlsplit(self.path).query
        self.path = local + (("?" + query) if query else "")
        try:
            target = Path(self.translate_path(self.path))
            if local.endswith("/") and target.is_dir() and not (target / "index.html").is_file():
                return self._not_found()
            if not target.exists():
                return self._not_found()
            if target.is_dir() and not local.endswith("/"):
                return self._redirect(original.split("?")[0] + "/" + (("?" + query) if query else ""))
            return super().send_head()
        finally:
            self.path = original

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404, "Not found")
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # the browser went away mid-response: not a test failure
        super().handle_error(request, client_address)


@contextlib.contextmanager
def _serve(path: Path, prefix: str = "", handler: type[_Handler] = _Handler):
    """Serve path under prefix on a free loopback port; yields the base URL. bench/run.py passes
    a handler that also answers like the host (caching headers, gzip)."""
    path = Path(path).resolve()
    if not path.is_dir():
        raise FileNotFoundError(f"cannot serve {path}: not a directory")
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else ""
    handler = type("Handler", (handler,), {"prefix": prefix})
    with run_server(_Server(("127.0.0.1", 0), functools.partial(handler, directory=str(path))), f"serve {path}") as base:
        yield base + prefix


@contextlib.contextmanager
def run_server(server, name: str):
    """Run a socketserver on loopback in a daemon thread; yields http://127.0.0.1:<port>."""
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def serve_directory():
    return _serve


@pytest.fixture(scope="session")
def base_url(built_site):
    with _serve(built_site) as url:
        yield url


# --------------------------------------------------------------------------- the browser


def system_chromium() -> str | None:
    """The same search as .ci/ensure-chromium (KMO_CHROMIUM=playwright: Playwright's own)."""
    if os.environ.get("KMO_CHROMIUM") == "playwright":
        return None
    candidates = [
        os.environ.get("KMO_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        shutil.which("chromium-browser"),
        shutil.which("chromium"),
    ]
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        try:
            subprocess.run([candidate, "--version"], capture_output=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            continue
        return candidate
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig):
    args = {"headless": not pytestconfig.getoption("--headed", default=False), "args": list(CHROMIUM_ARGS)}
    executable = system_chromium()
    if executable:
        args["executable_path"] = executable
    return args


def _off_host(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return parts.hostname not in ALLOWED_HOSTS


@pytest.fixture
def guarded_page(page):
    """`page`, watched: console errors, page errors and off-host requests fail the test."""
    problems: list[str] = []

    def on_console(message):
        if message.type == "error":
            location = message.location or {}
            where = location.get("url") or page.url
            problems.append(f"console error on {page.url} ({where}): {message.text}")

    def on_page_error(error):
        problems.append(f"page error on {page.url}: {error}")

    def on_request(request):
        if _off_host(request.url):
            problems.append(f"request to another host from {page.url}: {request.method} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.context.on("request", on_request)
    page.kmo_problems = problems  # tests may inspect (or clear expected) problems
    yield page
    if problems:
        pytest.fail("guarded_page saw problems:\n  " + "\n  ".join(problems), pytrace=False)
