"""A server on 127.0.0.1 that records what a form POSTs to it and answers with a thank-you page."""

from __future__ import annotations

import contextlib
import http.server
import socketserver

from tests.support.static_server import run_server

THANKS = "<!doctype html><html lang='nl'><meta charset='utf-8'><title>Bedankt</title><h1>Bedankt</h1></html>"


class CaptureHandler(http.server.BaseHTTPRequestHandler):
    posts: list  # set per server

    def log_message(self, format, *args):  # noqa: A002 - keep the test output quiet
        pass

    def _reply(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.posts.append(
            {"path": self.path, "content_type": self.headers.get("Content-Type", ""), "body": body}
        )
        self._reply(200, THANKS.encode("utf-8"))

    def do_GET(self):  # noqa: N802
        self._reply(204)  # favicon and the like


class _ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextlib.contextmanager
def capture_server():
    """Yields (base URL, the list every POST is appended to as {path, content_type, body})."""
    posts: list = []
    handler = type("Capture", (CaptureHandler,), {"posts": posts})
    with run_server(_ThreadingServer(("127.0.0.1", 0), handler), "form capture") as url:
        yield url, posts
