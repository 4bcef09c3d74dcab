"""The crawl's main figure: many outlets, politeness on, Jarida against Scrapy in one run.

Politeness sets a news crawler's speed limit: one request at a time per host and a
gap between two starts, so N hosts allow N/gap pages a second, and the crawl of a
cycle cannot end before the busiest host's requests have been spaced out (the
politeness bound: its page count x the gap). This benchmark builds a local web of
`--hosts` outlets (real pages of the shared corpora, `bench/hostweb.py`), each with a
robots.txt and an RSS feed of `--pages` articles, and runs, alternately:

- `jarida crawl --once` with its defaults (1 s gap, one request per host, 32 in all);
- Scrapy + trafilatura (fast) with the same politeness: DOWNLOAD_DELAY = gap,
  1 request per domain, 32 in all, robots.txt obeyed.

Politeness is read from nginx's access log (millisecond times), not from the
crawlers' own accounts.

    python -m bench.crawl_hosts [--hosts 40] [--pages 25] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

import yaml

from bench.common import RESULTS, machine, replace_section, run_python, today
from bench.hostweb import HostWeb, Politeness, host_web, politeness_report


def _sources_file(web: HostWeb, path: Path) -> None:
    sources = [
        {"slug": f"outlet-{i}", "name": f"Outlet {i}", "languages": ["en"], "mode": "full",
         "feeds": [{"url": url, "kind": "rss"}]}
        for i, url in enumerate(web.feed_urls())
    ]
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")


def _politeness(web: HostWeb, gap: float) -> dict[str, float]:
    p: Politeness = politeness_report(web.log, gap)
    return {"requests": p.requests, "overlaps": p.overlaps, "short_gaps": p.short_gaps,
            "shortest_gap_s": round(p.shortest_gap, 3),
            "busiest_host_requests": p.busiest_host_requests,
            "server_span_s": round(p.last_end - p.first_start, 2),
            "hosts_per_second": p.hosts_per_second}


def run_jarida(web: HostWeb, workdir: Path, gap: float) -> dict[str, float]:
    env = dict(os.environ)
    env.update({
        "JARIDA_DATABASE_URL": f"sqlite:///{workdir}/jarida.db",
        "JARIDA_PRIVATE_NETWORK_ALLOWLIST": '["127.0.0.0/8"]',
        "JARIDA_HOST_DELAY_SECONDS": str(gap),
        # The peer's pipeline fetches no images; the pages' images are on the real web,
        # which this machine cannot reach (its DNS lookups hang until they time out).
        "JARIDA_IMAGE_FETCH_LIMIT": "0",
    })
    for key in ("JARIDA_HOST_CONCURRENCY", "JARIDA_CRAWL_CONCURRENCY", "JARIDA_EXTRACT_WORKERS"):
        env.pop(key, None)  # the defaults are what is measured
    sources = workdir / "sources.yaml"
    _sources_file(web, sources)
    run_python(["-m", "jarida", "init"], env)
    run_python(["-m", "jarida", "sources", "import", str(sources)], env)
    web.log.write_text("")
    done, mem = run_python(["-m", "jarida", "crawl", "--once", "--json"], env)
    report = json.loads(done.stdout)
    stored = sum(s["new"] for s in report["sources"].values())
    failed = sum(s["failed"] for s in report["sources"].values())
    return {"stored": stored, "failed": failed, "seconds": report["seconds"],
            "pages_per_s": stored / report["seconds"], "peak_pss_tree_mb":
            mem.peak_tree_pss / 2**20, **_politeness(web, gap)}


def run_scrapy(web: HostWeb, workdir: Path, gap: float) -> dict[str, float]:
    feeds = workdir / "feeds.txt"
    feeds.write_text("\n".join(web.feed_urls()))
    web.log.write_text("")
    done, mem = run_python([str(Path(__file__).with_name("scrapy_peer.py")), "--feeds",
                            str(feeds), str(workdir / "scrapy.db"), "--delay", str(gap),
                            "--per-host", "1", "--total", "32"])
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    return {"stored": stats["stored"], "seconds": stats["seconds"],
            "pages_per_s": stats["stored"] / stats["seconds"],
            "peak_pss_tree_mb": mem.peak_tree_pss / 2**20, **_politeness(web, gap)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=40, help="outlets (loopback addresses)")
    parser.add_argument("--pages", type=int, default=25, help="article pages per outlet")
    parser.add_argument("--gap", type=float, default=1.0, help="politeness gap in seconds")
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternate the two crawlers this many times")
    parser.add_argument("--only", choices=["jarida", "scrapy"], help="run one side only")
    args = parser.parse_args()
    bound = args.pages * args.gap
    rounds = []
    with host_web(args.hosts, args.pages) as web:
        for _ in range(args.rounds):
            row: dict[str, object] = {}
            if args.only != "scrapy":
                with tempfile.TemporaryDirectory() as tmp:
                    row["jarida"] = run_jarida(web, Path(tmp), args.gap)
            if args.only != "jarida":
                with tempfile.TemporaryDirectory() as tmp:
                    row["scrapy"] = run_scrapy(web, Path(tmp), args.gap)
            rounds.append(row)
            print(json.dumps(row), flush=True)
    result = {"date": today(), "machine": machine(), "hosts": args.hosts, "pages": args.pages,
              "gap": args.gap, "bound_s": bound, "rounds": rounds}
    if args.only is None:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "crawl_hosts.json").write_text(json.dumps(result, indent=2))
        replace_section("crawl-hosts", _markdown(result))
    print(json.dumps(result, indent=2))


def _markdown(r: dict) -> str:  # type: ignore[type-arg]
    rows = []
    for i, row in enumerate(r["rounds"], 1):
        for name, label in (("jarida", "Jarida `crawl --once` (defaults)"),
                            ("scrapy", "Scrapy + trafilatura fast")):
            x = row[name]
            rows.append(
                f"| {i} | {label} | {x['stored']} | {x['seconds']:.1f} | {x['pages_per_s']:.1f}"
                f" | {r['bound_s'] / x['seconds']:.2f} | {x['seconds'] / r['bound_s']:.2f}"
                f" | {x['overlaps']} | {x['short_gaps']} | {x['shortest_gap_s']:.3f} |"
            )
        rows.append(f"| {i} | Jarida / Scrapy pages/s | | | "
                    f"**{row['jarida']['pages_per_s'] / row['scrapy']['pages_per_s']:.2f}×** "
                    "| | | | | |")
    table = "\n".join(rows)
    return f"""## Crawl of many outlets, politeness on ({r['date']})

Machine: {r['machine']}. {r['hosts']} outlets, each its own loopback address served by
nginx, each with robots.txt and an RSS feed of {r['pages']} real article pages (the shared
corpora's pages dealt out in turn); a {r['gap']:g} s gap between two requests to one host,
one request at a time per host, 32 in all, for both crawlers; neither fetches the pages'
images (Jarida's image fetching is off: the images are on the real web, unreachable here).
Politeness bound (busiest
host's pages × gap): {r['bound_s']:.0f} s. Overlaps and short gaps are read from nginx's
access log. Run with `python -m bench.crawl_hosts --hosts {r['hosts']} --pages {r['pages']}`.

| round | crawler | stored | seconds | pages/s | share of the limit | × bound | overlaps | gaps < {r['gap']:g} s | shortest gap (s) |
|---|---|---|---|---|---|---|---|---|---|
{table}

Targets: Jarida's wall time ≤ 1.15 × the bound, ≥ 1.2 × Scrapy's pages/s, no overlap and
no short gap. Each host also answers robots.txt and its feed before its pages, so the
floor is (pages + 1) gaps: {(r['pages'] + 1) * r['gap']:.0f} s.
"""


if __name__ == "__main__":
    main()
