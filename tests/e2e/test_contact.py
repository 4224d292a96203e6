"""The contact form: a POST to the form endpoint, the mailto fallback, validation, prefill.

The round trip builds the site a second time with extra.contact.form_endpoint pointing at a capture
server on 127.0.0.1 (mkdocs' own API, in a subprocess, so the session's build stays untouched).
Tests without an endpoint use the session site (base_url), whose mkdocs.yml leaves it empty.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from site_overrides.kmo_build.contact import contact_details
from site_overrides.kmo_build.errors import BuildError
from site_overrides.kmo_build.widgets import environment, render_widget
from tests.support.capture_server import THANKS, capture_server
from tests.support.site_build import ROOT, run_build_with_contact

CONTACT = "contact/"
FORM = "[data-kmo-contact]"
MOUNTED = "[data-kmo-contact][data-kmo-mounted='true']"
INTRO = "Ik wil graag advies over deze simulatie:"

VISITOR = {
    "naam": "Ann Vermeulen-D'hondt",
    "bedrijf": "Brouwerij Ééntje",
    "email": "ann@brouwerij-eentje.be",
    "telefoon": "+32 470 12 34 56",
    "bericht": "Goeiedag,\nWe willen onze pc's beter beveiligen & zoeken advies (± 10 werknemers).\nGroeten, Ann — café \"'t Hoekske\"",
}
FILL = {
    "naam": "#kmo-contact-naam",
    "bedrijf": "#kmo-contact-bedrijf",
    "email": "#kmo-contact-email",
    "telefoon": "#kmo-contact-telefoon",
    "bericht": "#kmo-contact-bericht",
}

# --------------------------------------------------------------------------- capture server


@pytest.fixture(scope="module")
def capture():
    with capture_server() as (url, posts):
        yield url, posts


@pytest.fixture(scope="module")
def endpoint_site(capture, tmp_path_factory, serve_directory):
    """(base URL of the site built with the capture server as form endpoint, the POST list)."""
    url, posts = capture
    destination = tmp_path_factory.mktemp("contact-endpoint") / "site"
    result = run_build_with_contact(destination, form_endpoint=f"{url}/bericht")
    if result.returncode != 0:
        pytest.fail(f"building with a form endpoint failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}", pytrace=False)
    with serve_directory(destination) as base:
        yield base, posts


@pytest.fixture
def posts(endpoint_site):
    """The capture server's POST list, emptied for this test."""
    endpoint_site[1].clear()
    return endpoint_site[1]


# --------------------------------------------------------------------------- helpers


def open_contact(page, base: str, query: str = "") -> None:
    page.goto(f"{base.rstrip('/')}/{CONTACT}{query}")
    page.wait_for_selector(MOUNTED)


def fill_visitor(page, visitor: dict = VISITOR) -> None:
    for name, selector in FILL.items():
        page.fill(selector, visitor[name])
    page.check("#kmo-contact-toestemming")


# The site's Content-Security-Policy has no 'unsafe-eval': page.wait_for_function() with a string
# fails there, so these tests wait with locators and expect().


def catch_mailto(page) -> None:
    """Cancel the mail client's opening and keep its URL in window.__kmoMailto.

    Every mailto test cancels the navigation: Chromium, even headless, hands a mailto: URL to the
    operating system (xdg-open), which on a developer's machine opens a mail window.
    """
    page.add_init_script(
        """
        window.__kmoMailto = [];
        document.addEventListener("kmo-contact:mailto", (event) => {
          event.preventDefault();
          window.__kmoMailto.push(event.detail.url);
        }, true);
        """
    )


def mailto_parts(url: str) -> tuple[str, dict]:
    assert url.startswith("mailto:"), url
    # Percent-encoded throughout: no spaces, no raw non-ASCII, no raw newlines.
    assert re.fullmatch(r"[A-Za-z0-9%@._~:?&=()*!'-]+", url), url
    address, _, query = url[len("mailto:") :].partition("?")
    fields = urllib.parse.parse_qs(query, keep_blank_values=True, strict_parsing=True)
    assert set(fields) == {"subject", "body"}, fields
    return urllib.parse.unquote(address), {k: v[0] for k, v in fields.items()}


