"""CPU per page of the single-host ingest, by process, for one or more code trees.

On a shared machine the wall-clock rate of `bench.ingest` moves with other people's
load; the CPU each process spends per page does not (much). This runs `jarida crawl
--once` over the same nginx-served web as `bench.ingest` (and the Scrapy peer),
alternating the code trees given, and reports milliseconds of CPU per stored page for
the crawl process and for its children (the extraction workers), with the throughput
that CPU allows on this machine's cores:

    jarida bound = min(1 / crawl process, cores / whole tree)   (the crawl process is
                   one thread of Python; the workers use every core)
    scrapy bound = 1 / scrapy process                            (one process)

The ratio of the two bounds is a projection, not a measurement: it assumes the
machine to itself and leaves out nginx's share. Usage:

    python -m bench.ingest_cpu [--pages 2000] [--rounds 2] [--tree PATH ...] [--no-scrapy]

Each `--tree` is a checkout of Jarida put first on PYTHONPATH (default: this one).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from bench.common import RESULTS, ROOT, machine, replace_section, today
from bench.ingest import ingest_env
from bench.static_site import static_scale_web


class TreeCpu:
    """Samples the CPU seconds of a process and of each of its descendants every 50 ms;
    a process that exits keeps its last sample (up to 50 ms of it is lost)."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for proc in procs:
            try:
                t = proc.cpu_times()
            except psutil.Error:
                continue
            self.seen[proc.pid] = t.user + t.system

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(0.05)

    def __enter__(self) -> TreeCpu:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def main(self) -> float:
        return self.seen.get(self.root.pid, 0.0)

    @property
    def children(self) -> float:
        return sum(v for pid, v in self.seen.items() if pid != self.root.pid)


def _run(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[str, TreeCpu]:
    proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd)
    with TreeCpu(proc.pid) as cpu:
        # the last sample just before the process exits: poll until it is gone
        out, err = proc.communicate()
        cpu._sample()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {err.strip()[-2000:]}")
    return out, cpu


def run_jarida(tree: Path, base: str, workdir: Path) -> dict[str, float]:
    env = {**ingest_env(workdir), "PYTHONPATH": str(tree)}
    for args in (["-m", "jarida", "init"],
                 ["-m", "jarida", "sources", "add", f"{base}/scale/sitemap-index.xml",
                  "--kind", "sitemap", "--name", "Scale", "--lang", "fr"]):
        subprocess.run([sys.executable, *args], env=env, check=True, cwd=tree,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    spy = os.environ.get("INGEST_PY_SPY")  # a folder: profile the crawl process there
    args = ["-m", "jarida", "crawl", "--once", "--json"]
    # run from the tree: `python -m` puts the working folder first on sys.path
    out, cpu = _run(args, env, tree) if not spy else _profiled(args, env, Path(spy), tree)
    report = json.loads(out)
    stored = sum(s["new"] for s in report["sources"].values())
    return {"stored": stored, "seconds": report["seconds"],
            "main_ms": 1000 * cpu.main / stored, "children_ms": 1000 * cpu.children / stored}


def _profiled(args: list[str], env: dict[str, str], folder: Path, cwd: Path
              ) -> tuple[str, TreeCpu]:
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd)
    spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record",
                            "--pid", str(proc.pid),
                            "--rate", "200", "--format", "raw", "--nonblocking",
                            *os.environ.get("INGEST_PY_SPY_ARGS", "").split(),
                            "-o", str(folder / f"crawl-{proc.pid}.txt")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with TreeCpu(proc.pid) as cpu:
        out, err = proc.communicate()
        cpu._sample()
    spy.wait(30)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {err.strip()[-2000:]}")
    return out, cpu


def run_scrapy(base: str, workdir: Path) -> dict[str, float]:
    out, cpu = _run([str(ROOT / "bench" / "scrapy_peer.py"), f"{base}/scale/sitemap-index.xml",
                     str(workdir / "scrapy.db")], dict(os.environ))
    stats = json.loads(out.strip().splitlines()[-1])
    stored = stats["stored"]
    return {"stored": stored, "seconds": stats["seconds"],
            "main_ms": 1000 * cpu.main / stored, "children_ms": 1000 * cpu.children / stored}


