"""A static server for the built site on 127.0.0.1, like GitHub Pages where it matters to the tests.

    serve(path, prefix="")   context manager: serves path (under prefix, e.g. "/kmo-site/") on a
                             free loopback port and yields the base URL (ending in the prefix)
    run_server(server, name) context manager: any socketserver in a daemon thread; yields its URL
    Handler                  the request handler (MIME types, directory redirects, 404.html)
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import socketserver
import sys
import threading
import urllib.parse
from pathlib import Path


class Handler(http.server.SimpleHTTPRequestHandler):
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


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # the browser went away mid-response: not a test failure
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(path: Path, prefix: str = "", handler: type[Handler] = Handler):
    """Serve path under prefix on a free loopback port; yields the base URL. bench/run.py passes
    a subclass of Handler that also answers like the host (caching headers, gzip)."""
    path = Path(path).resolve()
    if not path.is_dir():
        raise FileNotFoundError(f"cannot serve {path}: not a directory")
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else ""
    handler = type("Handler", (handler,), {"prefix": prefix})
    with run_server(Server(("127.0.0.1", 0), functools.partial(handler, directory=str(path))), f"serve {path}") as base:
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