def error_text(page, name: str) -> str:
    box = page.locator(f"[data-kmo-error-for='{name}']")
    return box.inner_text() if box.is_visible() else ""


def without_fragment(url: str) -> str:
    """navigation.tracking puts the heading in view into the URL fragment: compare without it."""
    return url.split("#")[0]


def wait_a_moment(page, ms: int = 700) -> None:
    page.wait_for_timeout(ms)


# --------------------------------------------------------------------------- with a form endpoint


def test_round_trip_posts_every_field(guarded_page, endpoint_site, posts):
    page = guarded_page
    base, _ = endpoint_site
    open_contact(page, base)
    root = page.locator(FORM)
    expect(root).to_have_attribute("data-kmo-mode", "post")
    fill_visitor(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("h1")).to_have_text("Bedankt")

    assert len(posts) == 1, posts
    post = posts[0]
    assert post["path"] == "/bericht"
    assert post["content_type"].startswith("application/x-www-form-urlencoded")
    fields = urllib.parse.parse_qs(post["body"].decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    assert set(fields) == {"naam", "bedrijf", "email", "telefoon", "bericht", "toestemming", "website"}
    assert all(len(values) == 1 for values in fields.values()), fields
    got = {name: values[0] for name, values in fields.items()}
    for name in FILL:
        expected = VISITOR[name]
        if name == "bericht":  # a form submission sends textarea line breaks as CRLF
            expected = expected.replace("\n", "\r\n")
        assert got[name] == expected, name
    assert got["bedrijf"] == "Brouwerij Ééntje"
    assert got["toestemming"] == "ja"
    assert got["website"] == ""
    page.goto("about:blank")  # end on a plain page, not on the capture server's answer


def test_spaces_around_short_fields_are_trimmed(guarded_page, endpoint_site, capture):
    # The round trip above proves the real POST; here the browser's request itself is read, so
    # this test does not navigate to the capture server a second time.
    page = guarded_page
    sent = []

    def answer(route):
        sent.append(route.request.post_data)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=THANKS)

    page.route(f"{capture[0]}/**", answer)
    open_contact(page, endpoint_site[0])
    fill_visitor(page, {**VISITOR, "naam": "  Jan Peeters  ", "email": " jan@peeters.be "})
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    assert len(sent) == 1
    fields = urllib.parse.parse_qs(sent[0], keep_blank_values=True)
    assert fields["naam"] == ["Jan Peeters"]
    assert fields["email"] == ["jan@peeters.be"]


def test_empty_form_shows_dutch_messages_and_posts_nothing(guarded_page, endpoint_site, posts):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    url = page.url
    page.get_by_role("button", name="Verstuur").click()

    assert "Vul je naam in." in error_text(page, "naam")
    assert "e-mailadres" in error_text(page, "email")
    assert "waarover je vraag gaat" in error_text(page, "bericht")
    assert "Vink aan" in error_text(page, "toestemming")
    assert error_text(page, "bedrijf") == "" and error_text(page, "telefoon") == ""
    for name in ("naam", "email", "bericht", "toestemming"):
        field = page.locator(f"[name='{name}']")
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby").split()
        assert f"kmo-contact-{name}-fout" in described
    expect(page.locator("[name='bedrijf']")).not_to_have_attribute("aria-invalid", "true")
    # Focus on the first invalid field; a status line says why nothing was sent.
    assert page.evaluate("document.activeElement.name") == "naam"
    expect(page.locator("#kmo-contact-status")).to_contain_text("niet verstuurd")
    expect(page.locator(FORM)).to_have_attribute("data-kmo-state", "invalid")

    wait_a_moment(page)
    assert posts == []
    assert without_fragment(page.url) == without_fragment(url)

    # Errors go away as the visitor fixes the fields.
    page.fill("#kmo-contact-naam", "Jan")
    assert error_text(page, "naam") == ""
    expect(page.locator("[name='naam']")).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "jan@", "geen geldig e-mailadres"),
        ("email", "jan peeters@bedrijf.be", "geen geldig e-mailadres"),
        ("email", "jan@bedrijf", "geen geldig e-mailadres"),
        ("telefoon", "bel me maar", "geen geldig telefoonnummer"),
        ("telefoon", "123", "geen geldig telefoonnummer"),
        ("naam", "N" * 101, "hoogstens 100 tekens"),
        ("bedrijf", "B" * 151, "hoogstens 150 tekens"),
        ("email", "a" * 61 + "@" + "b" * 190 + ".be", "hoogstens 254 tekens"),
        ("telefoon", "0" * 31, "hoogstens 30 tekens"),
        ("bericht", "x" * 5001, "hoogstens 5000 tekens"),
    ],
)
def test_invalid_values_are_refused(guarded_page, endpoint_site, posts, field, value, message):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    fill_visitor(page)
    # Set the value from script: maxlength stops typing, not a script or a pasted prefill.
    page.locator(FILL[field]).evaluate("(element, value) => { element.value = value; }", value)
    page.get_by_role("button", name="Verstuur").click()
    assert message in error_text(page, field)
    assert page.evaluate("document.activeElement.name") == field
    wait_a_moment(page, 400)
    assert posts == []


