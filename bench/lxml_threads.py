"""Threads extracting pages at once: how often lxml crashes the process, with and without
the process's lxml turn (jarida/lxml_turn.py).

Each run is a fresh interpreter in which `--threads` threads extract the shared
corpora's pages (Jarida's `extract_article`, the whole stack: lxml, trafilatura,
Readability, htmldate) for `--seconds`, while one more thread runs the cyclic garbage
collector over and over, yielding between collections. That thread is not needed for
the crash (a worker process died the same way without it, 2026-12-03,
docs/benchmarks.md); it switches threads more often, which makes the crash come sooner.
Modes alternate run by run:

- `free`: the threads extract as they please (Jarida before the turn);
- `turn`: each extraction holds `lxml_turn()`, as `run_job` and the poll now do.

A run that ends by a signal (SIGSEGV, SIGABRT from glibc's "double free or corruption")
is a crash; its first lines are kept. Prints one JSON line per run, then the summary.
Not a test: a crash is random, and a run takes a while.

    python -m bench.lxml_threads --threads 24 --seconds 40 --runs 6
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from typing import Any

from bench.common import ROOT, machine, today

CHILD = r"""
import faulthandler, gc, random, sys, threading, time
faulthandler.enable()
from bench.hostweb import real_pages
import jarida.pipeline.warmup  # noqa: F401
from jarida.extract.article import extract_article
from jarida.lxml_turn import lxml_turn
import contextlib
threads, seconds, mode = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
pages = real_pages()
turn = lxml_turn if mode == "turn" else contextlib.nullcontext
stop = time.monotonic() + seconds
count = [0]

def work(i):
    rng = random.Random(i)
    while time.monotonic() < stop:
        page = pages[rng.randrange(len(pages))]
        try:
            with turn():
                extract_article(page, f"http://127.0.0.{i + 2}/a.html")
        except Exception:
            pass
        count[0] += 1

def collect():
    rng = random.Random(0)
    while time.monotonic() < stop:
        gc.collect(0 if rng.random() < 0.9 else 2)
        time.sleep(0)  # let the other threads run between collections

workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
workers.append(threading.Thread(target=collect))
for t in workers:
    t.start()
for t in workers:
    t.join()
print(count[0])
"""


def one_run(mode: str, threads: int, seconds: float) -> dict[str, Any]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(threads), str(seconds), mode],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=seconds + 120)
    crashed = proc.returncode < 0
    out: dict[str, Any] = {"mode": mode, "returncode": proc.returncode, "crashed": crashed,
                           "seconds": round(time.monotonic() - started, 1)}
    if crashed:
        out["first_lines"] = proc.stderr.strip().splitlines()[:6]
    elif proc.returncode == 0:
        out["pages"] = int(proc.stdout.strip().splitlines()[-1])
    else:
        out["error"] = proc.stderr.strip().splitlines()[-1:]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--runs", type=int, default=6, help="runs of each mode")
    args = parser.parse_args()
    runs: list[dict[str, Any]] = []
    for i in range(args.runs * 2):
        mode = ("free", "turn")[i % 2]
        result = one_run(mode, args.threads, args.seconds)
        runs.append(result)
        print(json.dumps(result), flush=True)
    summary: dict[str, dict[str, Any]] = defaultdict(dict)
    for mode in ("free", "turn"):
        mine = [r for r in runs if r["mode"] == mode]
        done = [r for r in mine if "pages" in r]
        summary[mode] = {"runs": len(mine), "crashed": sum(r["crashed"] for r in mine),
                         "pages_per_s_of_whole_runs": round(
                             sum(r["pages"] for r in done) / (len(done) * args.seconds), 1)
                         if done else None}
    print(json.dumps({"date": today(), "machine": machine(), "threads": args.threads,
                      "seconds": args.seconds, "summary": summary}, indent=2))


if __name__ == "__main__":
    main()
