"""Website benchmark: `jarida serve` under wrk, side by side with nginx serving the same bytes.

One run, one machine, loopback only:

1. databases of N generated articles (bench/webdata.py, reused when already built);
2. `jarida serve` started the way an operator starts it, over the N-article database;
3. one article page fetched from it and written to a file that nginx (started here
   with its own config in a temporary folder) serves at the same path;
4. wrk, same connections, threads and duration for every run: nginx static file, Jarida
   cached article page (that same URL), Jarida uncached article pages (a different id on
   every request, so the page cache misses), then search over the large database
   (distinct fr/ar/es queries, HTML page and JSON API) at 50 connections and at 1;
5. peak resident memory (VmHWM) of the server processes after the runs.

    python -m bench.web [--articles 100000] [--search-articles 1000000] [--duration 10]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import RESULTS, ROOT, free_port, machine, replace_section, today, wait_http
from bench.static_site import serve_with_nginx
from bench.webdata import build

BENCH = Path(__file__).resolve().parent
TARGET_CACHED_RATIO = 0.5
TARGET_CACHED_P99_MS = 20.0
TARGET_UNCACHED_RPS = 1500.0
TARGET_SEARCH_P95_MS = 50.0
TARGET_RSS_MB = 200.0

@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    base: str
    command: list[str]

    def stop(self) -> None:
        """SIGTERM to the server's process group (its workers too), SIGKILL after 15 s."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(5)


def _env(db: Path, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"JARIDA_DATABASE_URL": f"sqlite:///{db}", "JARIDA_LOG_LEVEL": "WARNING"})
    env.update(extra)
    return env


def start_jarida(db: Path, extra_env: dict[str, str], serve_args: list[str],
                 root: Path = ROOT) -> Server:
    """`jarida serve` in its own process; `root` may be another checkout (a baseline)."""
    port = free_port()
    command = [sys.executable, "-m", "jarida", "serve", "--host", "127.0.0.1",
               "--port", str(port), *serve_args]
    proc = subprocess.Popen(command, env=_env(db, extra_env), cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/robots.txt", timeout=600)
    except RuntimeError:
        Server(proc, base, command).stop()
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"jarida serve did not start: {err[-2000:]}") from None
    return Server(proc, base, ["jarida", "serve", *command[4:]])


def fetch(url: str, accept_encoding: str | None = None) -> bytes:
    """The body as sent (still compressed when `accept_encoding` asked for a coding)."""
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
        return bytes(r.read())


def wrk(url: str, *, duration: int, connections: int, threads: int, script: str | None = None,
        script_args: list[str] | None = None, accept_encoding: str | None = None,
        ) -> dict[str, Any]:
    """One wrk run; the report script's done() prints exact percentiles as JSON."""
    report = (BENCH / "wrk_report.lua").read_text()
    body = ((BENCH / script).read_text() + "\n" if script else "") + report
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(body)
        lua = f.name
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
           "--timeout", "10s", "-s", lua, url]
    if accept_encoding:
        cmd[1:1] = ["-H", f"Accept-Encoding: {accept_encoding}"]
    if script_args:
        cmd += ["--", *script_args]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True,
                             timeout=duration + 60).stdout
    finally:
        os.unlink(lua)
    line = next(ln for ln in out.splitlines() if ln.startswith("WRKJSON "))
    data: dict[str, Any] = json.loads(line[len("WRKJSON "):])
    seconds = data["duration_us"] / 1e6
    data["rps"] = data["requests"] / seconds
    for p in ("p50", "p90", "p95", "p99", "max", "mean"):
        data[f"{p}_ms"] = data[f"{p}_us"] / 1000
    data["command"] = " ".join(["wrk", *cmd[1:cmd.index("--latency")], "--latency", "-s",
                                script or "wrk_report.lua", url, *(["--", *script_args]
                                                                   if script_args else [])])
    return data


