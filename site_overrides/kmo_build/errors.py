"""What stops the build."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class BuildError(PluginError):
    """MkDocs prints it as an error and stops the build, without a traceback."""
