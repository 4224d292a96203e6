"""Images on a page: each must be a file of the site. The Content-Security-Policy blocks images
from other sites, and a missing file shows as a broken image: both stop the build, naming the
file, the line and the image's address."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from .errors import BuildError
from .page_source import line_of

HELP = "Uitleg: EDITING.md#afbeelding-ontbreekt-of-staat-op-een-andere-site"


class _Sources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found.append(dict(attrs).get("src") or "")


def image_sources(html: str) -> list[str]:
    """The src of every <img> in the page's HTML (Markdown images and HTML ones alike)."""
    parser = _Sources()
    parser.feed(html)
    return parser.found


def image_problem(src: str, page_url: str, site_paths: set[str]) -> str | None:
    """What is wrong with an image address on the page at page_url, or None.

    MkDocs has made a Markdown image's address relative to the page's address, as a browser reads
    an HTML one; an address it could not find, it leaves as written.
    """
    parts = urlsplit(src)
    if parts.scheme == "data":
        return None
    if parts.scheme or src.startswith("//"):
        return ("komt van een andere site, en de site laadt niets van andere sites (de browser weigert het). "
                "Zet de afbeelding in docs/assets/images/ en verwijs ernaar vanuit de pagina, "
                "bijvoorbeeld ![wat erop staat](assets/images/naam.png).")
    if src.startswith("/"):
        return ("begint met een /, en dat werkt niet op de gepubliceerde site (die staat niet aan de wortel "
                "van het domein). Schrijf het adres vanaf de pagina, bijvoorbeeld assets/images/naam.png.")
    target = unquote(urlsplit(urljoin("https://site.invalid/" + page_url, src)).path).lstrip("/")
    if not src or target not in site_paths:
        return ("bestaat niet in de site. Kijk de naam en de map na (hoofdletters tellen mee) en of het "
                "bestand in docs/ staat. Een Markdown-afbeelding wijst vanaf het .md-bestand; een HTML-<img> "
                "wijst vanaf het adres van de pagina.")
    return None


def check_images(html: str, page_url: str, site_paths: set[str], where: str, source: str) -> None:
    """BuildError naming every image on the page that is missing or from another site.

    where: the page's file as the editor sees it; source: its text, to find each image's line.
    """
    problems = []
    for src in dict.fromkeys(image_sources(html)):
        problem = image_problem(src, page_url, site_paths)
        if problem:
            line = line_of(source, src)
            problems.append(f"{where}{f', regel {line}' if line else ''}: de afbeelding \"{src}\" {problem}")
    if problems:
        raise BuildError("\n".join(problems) + f"\n{HELP}")
