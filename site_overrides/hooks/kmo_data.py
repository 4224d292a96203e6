"""MkDocs hook: parameters.json is checked before anything else (site_overrides/kmo_build/check_data.py).

`mkdocs build` stops on a problem with a Dutch message (a BuildError: no traceback). `mkdocs serve`
would keep showing the last good build and seem stuck; there every page becomes the error page
instead (kmo_build/error_page.py), and the preview comes back by itself once the file is fixed.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from site_overrides.kmo_build import check_data
from site_overrides.kmo_build.error_page import error_page
from site_overrides.kmo_build.errors import BuildError
from site_overrides.kmo_build.layout import project_root

# This process's command, set by on_startup (once per `mkdocs serve`, kept between rebuilds).
_build: dict = {"serve": False}


def on_startup(command, dirty):
    _build["serve"] = command == "serve"


@event_priority(100)  # before every other hook: nothing is made from broken data
def on_config(config):
    problems = check_data.check(project_root(config))
    if problems and not _build["serve"]:
        raise BuildError("\n\n".join(problems))
    return config


def on_post_page(output, page, config):
    return error_page(check_data.last_problems) if check_data.last_problems else output


def on_serve(server, config, builder):
    root = project_root(config)
    for path in check_data.data_files(root):
        server.watch(str(path))
    return server
