"""The kmo partials (site_overrides/partials/kmo/NAME.html), rendered with autoescaping.

MkDocs' own Jinja environment does not autoescape; these partials print labels and texts from
the rules package's data, so they get an environment of their own that escapes every value
(markup made by a macro stays markup). The templates are found in the theme's folders, the
project's overrides first.
"""

from __future__ import annotations

import jinja2

from .errors import BuildError

WIDGETS = ("rekenhulp", "contactformulier", "erkenningsnummer", "adviesregel")
PARTIAL = "partials/kmo/{name}.html"


def environment(theme_dirs) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in theme_dirs]), autoescape=True)


def render_widget(env: jinja2.Environment, name: str, where: str, **context) -> str:
    """The partial of widget name rendered with context; any failure stops the build, naming where."""
    path = PARTIAL.format(name=name)
    try:
        template = env.get_template(path)
    except Exception as error:  # noqa: BLE001 - TemplateNotFound or a syntax error
        raise BuildError(f"kmo_build: cannot load {path} for page {where}: {type(error).__name__}: {error}") from error
    try:
        return template.render(**context)
    except Exception as error:  # noqa: BLE001
        raise BuildError(
            f"kmo_build: rendering {path} for page {where} failed: {type(error).__name__}: {error}"
        ) from error
