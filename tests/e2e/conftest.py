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

A test that uses a browser fixture gets the `e2e` marker; the others here (files of the built site,
the build itself) do not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM_ARGS, off_host, system_chromium
from tests.support.site_build import build_site
from tests.support.static_server import serve

BROWSER_FIXTURES = {"page", "guarded_page", "context", "browser", "browser_type", "launch_browser"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    prebuilt = os.environ.get("KMO_SITE_DIR")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"KMO_SITE_DIR={prebuilt} holds no built site", pytrace=False)
        return path
    return build_site(tmp_path_factory.mktemp("built") / "site")


@pytest.fixture(scope="session")
def serve_directory():
    return serve


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig):
    args = {"headless": not pytestconfig.getoption("--headed", default=False), "args": list(CHROMIUM_ARGS)}
    executable = system_chromium()
    if executable:
        args["executable_path"] = executable
    return args


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
        if off_host(request.url):
            problems.append(f"request to another host from {page.url}: {request.method} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.context.on("request", on_request)
    page.kmo_problems = problems  # tests may inspect (or clear expected) problems
    yield page
    if problems:
        pytest.fail("guarded_page saw problems:\n  " + "\n  ".join(problems), pytrace=False)
