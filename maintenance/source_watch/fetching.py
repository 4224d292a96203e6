"""Get one page: follow redirects but remember them, and say in plain Dutch why a page failed."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus

import requests

USER_AGENT = "ECX-kmo-portefeuille-bronnenwacht/1.0 (+https://ecx-be.github.io/kmo-portefeuille/)"
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5",
}
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TIMEOUT = 20.0
MAX_BYTES = 5 * 1024 * 1024  # a source page is text; more than this is not a page we can read


@dataclass(frozen=True)
class Redirect:
    status: int
    source: str
    target: str


@dataclass(frozen=True)
class Page:
    url: str
    final_url: str
    redirects: tuple[Redirect, ...]
    content_type: str  # the media type only, lower case: "text/html"; "" when the server sent none
    charset: str | None
    body: bytes | None  # None when the page is not HTML: it is not read

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES


@dataclass(frozen=True)
class Failure:
    url: str
    reason: str
    redirects: tuple[Redirect, ...] = ()


def fetch(url: str, timeout: float = TIMEOUT) -> Page | Failure:
    try:
        with requests.get(url, headers=HEADERS, timeout=timeout, stream=True, allow_redirects=True) as response:
            redirects = _redirects(response)
            if response.status_code >= 400:
                return Failure(url, _status(response.status_code), redirects)
            content_type, charset = _media_type(response.headers.get("Content-Type"))
            page = Page(url, response.url, redirects, content_type, charset, None)
            if not page.is_html:
                return page
            body = _read(response)
            if body is None:
                return Failure(url, f"de pagina is groter dan {MAX_BYTES // (1024 * 1024)} MB", redirects)
            return Page(url, response.url, redirects, content_type, charset, body)
    except requests.RequestException as error:
        return Failure(url, describe(error, timeout))


def describe(error: requests.RequestException, timeout: float = TIMEOUT) -> str:
    # Timeout first: a connect time-out is also a ConnectionError.
    if isinstance(error, requests.Timeout):
        seconds = f"{timeout:g}".replace(".", ",")  # Dutch decimal comma
        return f"geen antwoord binnen {seconds} seconden (time-out)"
    if isinstance(error, requests.TooManyRedirects):
        return "te veel omleidingen na elkaar"
    causes = list(_causes(error))
    if any(isinstance(cause, socket.gaierror) or type(cause).__name__ == "NameResolutionError" for cause in causes):
        return "de domeinnaam werd niet gevonden (DNS)"
    if isinstance(error, requests.exceptions.SSLError):
        return "beveiligde verbinding mislukt (certificaat of TLS)"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return "verbinding geweigerd"
    if isinstance(error, requests.ConnectionError):
        return "geen verbinding met de server"
    return f"ophalen mislukt ({type(error).__name__})"


def _status(code: int) -> str:
    # The standard phrase, not the server's own: the report should hold no text a server chose.
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def _redirects(response: requests.Response) -> tuple[Redirect, ...]:
    hops = [*response.history, response]
    return tuple(Redirect(hop.status_code, hop.url, after.url) for hop, after in zip(hops, hops[1:]))


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    message = Message()
    message["Content-Type"] = header
    return message.get_content_type(), message.get_param("charset")


def _read(response: requests.Response) -> bytes | None:
    body = bytearray()
    for chunk in response.iter_content(chunk_size=64 * 1024):
        body += chunk
        if len(body) > MAX_BYTES:
            return None
    return bytes(body)


def _causes(error: BaseException):
    """The error and everything behind it: requests wraps urllib3, which wraps the socket error."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        behind = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        pending += [cause for cause in behind if isinstance(cause, BaseException)]
