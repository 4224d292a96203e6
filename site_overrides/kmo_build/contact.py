"""The contact details (mkdocs.yml `extra.contact`), the form endpoint rule and the contact field
limits: one source each. The contact partial renders them; contact.mjs reads what the partial
wrote (data-kmo-* attributes, maxlength) and checks nothing of its own; the policy (csp.py)
allows the endpoint's origin as a form target.
"""

from __future__ import annotations

import urllib.parse

from .errors import BuildError

REQUIRED = ("phone", "phone_href", "email")
# Longest value per field, in characters: the browser's maxlength and the script's check.
FIELD_LIMITS = {"naam": 100, "bedrijf": 150, "email": 254, "telefoon": 30, "bericht": 5000}
LOOPBACK = {"127.0.0.1", "localhost"}


def form_endpoint(raw) -> str | None:
    """The form endpoint when allowed, None when there is none; BuildError otherwise.

    Allowed: an https URL, or an http URL on this machine (127.0.0.1 or localhost, for tests),
    without user name or password, spaces, quotes or angle brackets.
    """
    text = str(raw or "").strip()
    if not text:
        return None
    problem = None
    try:
        url = urllib.parse.urlsplit(text)
        host = url.hostname or ""
        url.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        url, host, problem = None, "", "it is not a URL"
    if problem is None:
        if any(c.isspace() or c in "\"'<>\\" for c in text):
            problem = "it holds spaces, quotes or angle brackets"
        elif url.username is not None or url.password is not None:
            problem = "it holds a user name or password (a secret does not belong in a page)"
        elif url.scheme == "https" and host:
            pass
        elif url.scheme == "http" and host in LOOPBACK:
            pass  # a local capture server in tests
        else:
            problem = "only https:// is allowed (http:// only to 127.0.0.1 or localhost, for tests)"
    if problem:
        raise BuildError(
            f"kmo_build: extra.contact.form_endpoint {text!r} is refused: {problem}. "
            "Leave it empty to let the form open the visitor's mail program."
        )
    return text


def endpoint_origin(raw) -> str | None:
    """The origin of the allowed form endpoint (for the policy's form-action), or None."""
    endpoint = form_endpoint(raw)
    if endpoint is None:
        return None
    url = urllib.parse.urlsplit(endpoint)
    return f"{url.scheme}://{url.netloc.lower()}"


def contact_details(extra) -> dict:
    """extra.contact checked: phone, phone_href (tel:…), email, form_endpoint ("" for none), limits."""
    contact = (extra or {}).get("contact") or {}
    if not isinstance(contact, dict):
        raise BuildError("kmo_build: extra.contact in mkdocs.yml must be a mapping")
    missing = [key for key in REQUIRED if not str(contact.get(key) or "").strip()]
    if missing:
        raise BuildError(f"kmo_build: extra.contact in mkdocs.yml has no {', '.join(missing)}")
    details = {key: str(contact[key]).strip() for key in REQUIRED}
    if not details["phone_href"].startswith("tel:"):
        raise BuildError(f"kmo_build: extra.contact.phone_href {details['phone_href']!r} must start with tel:")
    if "@" not in details["email"] or any(c.isspace() for c in details["email"]):
        raise BuildError(f"kmo_build: extra.contact.email {details['email']!r} is not an e-mail address")
    details["form_endpoint"] = form_endpoint(contact.get("form_endpoint")) or ""
    details["limits"] = dict(FIELD_LIMITS)
    return details
