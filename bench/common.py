"""Shared bench plumbing: machine description, peak memory of a process tree, doc updates."""

from __future__ import annotations

import platform
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
RESULTS = ROOT / "bench" / "results"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{cpu}, {psutil.cpu_count()} cores, {mem:.0f} GiB, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


class PeakMemory:
    """Samples the resident memory of a process and its children every 50 ms.

    `peak_tree` sums resident sizes, so pages that forked processes share are counted
    once per process; `peak_tree_pss` (sampled every 250 ms: reading it costs more) gives
    each process its proportional share of them, and is what the tree really occupies.
    """

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.peak_main = 0
        self.peak_tree = 0
        self.peak_tree_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        tick = 0
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                main = self.proc.memory_info().rss
                tree = main + sum(c.memory_info().rss for c in procs[1:])
                if tick % 5 == 0:
                    pss = sum(p.memory_full_info().pss for p in procs)
                    self.peak_tree_pss = max(self.peak_tree_pss, pss)
            except psutil.Error:
                break
            self.peak_main = max(self.peak_main, main)
            self.peak_tree = max(self.peak_tree, tree)
            tick += 1
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_python(args: list[str], env: dict[str, str] | None = None,
               timeout: float = 3600) -> tuple[subprocess.CompletedProcess[str], PeakMemory]:
    proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate(timeout=timeout)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {err.strip()[-2000:]}")
    return done, mem


def replace_section(name: str, markdown: str) -> None:
    """Write `markdown` between <!-- name:start --> and <!-- name:end --> in benchmarks.md."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{markdown.rstrip()}\n{end}"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text,
                      flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")
