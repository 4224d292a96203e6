"""The machine a bench run came from: CPU model, cores, memory, load, OS, browser.

`python -m bench.machine` prints the line for the README's performance section, e.g.
"Machine: AMD EPYC 7B13, 2 cores, 24105 MB, load average 0.31 0.40 0.52; Linux 6.18; Chromium 156 …".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import subprocess
from pathlib import Path


def _proc_field(path: str, name: str) -> str | None:
    with contextlib.suppress(OSError):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(name):
                return line.split(":", 1)[1].strip()
    return None


def load_average() -> str:
    with contextlib.suppress(OSError):
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "?"


def chromium_version(chrome: str | None) -> str | None:
    if chrome:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            return subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30).stdout.strip() or None
    return None


def info(browser_version: str | None = None) -> dict:
    memory = _proc_field("/proc/meminfo", "MemTotal")
    return {
        "cpu": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory": f"{int(memory.split()[0]) // 1024} MB" if memory else "?",
        "os": f"{platform.system()} {platform.release()}",
        "browser": browser_version,
        "python": platform.python_version(),
        "load": load_average(),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def line(machine: dict, load_after: str | None = None) -> str:
    load = f"load average {machine['load']}" + (f" before, {load_after} after" if load_after else "")
    browser = f"; {machine['browser']}" if machine.get("browser") else ""
    return f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, {load}; {machine['os']}{browser}; {machine['date']}."


if __name__ == "__main__":
    from bench.shared import system_chromium

    print(line(info(chromium_version(system_chromium()))))
