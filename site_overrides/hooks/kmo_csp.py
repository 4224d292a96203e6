"""MkDocs hook: a Content-Security-Policy on every page (site_overrides/kmo_build/csp.py), with
the contact form endpoint's origin as a form target (site_overrides/kmo_build/contact.py: an
endpoint that is not https, or plain http to this machine for tests, stops the build)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_overrides.kmo_build.contact import endpoint_origin
from site_overrides.kmo_build.csp import apply_policy

# This build's command and endpoint origin, set by on_startup and on_config.
_build: dict = {"serve": False, "form_origin": None}


def on_startup(command, dirty):
    _build["serve"] = command == "serve"


def on_config(config):
    contact = (config.extra or {}).get("contact") or {}
    _build["form_origin"] = endpoint_origin(contact.get("form_endpoint") if isinstance(contact, dict) else None)
    return config


@event_priority(-100)  # last: every page is written
def on_post_build(config):
    apply_policy(Path(config.site_dir), _build["form_origin"], serve=_build["serve"])
