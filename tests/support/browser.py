"""How the tests (and the benchmark) start Chromium, and which hosts a page may reach."""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse

ALLOWED_HOSTS = {"127.0.0.1", "localhost", "kmo.test"}
LOCAL_SCHEMES = {"data", "blob", "about"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def system_chromium() -> str | None:
    """The same search as .ci/ensure-chromium (KMO_CHROMIUM=playwright: Playwright's own)."""
    if os.environ.get("KMO_CHROMIUM") == "playwright":
        return None
    candidates = [
        os.environ.get("KMO_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        shutil.which("chromium-browser"),
        shutil.which("chromium"),
    ]
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        try:
            subprocess.run([candidate, "--version"], capture_output=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            continue
        return candidate
    return None


def off_host(url: str) -> bool:
    """True when url leaves this machine (the tests never reach the internet)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return parts.hostname not in ALLOWED_HOSTS


def emulate_network(page, *, latency_ms: float, down_bytes_per_s: float, up_bytes_per_s: float) -> None:
    """Chromium's network emulation for this page (and its workers): round trip and throughput."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                                                   "downloadThroughput": down_bytes_per_s,
                                                   "uploadThroughput": up_bytes_per_s})
