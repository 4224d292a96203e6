"""The source watch (make check-sources), offline: every page comes from a server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import socket
import socketserver
import threading
from datetime import date
from pathlib import Path

import pytest
import requests

from maintenance.source_watch import fingerprints
from maintenance.source_watch.__main__ import main
from maintenance.source_watch.fetching import USER_AGENT, Page, describe
from maintenance.source_watch.sources import read_sources

TODAY = date(2026, 12, 2)
LATER = date(2026, 12, 9)


def page(main: str, menu: str = "Home | Subsidies", has_main: bool = True) -> bytes:
    """A page like VLAIO's: a frame around the text, and a breadcrumb and a script inside it."""
    text = f"""<nav aria-label="Kruimelpad">{menu}</nav><h1>Hoeveel steun krijg je?</h1>{main}
    <script>window.tracking = "{menu}";</script><form><button>Was dit nuttig? {menu}</button></form>"""
    part = f"<main>{text}</main>" if has_main else f"<div class=content>{text}</div>"
    return f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>VLAIO {menu}</title>
    <style>body {{ color: black }}</style></head>
    <body><header>VLAIO {menu}</header><nav><ul><li>{menu}</li></ul></nav>{part}
    <footer>© Vlaanderen {menu}</footer></body></html>""".encode()


RATES = "<p>Een kleine onderneming krijgt 30% steun.</p><p>Het plafond is € 7.500 per jaar.</p>"
NEW_RATES = "<p>Een kleine onderneming krijgt 20% steun.</p><p>Het plafond is € 7.500 per jaar.</p>"


# --------------------------------------------------------------------------- a local web server


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the test output quiet
        pass

    def do_GET(self):
        site: LocalSite = self.server.site
        site.seen.append({"path": self.path, "user_agent": self.headers.get("User-Agent")})
        route = site.routes.get(self.path)
        if route is None:
            route = (404, {"Content-Type": "text/html; charset=utf-8"}, b"<p>Niet gevonden</p>")
        if route == "hang":
            site.release.wait(30)
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    block_on_close = False


class LocalSite:
    """Pages served on 127.0.0.1; a test sets what each path answers."""

    def __init__(self, base: str):
        self.base = base
        self.routes: dict = {}
        self.seen: list[dict] = []
        self.release = threading.Event()

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, body: bytes) -> str:
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, body)
        return self.url(path)

    def file(self, path: str, content_type: str, body: bytes) -> str:
        self.routes[path] = (200, {"Content-Type": content_type}, body)
        return self.url(path)

    def redirect(self, path: str, target: str, status: int) -> str:
        self.routes[path] = (status, {"Location": target}, b"")
        return self.url(path)

    def hang(self, path: str) -> str:
        self.routes[path] = "hang"
        return self.url(path)


@contextlib.contextmanager
def serving():
    server = _Server(("127.0.0.1", 0), _Handler)
    site = LocalSite(f"http://127.0.0.1:{server.server_address[1]}")
    server.site = site
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="source pages", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def site():
    with serving() as local:
        yield local


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/pagina"


# --------------------------------------------------------------------------- running the command


class Watch:
    """The command on a temporary parameters.json and fingerprints file."""

    def __init__(self, tmp_path: Path, capsys):
        self.parameters = tmp_path / "parameters.json"
        self.store = tmp_path / "fingerprints.json"
        self.capsys = capsys

    def sources(self, urls: dict[str, str]) -> None:
        data = {"sources": {key: {"label": f"Bron {key}", "title": f"Titel {key}", "url": url} for key, url in urls.items()}}
        self.parameters.write_text(json.dumps(data), encoding="utf-8")

    def run(self, *args: str, today: date = LATER) -> tuple[int, str]:
        self.capsys.readouterr()
        try:
            code = main(
                ["--parameters", str(self.parameters), "--fingerprints", str(self.store), "--timeout", "2", *args],
                today=today,
            )
        except SystemExit as refused:  # argparse refuses the arguments
            code = refused.code
        captured = self.capsys.readouterr()
        self.err = captured.err
        return code, captured.out

    def accept(self) -> None:
        code, _ = self.run("--update", today=TODAY)
        assert code == 0


@pytest.fixture
def watch(tmp_path, capsys):
    return Watch(tmp_path, capsys)


def section(report: str, title: str) -> str:
    """The text from the heading '## title' (with or without a count) up to the next '## '."""
    found = re.search(rf"^## {re.escape(title)}( \(\d+\))?$", report, re.MULTILINE)
    assert found, f"no section {title!r} in:\n{report}"
    end = report.find("\n## ", found.start() + 1)
    return report[found.start() : end if end != -1 else None]


# --------------------------------------------------------------------------- the cases


def test_an_unchanged_page_exits_0(site, watch):
    watch.sources({"hoeveel": site.html("/hoeveel", page(RATES))})
    watch.accept()

    code, report = watch.run()

    assert code == 0
    assert "Niets veranderd: alle 1 bronnen zijn ongewijzigd." in report
    assert "Bron hoeveel" in section(report, "Ongewijzigd")
    assert "vastgelegd op 2026-12-02" in report
    assert "Wat nu?" not in report


@pytest.mark.parametrize("has_main", [True, False], ids=["main", "no-main"])
def test_a_new_menu_script_or_footer_is_not_a_change(site, watch, has_main):
    watch.sources({"hoeveel": site.html("/hoeveel", page(RATES, has_main=has_main))})
    watch.accept()
    site.html("/hoeveel", page(RATES, menu="Home | Subsidies | Nieuws", has_main=has_main))

    code, report = watch.run()

    assert code == 0, report
    site.html("/hoeveel", page(NEW_RATES, menu="Home | Subsidies | Nieuws", has_main=has_main))
    assert watch.run()[0] == 1


def test_a_changed_page_is_reported_with_its_new_text_and_exits_1(site, watch):
    watch.sources({"hoeveel": site.html("/hoeveel", page(RATES)), "vast": site.html("/vast", page(RATES))})
    watch.accept()
    before = watch.store.read_text(encoding="utf-8")
    site.html("/hoeveel", page(NEW_RATES))

    code, report = watch.run()

    assert code == 1
    changed = section(report, "Gewijzigd")
    assert "### Bron hoeveel (`hoeveel`)" in changed
    assert site.url("/hoeveel") in changed
    assert "+ Een kleine onderneming krijgt 20% steun." in changed
    assert "1 regel nieuw of gewijzigd, 1 regel verdwenen of gewijzigd" in changed
    assert "Het plafond" not in changed  # an unchanged line is not quoted
    assert "Bron vast" in section(report, "Ongewijzigd")
    assert "1 van de 2 bronnen vragen aandacht" in report
    assert "`make accept-sources`" in section(report, "Wat nu?")
    assert watch.store.read_text(encoding="utf-8") == before  # checking records nothing


def test_update_records_the_change_and_the_next_check_is_clean(site, watch):
    watch.sources({"hoeveel": site.html("/hoeveel", page(RATES))})
    watch.accept()
    site.html("/hoeveel", page(NEW_RATES))

    code, report = watch.run("--update")
    assert code == 0
    assert report.startswith("# Bronnen vastgelegd op 2026-12-09\n")
    assert "+ Een kleine onderneming krijgt 20% steun." in section(report, "Gewijzigd, nu vastgelegd")

    code, report = watch.run()
    assert code == 0
    assert "Niets veranderd" in report


def test_a_source_without_a_fingerprint_says_so_and_exits_1(site, watch):
    url = site.html("/hoeveel", page(RATES))
    watch.sources({"hoeveel": url})
    fingerprints.save({"hoeveel": fingerprints.Fingerprint(url, None)}, watch.store)

    code, report = watch.run()

    assert code == 1
    new = section(report, "Nog geen vingerafdruk")
    assert "### Bron hoeveel (`hoeveel`)" in new
    assert "Hoeveel steun krijg je?" in new  # the start of the page, to read


def test_an_unreachable_source_is_reported_and_keeps_its_fingerprint(site, watch):
    watch.sources({"weg": closed_port_url(), "kapot": site.url("/bestaat-niet")})
    stored = {key: fingerprints.Fingerprint(s.url, "ab" * 32, 10, TODAY, ("abc",)) for key, s in read_sources(watch.parameters).items()}
    fingerprints.save(stored, watch.store)

    code, report = watch.run("--update")

    assert code == 1  # nothing could be recorded
    assert fingerprints.load(watch.store) == stored
    code, report = watch.run()
    assert code == 1
    unreachable = section(report, "Onbereikbaar")
    assert "Bron weg" in unreachable and "verbinding geweigerd" in unreachable
    assert "Bron kapot" in unreachable and "HTTP 404 Not Found" in unreachable
    assert "**Onbereikbaar**" in section(report, "Wat nu?")


def test_a_page_that_does_not_answer_is_reported_as_a_time_out(site, watch):
    watch.sources({"traag": site.hang("/traag")})

    code, report = watch.run("--timeout", "0.5")

    assert code == 1
    assert "Bron traag" in section(report, "Onbereikbaar")
    assert "geen antwoord binnen 0,5 seconden (time-out)" in report


@pytest.mark.parametrize("status", [301, 302])
def test_a_redirect_is_reported_from_the_old_to_the_new_address(site, watch, status):
    new = site.html("/nl/hoeveel", page(RATES))
    old = site.redirect("/hoeveel", "/nl/hoeveel", status)
    watch.sources({"hoeveel": old})
    watch.accept()

    code, report = watch.run()

    assert code == 1  # the content is the same, but parameters.json should get the new address
    assert f"<{old}>: nu op <{new}> ({status})" in section(report, "Omgeleid")
    assert "Bron hoeveel" in section(report, "Ongewijzigd")


def test_a_pdf_is_reported_as_not_html(site, watch):
    watch.sources({"besluit": site.file("/besluit.pdf", "application/pdf", b"%PDF-1.7 ...")})

    code, report = watch.run()

    assert code == 1
    assert "Bron besluit" in section(report, "Geen HTML")
    assert "`application/pdf`" in section(report, "Geen HTML")


def test_a_page_without_readable_text_is_not_taken_as_unchanged(site, watch):
    watch.sources({"leeg": site.html("/leeg", b"<html><body><main><script>render()</script></main></body></html>")})

    code, report = watch.run()

    assert code == 1
    assert "geen leesbare tekst" in section(report, "Onbereikbaar")


def test_the_report_file_holds_the_printed_report(site, watch, tmp_path):
    watch.sources({"hoeveel": site.html("/hoeveel", page(RATES))})
    target = tmp_path / "report.md"

    code, report = watch.run("--report", str(target))

    assert code == 1
    assert target.read_text(encoding="utf-8") == report
    assert report.startswith("# Bronnen nagekeken op 2026-12-09\n")


def test_only_checks_the_named_sources(site, watch):
    watch.sources({"a": site.html("/a", page(RATES)), "b": site.html("/b", page(RATES))})

    code, report = watch.run("--only", "b")

    assert "Bron b" in report and "Bron a" not in report
    assert [hit["path"] for hit in site.seen] == ["/b"]


def test_pages_are_asked_for_with_the_watch_user_agent(site, watch):
    watch.sources({"a": site.html("/a", page(RATES))})
    watch.run()
    assert site.seen[0]["user_agent"] == USER_AGENT


def test_quoted_page_text_cannot_close_its_fence_or_mention_people(site, watch):
    watch.sources({"a": site.html("/a", page("<p>~~~ @vlaio zie #12</p>"))})

    code, report = watch.run()

    new = section(report, "Nog geen vingerafdruk")
    assert "~~~~text\nHoeveel steun krijg je?\n~~~ @vlaio zie #12\n~~~~\n" in new


@pytest.mark.parametrize(
    "args, message",
    [
        (["--only", "onbekend"], "unknown source id onbekend"),
        (["--timeout", "0"], ""),
        (["--no-such-option"], ""),
    ],
)
def test_bad_usage_exits_2(watch, args, message):
    watch.sources({"a": closed_port_url()})
    code, report = watch.run(*args)
    assert code == 2
    assert report == ""
    assert message in watch.err


def test_a_missing_parameters_file_exits_2(watch, capsys):
    assert main(["--parameters", str(watch.parameters)]) == 2
    assert "cannot read the sources" in capsys.readouterr().err


def test_a_name_that_does_not_resolve_is_reported_as_dns():
    try:
        raise requests.ConnectionError("failed") from socket.gaierror(-2, "Name or service not known")
    except requests.ConnectionError as error:
        assert describe(error) == "de domeinnaam werd niet gevonden (DNS)"


def test_the_repository_watches_every_source_in_parameters_json(capsys):
    """The real files, with pages from a stand-in fetcher (no network)."""
    sources = read_sources()

    def fetcher(url: str) -> Page:
        return Page(url, url, (), "text/html", "utf-8", page(f"<p>{url}</p>"))

    code = main([], fetcher=fetcher, today=TODAY)

    report = capsys.readouterr().out
    assert code == 1  # new text for every source
    for source in sources.values():
        assert f"(`{source.id}`)" in report
    assert set(fingerprints.load()) <= set(sources)
