"""Hostile search load: do the heaviest queries one can send slow down everyone else?

One run, one machine, loopback only. The demo web's 140 articles are loaded into a
SQLite database (bench/search_quality.load_demo) and `jarida serve` is started over it
(one process, as an operator starts it). Then, with wrk:

1. ordinary page requests alone (home, lists, article pages and an ordinary search,
   each with a throwaway parameter so that every request is rendered, not cached);
2. the same ordinary requests while a second wrk sends the heaviest queries we could
   build (32 distinct words that most articles hold, in each language, by relevance
   and by date; 3,000 repeats of one word; 256-character phrases; also uncached);
3. the heavy queries' own latencies and status codes.

The same runs are made against the code of `main` (a `git archive` of it, run from a
temporary folder over a copy of the same database, upgraded by its own migrations) as
the before-the-fix peer.

    python -m bench.search_load [--duration 10] [--baseline-ref main]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from bench.common import ROOT, machine, replace_section, today
from bench.search_quality import load_demo
from bench.web import Server, start_jarida, wrk
from jarida.storage import Database
from jarida.storage.searchtext import TOKEN, fold

ORDINARY_CONNECTIONS = 4
HEAVY_CONNECTIONS = 8
THREADS = 2


def common_words(db: Database, language: str, count: int = 32) -> list[str]:
    """The words held by the most articles of a language (stop words first)."""
    with db.read() as conn:
        texts = conn.exec_driver_sql(
            "SELECT title || ' ' || text FROM articles WHERE language = ?", (language,)
        ).scalars().all()
    df: collections.Counter[str] = collections.Counter()
    for t in texts:
        df.update(set(TOKEN.findall(fold(t))))
    return [w for w, _ in df.most_common(count)]


def heavy_paths(db: Database) -> list[str]:
    paths = []
    for lang in ("fr", "ar", "es"):
        words = common_words(db, lang)
        while len(" ".join(words)) > 256:
            words.pop()
        q = " ".join(words)
        for sort in ("relevance", "date"):
            paths.append("/search?" + urllib.parse.urlencode({"q": q, "sort": sort}))
            paths.append("/api/search?" + urllib.parse.urlencode({"q": q, "sort": sort}))
        phrase = '"' + " ".join(words[:20])[:250] + '"'
        paths.append("/api/search?" + urllib.parse.urlencode({"q": phrase}))
    paths.append("/search?" + urllib.parse.urlencode({"q": " ".join(["a"] * 3000)}))
    paths.append("/api/search?" + urllib.parse.urlencode({"q": " ".join(["la"] * 600)}))
    return paths


def ordinary_paths(db: Database) -> list[str]:
    with db.read() as conn:
        ids = conn.exec_driver_sql("SELECT id FROM articles ORDER BY id LIMIT 40").scalars().all()
    return (["/", "/articles", "/sources/rif-express", "/sections/Politique",
             "/search?q=tramway", "/api/articles?limit=20"]
            + [f"/articles/{i}" for i in ids])


def _write(lines: list[str], folder: Path, name: str) -> str:
    path = folder / name
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def measure(server: Server, ordinary: str, heavy: str, duration: int) -> dict[str, Any]:
    alone = wrk(server.base, duration=duration, connections=ORDINARY_CONNECTIONS,
                threads=THREADS, script="wrk_paths.lua", script_args=[ordinary, str(THREADS)])
    result: dict[str, Any] = {}

    def hammer() -> None:
        result["heavy"] = wrk(server.base, duration=duration + 4,
                              connections=HEAVY_CONNECTIONS, threads=THREADS,
                              script="wrk_paths.lua", script_args=[heavy, str(THREADS)])

    thread = threading.Thread(target=hammer)
    thread.start()
    time.sleep(2)
    loaded = wrk(server.base, duration=duration, connections=ORDINARY_CONNECTIONS,
                 threads=THREADS, script="wrk_paths.lua", script_args=[ordinary, str(THREADS)])
    thread.join()
    ratio = loaded["p99_ms"] / alone["p99_ms"] if loaded["requests"] else float("inf")
    return {"alone": alone, "loaded": loaded, "heavy": result["heavy"], "ratio": ratio}


def _export(ref: str, folder: Path) -> Path:
    target = folder / "baseline"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def markdown(runs: dict[str, dict[str, Any]], duration: int, ref: str) -> str:
    lines = [
        f"## Search under hostile load ({today()})",
        "",
        f"Measured {today()} on {machine()} (`python -m bench.search_load --duration "
        f"{duration}`): the demo web's 140 articles in SQLite, `jarida serve` (one process); "
        f"ordinary pages (home, lists, 40 article pages, an ordinary search; each request "
        f"uncached by a throwaway parameter) by wrk at {ORDINARY_CONNECTIONS} connections, "
        f"alone and then while a second wrk at {HEAVY_CONNECTIONS} connections sends the "
        "heaviest searches we could build (the 32 words most articles hold in fr, ar and es, "
        "by relevance and by date, HTML and API; 250-character phrases; 3,000 repeats of one "
        f"word). Peer: the same runs against `{ref}` before this change, same database.",
        "",
        "| code | ordinary p99 alone (ms) | ordinary p99 under heavy searches (ms) | ratio "
        "(target ≤ 2) | ordinary req/s alone / loaded | heavy searches: req/s, p99 (ms), "
        "non-2xx, timeouts |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in runs.items():
        a, lo, h = r["alone"], r["loaded"], r["heavy"]
        if lo["requests"] == 0:
            loaded, ratio = f"none answered in {duration} s", "∞"
        else:
            loaded, ratio = f"{lo['p99_ms']:.1f}", f"{r['ratio']:.2f}"
        lines.append(
            f"| {name} | {a['p99_ms']:.1f} | {loaded} | {ratio} | "
            f"{a['rps']:.0f} / {lo['rps']:.0f} | {h['rps']:.1f}, {h['p99_ms']:.0f}, "
            f"{h['status_errors']}, {h['timeouts']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--baseline-ref", default="main",
                        help="git ref run as the peer ('' to skip)")
    parser.add_argument("--write-docs", action="store_true",
                        help="replace the section in docs/benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "load.db"
        db = Database.open(f"sqlite:///{path}")
        db.upgrade()
        load_demo(db)
        ordinary = _write(ordinary_paths(db), tmp, "ordinary.txt")
        heavy = _write(heavy_paths(db), tmp, "heavy.txt")
        db.close()
        roots = {"this branch": ROOT}
        if args.baseline_ref:
            roots[args.baseline_ref] = _export(args.baseline_ref, tmp)
        runs = {}
        for name, root in roots.items():
            served = path
            if root != ROOT:  # the peer's own schema, on a copy of the same articles
                served = tmp / "baseline.db"
                shutil.copyfile(path, served)
                subprocess.run([sys.executable, "-m", "jarida", "db", "upgrade"], cwd=root,
                               env={**os.environ, "JARIDA_DATABASE_URL": f"sqlite:///{served}"},
                               check=True, capture_output=True)
            server = start_jarida(served, {}, [], root=root)
            try:
                runs[name] = measure(server, ordinary, heavy, args.duration)
            finally:
                server.stop()
            r = runs[name]
            print(f"{name}: ordinary p99 {r['alone']['p99_ms']:.1f} ms alone, "
                  f"{r['loaded']['p99_ms']:.1f} ms loaded (x{r['ratio']:.2f}); heavy "
                  f"{r['heavy']['rps']:.1f} req/s p99 {r['heavy']['p99_ms']:.0f} ms, "
                  f"{r['heavy']['status_errors']} non-2xx, {r['heavy']['timeouts']} timeouts")
    text = markdown(runs, args.duration, args.baseline_ref)
    print(text)
    if args.write_docs:
        replace_section("Search under hostile load", text)


if __name__ == "__main__":
    main()
