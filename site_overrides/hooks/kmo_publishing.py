"""MkDocs hook: what an editor needs to see a page's history, said once when it is missing.

    repo_url empty            no "Bewerk deze pagina" button on any page
    no git history            "Laatst bijgewerkt" shows the build date (a copy of the project)

Both are warnings that do not fail --strict (build_warnings.warn): a copy without git must build.
"""

from __future__ import annotations

import subprocess

from site_overrides.kmo_build.build_warnings import warn
from site_overrides.kmo_build.layout import project_root


def on_config(config):
    if not config.repo_url:
        # MkDocs would still make edit_uri a link relative to the site, to a page that does not exist.
        config.edit_uri = None
        config.edit_uri_template = None
        warn("repo_url in mkdocs.yml is empty: no page has a 'Bewerk deze pagina' button "
             "(EDITING.md#bewerkknop-of-datum-ontbreekt)")
    if not _in_git(project_root(config)):
        warn("no git history here: every page shows the build date as 'Laatst bijgewerkt' "
             "(EDITING.md#bewerkknop-of-datum-ontbreekt)")
    return config


def _in_git(folder) -> bool:
    try:
        result = subprocess.run(["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, timeout=30)
    except OSError:  # git is not installed
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"
