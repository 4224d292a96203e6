"""What the bench takes from the tests, in one place: the static server and the Chromium launch.

    StaticHandler     http.server handler: the site's MIME types, a prefix, 404.html, 304s
    serve_static      serve_static(path, prefix, handler) -> context manager yielding the base URL
    CHROMIUM_ARGS     the browser tests' launch flags
    system_chromium   () -> path of a system Chromium, or None for Playwright's own
"""

from tests.support.browser import CHROMIUM_ARGS, system_chromium
from tests.support.static_server import Handler as StaticHandler, serve as serve_static

__all__ = ["CHROMIUM_ARGS", "StaticHandler", "serve_static", "system_chromium"]