def test_maxlength_attributes(guarded_page, endpoint_site):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    limits = {"naam": "100", "bedrijf": "150", "email": "254", "telefoon": "30", "bericht": "5000"}
    for name, limit in limits.items():
        expect(page.locator(f"[name='{name}']")).to_have_attribute("maxlength", limit)


def test_filled_honeypot_posts_nothing(guarded_page, endpoint_site, posts):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    url = page.url
    fill_visitor(page)
    page.locator("[name='website']").evaluate("(element) => { element.value = 'https://spam.example'; }")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("#kmo-contact-status")).to_contain_text("Bedankt")
    expect(page.locator(FORM)).to_have_attribute("data-kmo-state", "dropped")
    wait_a_moment(page, 1000)
    assert posts == []
    assert without_fragment(page.url) == without_fragment(url)


def test_honeypot_is_out_of_reach(guarded_page, endpoint_site):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    trap = page.locator("[name='website']")
    expect(trap).to_have_attribute("tabindex", "-1")
    expect(trap).to_have_attribute("autocomplete", "off")
    assert trap.evaluate("(element) => element.closest('[aria-hidden=\"true\"]') !== null")
    box = page.locator(".kmo-contact__hp").bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1)
    assert trap.evaluate("(element) => element.closest('.kmo-contact__hp').checkVisibility({opacityProperty: true})") is False


# --------------------------------------------------------------------------- mailto (no endpoint)


def test_mailto_asks_only_for_the_message_and_mails_it(guarded_page, base_url):
    page = guarded_page
    catch_mailto(page)
    open_contact(page, base_url)
    expect(page.locator(FORM)).to_have_attribute("data-kmo-mode", "mailto")
    # The visitor's own mail program sends it, with their name and address: only the message is asked.
    for name in ("naam", "bedrijf", "email", "telefoon", "toestemming", "website"):
        expect(page.locator(f"{FORM} [name='{name}']")).to_have_count(0)
    page.fill(FILL["bericht"], VISITOR["bericht"])
    page.get_by_role("button", name="Open in mijn e-mail").click()
    expect(page.locator(FORM)).to_have_attribute("data-kmo-state", "mail-opened")
    assert page.evaluate("window.__kmoMailto.length") == 1
    url = page.evaluate("window.__kmoMailto[0]")
    expect(page.locator(FORM)).to_have_attribute("data-kmo-mailto", url)

    address, fields = mailto_parts(url)
    assert address == "info@ecx.be"
    assert fields["subject"] == "Contactaanvraag via de website"
    body = fields["body"]
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")  # RFC 6068 line breaks
    assert body.replace("\r\n", "\n") == VISITOR["bericht"]
    expect(page.locator("#kmo-contact-status")).to_contain_text("e-mailprogramma")
    expect(page.locator("#kmo-contact-status a[href='mailto:info@ecx.be']")).to_be_visible()