def bound(ms: dict[str, float], cores: int) -> float:
    """Pages per second the CPU per page allows (see the module's docstring)."""
    total = ms["main_ms"] + ms["children_ms"]
    return min(1000 / ms["main_ms"], 1000 * cores / total)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tree", action="append", type=Path,
                        help="a Jarida checkout to measure (repeatable; default: this one)")
    parser.add_argument("--no-scrapy", action="store_true")
    parser.add_argument("--doc", nargs="+", metavar="LABEL",
                        help="write docs/benchmarks.md's ingest-cpu section, naming the "
                             "trees in order (e.g. --doc 'before' 'after')")
    args = parser.parse_args()
    trees: list[Path] = args.tree or [ROOT]
    cores = os.cpu_count() or 1
    runs: dict[str, list[dict[str, float]]] = {str(t): [] for t in trees}
    runs["scrapy"] = []
    with static_scale_web(args.pages) as base:
        for _ in range(args.rounds):
            for tree in trees:
                with tempfile.TemporaryDirectory() as tmp:
                    r = run_jarida(tree, base, Path(tmp))
                r["load"] = os.getloadavg()[0]
                runs[str(tree)].append(r)
                print(tree, json.dumps(r), file=sys.stderr, flush=True)
            if not args.no_scrapy:
                with tempfile.TemporaryDirectory() as tmp:
                    r = run_scrapy(base, Path(tmp))
                r["load"] = os.getloadavg()[0]
                runs["scrapy"].append(r)
                print("scrapy", json.dumps(r), file=sys.stderr, flush=True)
    summary: dict[str, Any] = {"machine": machine(), "pages": args.pages, "cores": cores,
                               "runs": runs, "median_ms": {}}
    for name, rs in runs.items():
        if rs:
            med = {k: statistics.median(r[k] for r in rs) for k in ("main_ms", "children_ms")}
            summary["median_ms"][name] = {**med, "bound_pages_s": bound(
                med, cores) if name != "scrapy" else 1000 / (med["main_ms"] + med["children_ms"])}
    if runs["scrapy"]:
        for name in map(str, trees):
            summary["median_ms"][name]["projected_ratio_vs_scrapy"] = (
                summary["median_ms"][name]["bound_pages_s"]
                / summary["median_ms"]["scrapy"]["bound_pages_s"])
    summary["date"] = today()
    summary["utc"] = time.strftime("%H:%M", time.gmtime())
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest_cpu.json").write_text(json.dumps(summary, indent=2))
    if args.doc:
        replace_section("ingest-cpu", _markdown(summary, args.doc))
    print(json.dumps(summary, indent=2))


def _markdown(r: dict[str, Any], names: list[str]) -> str:
    """The section of docs/benchmarks.md; `names` label the trees in order."""
    labels = dict(zip(list(r["runs"])[:-1], names, strict=False))
    labels["scrapy"] = "Scrapy + trafilatura (fast), one process"
    rows = []
    for key, runs in r["runs"].items():
        for i, x in enumerate(runs, 1):
            rows.append(f"| {labels.get(key, key)} | {i} | {x['seconds']:.1f} | {x['load']:.1f} "
                        f"| {x['main_ms']:.1f} | {x['children_ms']:.1f} "
                        f"| {x['main_ms'] + x['children_ms']:.1f} |")
    medians = []
    for key, m in r["median_ms"].items():
        ratio = m.get("projected_ratio_vs_scrapy")
        medians.append(f"| {labels.get(key, key)} | {m['main_ms']:.1f} | {m['children_ms']:.1f} "
                       f"| {m['bound_pages_s']:.0f} | "
                       + (f"{ratio:.2f}×" if ratio is not None else "") + " |")
    table = "\n".join(rows)
    median_table = "\n".join(medians)
    return f"""## Single-host ingest, CPU per page ({r['date']}, {r['utc']} UTC, loaded machine)

Machine: {r['machine']}. `python -m bench.ingest_cpu --pages {r['pages']}`: the same
nginx-served web as `bench.ingest` (pacing off, 8 requests in flight, SQLite), each
pipeline run alternately; CPU seconds of the crawl process and of its children (the
extraction workers) sampled with psutil, divided by the pages stored. The machine was
shared with other sessions (load average in the table), which inflates every CPU figure
somewhat; compare rows of this run only.

| pipeline | round | wall s | load | crawl process ms/page | workers ms/page | total ms/page |
|---|---|---|---|---|---|---|
{table}

Medians, and the pages per second that CPU allows on {r['cores']} cores
(Jarida: min(1000 / crawl process, {r['cores']} × 1000 / total), its crawl process being one
Python thread; Scrapy: 1000 / total). The ratio is a **projection** from CPU, not a
measured rate (it leaves out nginx and assumes the machine to itself):

| pipeline | crawl process ms/page | workers ms/page | pages/s allowed | projected vs Scrapy |
|---|---|---|---|---|
{median_table}
"""


if __name__ == "__main__":
    main()
