"""The bench's host: the tests' static server, answering like GitHub Pages.

GitHub Pages sends `Cache-Control: max-age=600` and keeps connections alive; the gzip variant also
compresses the text types and the wasm (`Content-Encoding: gzip`), as GitHub Pages does. The gzip
copies themselves are made by `site_copy.gzip_copies`.
"""

from __future__ import annotations

import contextlib
import os
import urllib.parse
from pathlib import Path

from bench.shared import StaticHandler, serve_static

MAX_AGE = 600


class HostHandler(StaticHandler):
    """Keep-alive, Cache-Control: max-age=600, and with use_gzip the .gz copy of a compressible
    file sent as Content-Encoding: gzip."""

    extensions_map = {**StaticHandler.extensions_map, ".py": "text/plain; charset=utf-8"}
    protocol_version = "HTTP/1.1"
    use_gzip = False
    gzipped = False

    def translate_path(self, path):
        local = super().translate_path(path)
        if os.path.isdir(local) and urllib.parse.urlsplit(path).path.endswith("/"):
            local = os.path.join(local, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        self.gzipped = self.use_gzip and accepts and os.path.isfile(local + ".gz")
        return local + ".gz" if self.gzipped else local

    def guess_type(self, path):
        return super().guess_type(path.removesuffix(".gz") if self.gzipped else path)

    def end_headers(self):
        if self.gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        super().end_headers()


class GzipHostHandler(HostHandler):
    use_gzip = True


@contextlib.contextmanager
def serve(directory: Path, prefix: str, use_gzip: bool = False):
    """Serve directory under prefix on 127.0.0.1; yields the base URL, ending in "/"."""
    with serve_static(directory, prefix, GzipHostHandler if use_gzip else HostHandler) as base:
        yield base if base.endswith("/") else base + "/"