def test_mailto_validation_blocks_the_mail(guarded_page, base_url):
    page = guarded_page
    catch_mailto(page)
    open_contact(page, base_url)
    page.get_by_role("button", name="Open in mijn e-mail").click()
    expect(page.locator("[data-kmo-error-for='bericht']")).to_contain_text("Schrijf kort")
    assert page.evaluate("document.activeElement.name") == "bericht"
    wait_a_moment(page, 400)
    assert page.evaluate("window.__kmoMailto") == []


def test_without_an_endpoint_the_button_says_what_it_does_and_the_form_how_it_works(guarded_page, base_url, endpoint_site):
    page = guarded_page
    open_contact(page, base_url)
    expect(page.locator("button.kmo-contact__submit")).to_have_text("Open in mijn e-mail")
    explained = page.locator("#kmo-contact-uitleg")
    expect(explained).to_contain_text("opent je eigen e-mailprogramma")
    expect(explained).to_contain_text("Deze website verstuurt niets")
    expect(page.get_by_role("button", name="Kopieer mijn bericht")).to_be_visible()
    # With an endpoint: today's behaviour, no copy button, no mail explanation.
    base, _ = endpoint_site
    open_contact(page, base)
    expect(page.locator("button.kmo-contact__submit")).to_have_text("Verstuur")
    expect(page.locator("[data-kmo-copy]")).to_have_count(0)
    expect(page.locator("#kmo-contact-uitleg")).to_have_count(0)


def test_copy_my_message_keeps_the_text(guarded_page, base_url):
    page = guarded_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    catch_mailto(page)
    open_contact(page, base_url)
    copy = page.get_by_role("button", name="Kopieer mijn bericht")
    copy.click()  # nothing written yet: it says so and goes to the message
    expect(page.locator("#kmo-contact-status")).to_contain_text("Schrijf eerst je bericht")
    assert page.evaluate("document.activeElement.name") == "bericht"
    page.fill(FILL["bericht"], VISITOR["bericht"])
    copy.click()
    expect(page.locator(FORM)).to_have_attribute("data-kmo-state", "copied")
    expect(page.locator("#kmo-contact-status")).to_contain_text("Je bericht is gekopieerd")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert VISITOR["bericht"].strip() in copied
    expect(page.locator("#kmo-contact-bericht"), "the text stays in the form").to_have_value(VISITOR["bericht"])
    assert page.evaluate("window.__kmoMailto") == [], "copying opens no mail"


def test_copy_falls_back_to_selecting_the_message(guarded_page, base_url):
    page = guarded_page
    # A browser without the clipboard API that also refuses execCommand("copy").
    page.add_init_script(
        """
        Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
        document.execCommand = () => false;
        """
    )
    open_contact(page, base_url)
    page.fill("#kmo-contact-bericht", "Mijn vraag over een back-up.")
    page.get_by_role("button", name="Kopieer mijn bericht").click()
    expect(page.locator(FORM)).to_have_attribute("data-kmo-state", "selected")
    expect(page.locator("#kmo-contact-status")).to_contain_text("geselecteerd")
    selected = page.evaluate(
        "(() => { const m = document.activeElement; return m.value.slice(m.selectionStart, m.selectionEnd); })()"
    )
    assert selected == "Mijn vraag over een back-up."


def test_the_script_takes_its_limits_from_the_page(guarded_page, base_url):
    """contact.mjs has no limits of its own: a smaller maxlength in the page is the one it checks."""
    page = guarded_page

    def smaller(route):
        response = route.fetch()
        html = response.text()
        assert 'name="bericht" required maxlength="5000"' in html
        route.fulfill(response=response, body=html.replace('name="bericht" required maxlength="5000"', 'name="bericht" required maxlength="12"'))

    page.route(re.compile(r".*/contact/(\?.*)?$"), smaller)
    catch_mailto(page)
    open_contact(page, base_url)
    page.locator(FILL["bericht"]).evaluate("(element) => { element.value = 'N'.repeat(13); }")
    page.get_by_role("button", name="Open in mijn e-mail").click()
    expect(page.locator("[data-kmo-error-for='bericht']")).to_contain_text("hoogstens 12 tekens")
    assert page.evaluate("window.__kmoMailto.length") == 0


