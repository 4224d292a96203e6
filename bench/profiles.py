"""Network and CPU profiles, applied through Chromium's DevTools protocol (CDP).

Network.emulateNetworkConditions shapes the page's requests and its workers'; Chromium's
Emulation.setCPUThrottlingRate slows the page's main thread only (a worker target refuses it:
"Operation is only supported for pages, not workers"), which is why the matrix also has a floor
running in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    key: str
    label: str
    cpu: float = 1
    down_mbps: float | None = None  # None: the network is not throttled
    up_mbps: float | None = None
    rtt_ms: float = 0

    def apply(self, cdp) -> None:
        """Set this profile on a page's CDP session, before the navigation."""
        if self.down_mbps is not None:
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": self.rtt_ms,
                    "downloadThroughput": self.down_mbps * 1e6 / 8,
                    "uploadThroughput": (self.up_mbps or self.down_mbps) * 1e6 / 8,
                },
            )
        if self.cpu != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu})


# The matrix of issue 11: a phone on slow 4G (Lighthouse's mobile preset), on a good connection,
# and the CPU alone.
MATRIX = (
    Profile("slow4g", "slow 4G: 1.6 Mbit/s, 150 ms RTT, CPU 4x slower", cpu=4, down_mbps=1.6, up_mbps=0.75, rtt_ms=150),
    Profile("10mbit", "10 Mbit/s, 40 ms RTT, CPU 4x", cpu=4, down_mbps=10, up_mbps=5, rtt_ms=40),
    Profile("cpu4", "CPU 4x, network unthrottled", cpu=4),
    Profile("cpu1", "CPU 1x, network unthrottled"),
)
BY_KEY = {p.key: p for p in MATRIX}
DESKTOP = BY_KEY["cpu1"]