def tree_memory_mb(pid: int) -> dict[str, Any]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a process and its children."""
    import psutil

    procs = [psutil.Process(pid)]
    procs += procs[0].children(recursive=True)
    hwm = rss = pss = 0
    per: list[float] = []
    for p in procs:
        status = Path(f"/proc/{p.pid}/status").read_text()
        h = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]
        r = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]
        rollup = Path(f"/proc/{p.pid}/smaps_rollup").read_text()
        pss += int(re.search(r"Pss:\s+(\d+) kB", rollup).group(1))  # type: ignore[union-attr]
        hwm, rss = hwm + h, rss + r
        per.append(round(h / 1024, 1))
    # Summed VmHWM counts the pages forked processes share once per process; PSS (current,
    # shared pages split between their users) is what the server takes from the machine.
    return {"peak_mb": hwm / 1024, "current_mb": rss / 1024, "pss_mb": pss / 1024,
            "processes": len(procs), "peak_per_process_mb": per}


def search_queries(count: int, seed: int = 1) -> list[str]:
    """Realistic reader queries in French, Arabic and Spanish, all distinct.

    Built from the generator's own vocabulary (what the articles talk about) and places:
    one or two content words, alone or with a city, as a reader would type them.
    """
    from jarida.demo.scale_text import AR_PLACES, PLACES, WORDS

    rng = random.Random(seed)
    found: set[str] = set()
    for lang, words in WORDS.items():
        vocab = sorted({w for phrase in words["obj"] + words["subj"]
                        for w in re.findall(r"\w+", phrase) if len(w) >= 5})
        places = AR_PLACES if lang == "ar" else PLACES
        for w in vocab:
            found.add(w)
            for place in places:
                found.add(f"{w} {place}")
            for other in vocab:
                if other != w:
                    found.add(f"{w} {other}")
    queries = sorted(found)
    rng.shuffle(queries)
    return queries[:count]


def _write_queries(path: Path, queries: list[str]) -> Path:
    path.write_text("\n".join(urllib.parse.quote(q) for q in queries) + "\n")
    return path


def _run_search(server: Server, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Three runs, each over its own slice of the distinct queries.

    A slice is far longer than the page cache (512 pages per process), so even a run that
    wrapped around its slice would ask for pages the cache has already dropped.
    """
    queries = search_queries(args.search_queries)
    out: dict[str, Any] = {"distinct_queries": len(queries), "sample_queries": queries[:6]}
    # One connection first: the time one search takes. Then 50 connections, last, since
    # searches still queued when that run ends would slow whatever came next.
    runs = (("search_page_c1", "/search?q=", 1),
            ("search_api_c1", "/api/search?q=", 1),
            ("search_page_c50", "/search?q=", args.connections))
    size = len(queries) // len(runs)
    for q in queries[-3:]:  # load the code paths and the index's first pages
        fetch(f"{server.base}/search?q={urllib.parse.quote(q)}")
    for i, (name, prefix, conns) in enumerate(runs):
        threads = min(args.threads, conns)
        measured = _write_queries(tmp / "queries.txt", queries[size * i:size * (i + 1)])
        out[name] = wrk(server.base, duration=args.search_duration, connections=conns,
                        threads=threads, script="wrk_search.lua",
                        script_args=[str(measured), prefix, str(threads)])
        out[name]["queries_in_slice"] = size
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--search-articles", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk before each run")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--nginx-workers", type=int, default=2)
    parser.add_argument("--search-queries", type=int, default=20_000)
    parser.add_argument("--search-duration", type=int, default=30)
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--env", action="append", default=[],
                        help="extra JARIDA_X=Y for the server (e.g. JARIDA_WEB_WORKERS=2)")
    parser.add_argument("--serve-arg", action="append", default=[])
    parser.add_argument("--label", default="")
    parser.add_argument("--accept-encoding", choices=["gzip"], default=None,
                        help="ask both servers for compressed pages (nginx: gzip_static)")
    parser.add_argument("--jarida-root", type=Path, default=ROOT,
                        help="run the server from this checkout (to measure a baseline)")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/benchmarks.md")
    parser.add_argument("--compare", type=Path, action="append", default=[],
                        help="results JSON of an earlier run (e.g. a baseline) to show beside")
    parser.add_argument("--render", type=Path,
                        help="only rewrite the docs section from this results JSON")
    args = parser.parse_args()
    if args.render:
        replace_section("web", markdown(json.loads(args.render.read_text())))
        return
    extra_env = dict(e.split("=", 1) for e in args.env)

    data = build(args.articles)
    result: dict[str, Any] = {
        "date": today(), "time": time.strftime("%H:%M UTC", time.gmtime()), "machine": machine(),
        "articles": args.articles, "duration_s": args.duration,
        "connections": args.connections, "threads": args.threads, "label": args.label,
        "search_duration_s": args.search_duration,
        "command": " ".join([".venv/bin/python -m bench.web", *sys.argv[1:]]),
        "server_env": extra_env, "serve_args": args.serve_arg,
        "jarida_root": str(args.jarida_root),
        "databases": {"article": data},
    }
    with tempfile.TemporaryDirectory(prefix="jarida-web-bench-") as tmpdir:
        tmp = Path(tmpdir)
        server = start_jarida(Path(str(data["path"])), extra_env, args.serve_arg,
                              args.jarida_root)
        try:
            result["server_command"] = " ".join(server.command)
            article_id = args.articles // 2
            path = f"/articles/{article_id}"
            coding = args.accept_encoding
            body = fetch(server.base + path, coding)
            (tmp / "www" / "articles").mkdir(parents=True)
            (tmp / "www" / "articles" / str(article_id)).write_bytes(fetch(server.base + path))
            if coding:  # the compressed bytes Jarida sends, beside the plain page, for nginx
                (tmp / "www" / "articles" / f"{article_id}.gz").write_bytes(body)
            result["page_bytes"] = len(body)
            result["accept_encoding"] = coding
            tmp.chmod(0o755)  # nginx's workers must reach www/ (see serve_with_nginx)
            with serve_with_nginx(tmp / "www", workers=args.nginx_workers,
                                  probe=path) as nginx:
                if fetch(nginx + path, coding) != body:
                    raise RuntimeError("nginx does not serve the same bytes")
                result["nginx_command"] = f"nginx ({args.nginx_workers} worker processes, "\
                                          "access_log off, sendfile on)"
                common = {"duration": args.duration, "connections": args.connections,
                          "threads": args.threads, "accept_encoding": coding}
                # Every run follows a short warm-up with the same settings (each serving
                # process renders the page once, connections and caches settle); the
                # uncached warm-up asks for ids from the other half of the range.
                warm = {**common, "duration": args.warmup}
                wrk(nginx + path, **warm)
                result["nginx_static"] = wrk(nginx + path, **common)
            wrk(server.base + path, **warm)
            result["jarida_cached"] = wrk(server.base + path, **common)
            start = random.Random(3).randrange(args.articles)
            other = (start + args.articles // 2) % args.articles
            wrk(server.base, script="wrk_articles.lua",
                script_args=[str(args.articles), str(other), str(args.threads)], **warm)
            result["jarida_uncached"] = wrk(
                server.base, script="wrk_articles.lua",
                script_args=[str(args.articles), str(start), str(args.threads)], **common)
            result["uncached_requests_vs_articles"] = (
                result["jarida_uncached"]["requests"] / args.articles)
            result["memory_article_server"] = tree_memory_mb(server.proc.pid)
        finally:
            server.stop()
        if not args.skip_search:
            sdata = data if args.search_articles == args.articles else \
                build(args.search_articles, html_copy=False)
            result["databases"]["search"] = sdata
            server = start_jarida(Path(str(sdata["path"])), extra_env, args.serve_arg,
                                  args.jarida_root)
            try:
                result["search"] = _run_search(server, tmp, args)
                result["memory_search_server"] = tree_memory_mb(server.proc.pid)
            finally:
                server.stop()
    result["targets"] = targets(result)
    result["compared"] = [json.loads(p.read_text()) for p in args.compare]
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"web{'-' + args.label if args.label else ''}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.no_doc:
        replace_section("web", markdown(result))
    print(json.dumps({k: v for k, v in result.items() if k != "databases"}, indent=2,
                     ensure_ascii=False))


def targets(r: dict[str, Any]) -> dict[str, Any]:
    nginx, cached, uncached = r["nginx_static"], r["jarida_cached"], r["jarida_uncached"]
    peak = max(r["memory_article_server"]["peak_mb"],
               r.get("memory_search_server", {}).get("peak_mb", 0.0))
    out: dict[str, Any] = {
        "cached_ratio": cached["rps"] / nginx["rps"],
        "cached_ratio_met": cached["rps"] / nginx["rps"] >= TARGET_CACHED_RATIO,
        "cached_p99_met": cached["p99_ms"] <= TARGET_CACHED_P99_MS,
        "uncached_rps_met": uncached["rps"] >= TARGET_UNCACHED_RPS,
        "peak_rss_mb": peak,
        "rss_met": peak <= TARGET_RSS_MB,
    }
    if "search" in r:
        s = r["search"]
        out["search_p95_c1_ms"] = s["search_page_c1"]["p95_ms"]
        out["search_p95_met_c1"] = s["search_page_c1"]["p95_ms"] <= TARGET_SEARCH_P95_MS
        out["search_p95_met_c50"] = s["search_page_c50"]["p95_ms"] <= TARGET_SEARCH_P95_MS
    return out


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _row(name: str, w: dict[str, Any], nginx_rps: float, target: str) -> str:
    errors = w["status_errors"] + w["read_errors"] + w["timeouts"] + w["connect_errors"]
    return (f"| {name} | {w['rps']:,.0f} | {w['rps'] / nginx_rps:.2f}× | {w['p50_ms']:.1f} | "
            f"{w['p95_ms']:.1f} | {w['p99_ms']:.1f} | {errors} | {target} |")


def markdown(r: dict[str, Any]) -> str:
    t, nginx = r["targets"], r["nginx_static"]
    n = nginx["rps"]
    db = r["databases"]["article"]
    lines = [
        f"## Website ({r['date']})",
        "",
        f"Measured {r['date']} {r['time']} on {r['machine']}. wrk {r['threads']} threads, "
        f"{r['connections']} connections, {r['duration_s']} s per run, on loopback; wrk, "
        f"the server and nginx share the same cores. Command: `{r['command']}`.",
        "",
        f"- Jarida: `{r['server_command']}` over SQLite, {r['articles']:,} articles "
        f"({db['size_mb']:,} MB database){_env_note(r)}.",
        f"- nginx: {r['nginx_command']}, serving the {r['page_bytes']:,} bytes of "
        "`/articles/ID` that Jarida returned, as a static file at the same path.",
        "- Cached: that one URL again and again (Jarida's page cache holds it). Uncached: a "
        "different article id on every request, no id asked twice in the run "
        f"({r['uncached_requests_vs_articles']:.2f} × the {r['articles']:,} ids), so every "
        "page is read from SQLite and rendered.",
        "",
        "| run | requests/s | vs nginx | p50 ms | p95 ms | p99 ms | errors | target |",
        "|---|---|---|---|---|---|---|---|",
        _row("nginx, static file", nginx, n, "peer"),
        _row("Jarida, cached article page", r["jarida_cached"], n,
             f"≥ 0.5× nginx and p99 ≤ 20 ms: {_met(t['cached_ratio_met'])} / "
             f"{_met(t['cached_p99_met'])}"),
        _row("Jarida, uncached article pages", r["jarida_uncached"], n,
             f"≥ 1,500/s: {_met(t['uncached_rps_met'])}"),
    ]
    if "search" in r:
        s = r["search"]
        sdb = r["databases"]["search"]
        lines += [
            "",
            f"Search over {sdb['articles']:,} articles ({sdb['size_mb']:,} MB database), "
            f"{s['distinct_queries']:,} distinct queries in French, Arabic and Spanish built "
            "from the generator's vocabulary and places (e.g. "
            + ", ".join(f"`{q}`" for q in s["sample_queries"][:4])
            + "), each asked once, so the page cache does not answer them. At 50 connections "
            "the latency is mostly queueing behind other searches; at 1 connection it is the "
            "time one search takes.",
            "",
            "| run | requests/s | requests | p50 ms | p95 ms | p99 ms | errors "
            "| target p95 ≤ 50 ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for key, label in (("search_page_c1", "`/search?q=` page, 1 connection"),
                           ("search_api_c1", "`/api/search?q=` JSON, 1 connection"),
                           ("search_page_c50", "`/search?q=` page, 50 connections")):
            w = s[key]
            errors = w["status_errors"] + w["read_errors"] + w["timeouts"]
            lines.append(f"| {label} | {w['rps']:,.1f} | {w['requests']:,} | {w['p50_ms']:.0f} "
                         f"| {w['p95_ms']:.0f} | {w['p99_ms']:.0f} | {errors} | "
                         f"{_met(w['p95_ms'] <= 50)} |")
    if r.get("compared"):
        lines += _comparison(r)
    mem = r["memory_article_server"]
    lines += [
        "",
        f"Server memory, peak resident (VmHWM) summed over the server's "
        f"{mem['processes']} process(es) after the runs: {mem['peak_mb']:.0f} MB over the "
        f"{r['articles']:,}-article database"
        + (f", {r['memory_search_server']['peak_mb']:.0f} MB after the search runs"
           if "memory_search_server" in r else "")
        + f" (target ≤ 200 MB: {_met(t['rss_met'])}). The sum counts the code that "
        f"forked processes share once per process; their proportional share (PSS) at the "
        f"end was {mem['pss_mb']:.0f} MB"
        + (f" and {r['memory_search_server']['pss_mb']:.0f} MB"
           if "memory_search_server" in r else "") + ".",
        "",
        "Benchmark databases: built from the demo generator's scale mode "
        "(`python -m bench.webdata --articles N`, see bench/webdata.py): "
        + "; ".join(f"{d['articles']:,} articles in {d['seconds']:.0f} s "
                    f"({d['articles_per_s']:.0f}/s, {d['size_mb']:,} MB)"
                    for d in r["databases"].values())
        + ".",
    ]
    return "\n".join([*lines, "", NOTES.strip()])


NOTES = """
How this is measured and what the numbers mean:

- The databases are not crawled. `bench/webdata.py` takes article k of the demo
  generator's scale mode (`ScaleWeb(7, N).article(k)`: the title, paragraphs, language,
  section, outlet, author and date the demo server renders at
  `/presse-NNN/archives/k.html`), makes the record the crawler would store from that
  page (plain text, paragraph HTML, excerpt, content hash, each outlet a registered
  source with its sitemap feed) and writes it through `jarida.storage.bulk` (the
  column values and search index text `save_articles` would store, written with one
  executemany per table and batch). Crawling a million pages would measure the crawler,
  which `bench.ingest` does. The million-article search database keeps each article's
  text but not a second, HTML copy of it (searching reads neither).
- The server is granian (HTTP parsing and writing in Rust, in its own thread; the ASGI
  application in Python's event loop). The page cache is per serving process (512 pages
  each), keyed by data version, interface language, path and query; a cached page is
  answered before FastAPI's routing (`jarida/web/fastpath.py`), with the same ETag,
  Cache-Control, Last-Modified, Vary and 304 handling as the routed path.
- One process or two: wrk, nginx and the server share 2 CPUs here. A second serving
  process adds about 100 MB (its own interpreter, page cache and SQLite connections)
  and, on these 2 CPUs, more CPU per request (more busy threads than CPUs): the cached
  page and memory targets are met with one process, the uncached one more easily with
  two. `JARIDA_WEB_WORKERS` defaults to 1; the other configuration's run is shown
  beside this one when it was measured.
- Searching: SQLite's index holds each word's Snowball stem in the article's language,
  and a reader's word is looked up under its stem in every language (no prefix
  queries). Relevance ranks the newest 1,000 matches by the query words their headline
  holds, each weighted by its rarity among those headlines, then newest first
  (`storage/search_sqlite.py`); FTS5's bm25() would first count every article holding
  each word, a full posting-list scan per common word. The generator writes from a few
  hundred words, so most queries here match tens of percent of the million articles:
  this is the heavy end. Snippets are built from the first 3,000 characters when they
  hold a match.
"""


def _comparison(r: dict[str, Any]) -> list[str]:
    """Earlier runs beside this one (each measured on its own, minutes apart)."""
    runs = [*r["compared"], r]
    head = " | ".join(f"{x.get('label') or 'this run'} ({x['time']}"
                      + (", pre-change code" if x.get("jarida_root") not in (None, str(ROOT))
                         else "") + ")" for x in runs)
    lines = ["", "Other runs beside this one (requests/s, p99 ms in brackets; separate runs "
             "minutes apart, each with its own nginx run as the yardstick; the label says "
             "what differs, and a run from another folder than this checkout is older "
             "code):", "",
             f"| run | {head} |", "|---" * (len(runs) + 1) + "|"]
    lines.append("| serving processes | " + " | ".join(
        str(x["memory_article_server"]["processes"]) for x in runs) + " |")
    for key, name in (("nginx_static", "nginx static"), ("jarida_cached", "cached page"),
                      ("jarida_uncached", "uncached pages")):
        cells = " | ".join(f"{x[key]['rps']:,.0f} ({x[key]['p99_ms']:.0f})" for x in runs)
        lines.append(f"| {name} | {cells} |")
    cells = " | ".join(f"{x['memory_article_server']['peak_mb']:.0f}" for x in runs)
    lines.append(f"| server peak RSS, MB | {cells} |")
    return lines


def _env_note(r: dict[str, Any]) -> str:
    env = r.get("server_env") or {}
    return ", " + ", ".join(f"`{k}={v}`" for k, v in env.items()) if env else ""


if __name__ == "__main__":
    main()