def _render_partial(endpoint: str) -> str:
    extra = {"contact": {"phone": "0800 93 710", "phone_href": "tel:+3280093710", "email": "info@ecx.be", "form_endpoint": endpoint}}
    return render_widget(
        environment([ROOT / "site_overrides"]), "contactformulier", "contact.md",
        contact=contact_details(extra), base_url="..",
    )


@pytest.mark.parametrize(
    ("endpoint", "action"),
    [
        ("", "mailto:info@ecx.be"),
        ("https://formulier.ecx.be/contact", "https://formulier.ecx.be/contact"),
        ("http://127.0.0.1:8123/x", "http://127.0.0.1:8123/x"),
    ],
)
def test_partial_sets_the_form_action_for_allowed_endpoints(endpoint, action):
    html = _render_partial(endpoint)
    assert f'action="{action}"' in html and f'data-kmo-endpoint="{endpoint}"' in html
    assert "data-kmo-contact" in html
    assert 'href="tel:+3280093710"' in html and ">0800 93 710<" in html
    assert 'href="../privacy/"' in html


@pytest.mark.parametrize(
    "endpoint",
    ["http://example.com/x", "javascript:alert(1)", "http://localhost.example.com/x", 'https://x.be/"><script>alert(1)</script>'],
)
def test_partial_is_never_rendered_with_a_refused_endpoint(endpoint):
    with pytest.raises(BuildError, match="form_endpoint"):
        _render_partial(endpoint)


# --------------------------------------------------------------------------- prefill from the calculator


def test_simulatie_prefills_the_message(guarded_page, base_url):
    page = guarded_page
    summary = "Advies cybersecurity, kleine onderneming: steun € 4.500,00 (30 %).\nEigen bijdrage € 10.500,00."
    open_contact(page, base_url, "?" + urllib.parse.urlencode({"simulatie": summary}))
    value = page.input_value("#kmo-contact-bericht")
    assert value.startswith(INTRO + "\n")
    assert summary in value


def test_simulatie_is_text_never_html(guarded_page, base_url):
    page = guarded_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payloads = [
        "<img src=x onerror=alert(1)>",
        '</textarea><script>alert(2)</script><svg onload="alert(3)">',
    ]
    for number, payload in enumerate(payloads):
        # The first one exactly as a visitor would paste it (the browser encodes it), the second
        # one encoded by us.
        query = "?simulatie=" + payload if number == 0 else "?" + urllib.parse.urlencode({"simulatie": payload})
        open_contact(page, base_url, query)
        value = page.input_value("#kmo-contact-bericht")
        assert value.startswith(INTRO + "\n")
        assert payload in value, value
        expect(page.locator(f"{FORM} img, {FORM} svg, {FORM} script, article img[src='x']")).to_have_count(0)
        wait_a_moment(page)
        assert dialogs == []


# --------------------------------------------------------------------------- page, keyboard, small screens


def test_phone_and_privacy_links(guarded_page, endpoint_site):
    page = guarded_page
    base_url = endpoint_site[0].rstrip("/")
    open_contact(page, base_url)
    tel = page.locator(f"{FORM} a[href='tel:+3280093710']")
    expect(tel).to_have_text("0800 93 710")
    consent = page.get_by_label("Ik ga akkoord dat ECX mijn gegevens gebruikt om mij te contacteren")
    expect(consent).to_have_attribute("type", "checkbox")
    privacy = page.locator(f"{FORM} a", has_text="privacyverklaring")
    # In the file it is "../privacy/" (see the partial test); Material's instant navigation
    # makes links absolute after loading.
    assert privacy.evaluate("(a) => a.href") == f"{base_url}/privacy/"
    privacy.click()
    page.wait_for_url(re.compile(r"/privacy/$"))
    expect(page.locator("h1")).to_contain_text("Privacy")


def test_under_a_sub_path(guarded_page, built_site, serve_directory):
    page = guarded_page
    with serve_directory(built_site, "/kmo-site/") as base:
        open_contact(page, base)
        expect(page.locator(FORM)).to_have_attribute("data-kmo-mode", "mailto")
        # contact.css applied: the explanation has its bar
        assert page.locator(".kmo-contact__uitleg").evaluate("(e) => getComputedStyle(e).borderLeftStyle") == "solid"
        page.locator(f"{FORM} a", has_text="privacyverklaring").click()
        page.wait_for_url(f"{base}privacy/")


def test_keyboard_order_and_visible_focus(guarded_page, endpoint_site):
    page = guarded_page
    open_contact(page, endpoint_site[0])
    page.focus("#kmo-contact-naam")
    order = [page.evaluate("document.activeElement.name")]
    for _ in range(7):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()"))
    assert order[:8] == ["naam", "bedrijf", "email", "telefoon", "bericht", "toestemming", "privacyverklaring", "Verstuur"]
    assert "website" not in order
    # The focused button shows a clear outline.
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
    # Space ticks the consent box; Enter in a field submits and moves focus to the first error.
    page.focus("#kmo-contact-toestemming")
    page.keyboard.press("Space")
    expect(page.locator("#kmo-contact-toestemming")).to_be_checked()
    page.focus("#kmo-contact-bedrijf")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "naam"


@pytest.mark.parametrize("width", [320, 1280])
def test_fits_the_screen_and_passes_axe(guarded_page, base_url, width):
    from axe_playwright_python.sync_playwright import Axe

    page = guarded_page
    page.set_viewport_size({"width": width, "height": 900})
    open_contact(page, base_url)
    page.get_by_role("button", name="Open in mijn e-mail").click()  # show the error messages too
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in [FILL["bericht"], "button.kmo-contact__submit"]:
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector
    results = Axe().run(page, context={"include": [[FORM]]})
    assert results.violations_count == 0, results.generate_report()


def _site_path(built_site: Path) -> str:
    """The path of site_url ("/kmo-portefeuille/"), from the first <loc> of sitemap.xml."""
    found = re.search(r"<loc>\s*([^<\s]+)\s*</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    path = urllib.parse.urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


def test_instant_navigation_mounts_and_prefills(launch_browser, browser_type_launch_args, built_site, serve_directory):
    """Material swaps pages in without a reload: the form must still mount and take ?simulatie=.

    Instant navigation needs the host and path of site_url's sitemap, so the site is served under
    that path on a host name mapped to the local port (http://kmo.test/<path>).
    """
    prefix = _site_path(built_site)
    with serve_directory(built_site, prefix) as base:
        port = urllib.parse.urlsplit(base).port
        rule = f"--host-resolver-rules=MAP kmo.test 127.0.0.1:{port}"
        browser = launch_browser(args=[*browser_type_launch_args.get("args", []), rule])
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            home = f"http://kmo.test{prefix}"
            page.goto(home)
            page.evaluate("window.__kmoSameDocument = true")

            page.locator("a.md-nav__link[href$='contact/']").first.click()
            page.wait_for_selector(MOUNTED)
            assert page.evaluate("window.__kmoSameDocument") is True, "no instant navigation"
            expect(page.locator(FORM)).to_have_attribute("data-kmo-mode", "mailto")

            page.go_back()
            page.wait_for_url(home)
            expect(page.locator(FORM)).to_have_count(0)  # the home page is swapped back in
            summary = "Opleiding digitalisering: steun € 1.200,00"
            page.evaluate(
                """(summary) => {
                  const link = document.createElement("a");
                  link.id = "kmo-probe";
                  link.href = "contact/?simulatie=" + encodeURIComponent(summary);
                  link.textContent = "advies";
                  document.querySelector("article").append(link);
                }""",
                summary,
            )
            page.click("#kmo-probe")
            page.wait_for_selector(MOUNTED)
            assert page.evaluate("window.__kmoSameDocument") is True, "no instant navigation"
            expect(page.locator("#kmo-contact-bericht")).to_have_value(re.compile(re.escape(f"{INTRO}\n{summary}")))
            expect(page.locator(MOUNTED)).to_have_count(1)
            assert problems == []
        finally:
            browser.close()
