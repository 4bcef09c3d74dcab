"""A local web of many outlets made from real pages, served by nginx on loopback addresses.

Each host is its own loopback address (127.0.0.2, 127.0.0.3, ...: Linux routes the
whole of 127.0.0.0/8 to the loopback interface), so a crawler sees as many distinct
hosts as a real crawl of as many outlets, each with its own robots.txt and RSS feed.
The article pages are the real pages of the shared corpora (the article-extraction
benchmark and Mozilla Readability's test pages), dealt out in turn to the hosts.

nginx writes an access log with millisecond times (`$msec`, the end of the request,
and `$request_time`), from which `politeness_report` reads every request's start and
end per host: requests in flight at once to one host and starts closer than the gap.
"""

from __future__ import annotations

import gzip
import itertools
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bench.common import ROOT, free_port, wait_http

CORPORA = ROOT.parent / "shared" / "corpora"


def real_pages() -> list[bytes]:
    """Every page of the shared corpora, in a fixed order."""
    pages: list[bytes] = []
    bench = CORPORA / "article-extraction-benchmark" / "html"
    if bench.is_dir():
        pages += [gzip.decompress(p.read_bytes()) for p in sorted(bench.glob("*.html.gz"))]
    readability = CORPORA / "readability-test-pages"
    if readability.is_dir():
        pages += [gzip.decompress(p.read_bytes())
                  for p in sorted(readability.glob("*/source.html.gz"))]
    if not pages:
        raise SystemExit(f"no corpus pages under {CORPORA}: the many-host web needs them")
    return pages


@dataclass(frozen=True)
class HostWeb:
    port: int
    hosts: list[str]  # "127.0.0.2", ...
    pages_per_host: int
    log: Path

    def base(self, host: str) -> str:
        return f"http://{host}:{self.port}"

    def feed_urls(self) -> list[str]:
        return [f"{self.base(h)}/feed.xml" for h in self.hosts]


def _rss(base: str, name: str, count: int, now: datetime) -> bytes:
    items = []
    for i in range(count):
        when = format_datetime(now - timedelta(minutes=7 * i + 3))
        items.append(
            f"<item><title>{escape(name)} article {i}</title>"
            f"<link>{base}/articles/{i}.html</link><guid>{base}/articles/{i}.html</guid>"
            f"<pubDate>{when}</pubDate><description>Article {i}</description></item>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(name)}</title><link>{base}/</link>"
            f"<description>{escape(name)}</description>{''.join(items)}</channel></rss>"
            ).encode()


def write_host_web(root: Path, port: int, hosts: int, pages_per_host: int) -> list[str]:
    pages = real_pages()
    now = datetime.now(UTC).replace(microsecond=0)
    names = [f"127.0.0.{i + 2}" for i in range(hosts)]
    for h, host in enumerate(names):
        base = f"http://{host}:{port}"
        folder = root / host
        (folder / "articles").mkdir(parents=True)
        (folder / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
        (folder / "feed.xml").write_bytes(_rss(base, f"Outlet {h}", pages_per_host, now))
        for i in range(pages_per_host):
            page = pages[(h * pages_per_host + i) % len(pages)]
            (folder / "articles" / f"{i}.html").write_bytes(page)
    return names


_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    types {{ text/html html; application/rss+xml xml; text/plain txt; }}
    charset_types text/html application/rss+xml text/plain;
    log_format timed '$server_addr $msec $request_time $status "$request"';
    access_log {log} timed;
    sendfile on;
    tcp_nodelay on;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{servers}
}}
"""

_SERVER = """    server {{ listen {host}:{port}; root {root}; }}"""


@contextmanager
def host_web(hosts: int = 40, pages_per_host: int = 25) -> Iterator[HostWeb]:
    """nginx serving `hosts` outlets of `pages_per_host` real pages each, until the block ends."""
    with tempfile.TemporaryDirectory(prefix="jarida-hostweb-") as tmp:
        root = Path(tmp) / "www"
        port = free_port()
        names = write_host_web(root, port, hosts, pages_per_host)
        for path in (Path(tmp), *Path(tmp).rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        log = Path(tmp) / "access.log"
        servers = "\n".join(_SERVER.format(host=h, port=port, root=root / h) for h in names)
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(_CONF.format(tmp=tmp, log=log, servers=servers))
        proc = subprocess.Popen(["nginx", "-p", tmp, "-c", str(conf)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_http(f"http://{names[0]}:{port}/robots.txt", timeout=30)
            log.write_text("")  # forget the readiness probe
            subprocess.run(["nginx", "-p", tmp, "-c", str(conf), "-s", "reopen"], check=True)
            yield HostWeb(port, names, pages_per_host, log)
        finally:
            proc.terminate()
            proc.wait(10)


@dataclass(frozen=True)
class Politeness:
    requests: int
    overlaps: int        # a request that started before the previous one to its host ended
    short_gaps: int      # starts closer than the gap to the previous start on the host
    shortest_gap: float  # seconds, over every host
    busiest_host_requests: int
    first_start: float
    last_end: float
    hosts_per_second: list[int]  # distinct hosts whose request started in each second


def _hosts_per_second(by_host: dict[str, list[tuple[float, float]]], first: float) -> list[int]:
    seconds: dict[int, set[str]] = defaultdict(set)
    for host, spans in by_host.items():
        for start, _ in spans:
            seconds[int(start - first)].add(host)
    last = max(seconds, default=-1)
    return [len(seconds.get(i, ())) for i in range(last + 1)]


def politeness_report(log: Path, gap: float, *, tolerance: float = 0.002) -> Politeness:
    """Read nginx's timed access log: per host, sort requests by start and compare."""
    by_host: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for line in log.read_text().splitlines():
        parts = line.split(" ", 3)
        if len(parts) < 4:
            continue
        end, took = float(parts[1]), float(parts[2])
        by_host[parts[0]].append((end - took, end))
    overlaps = short = 0
    shortest = float("inf")
    for spans in by_host.values():
        spans.sort()
        for (s0, e0), (s1, _) in itertools.pairwise(spans):
            if s1 < e0 - tolerance:
                overlaps += 1
            shortest = min(shortest, s1 - s0)
            if s1 - s0 < gap - tolerance:
                short += 1
    every = [s for spans in by_host.values() for s in spans]
    first = min((s for s, _ in every), default=0.0)
    return Politeness(
        requests=len(every), overlaps=overlaps, short_gaps=short,
        shortest_gap=shortest if shortest != float("inf") else 0.0,
        busiest_host_requests=max((len(v) for v in by_host.values()), default=0),
        first_start=first,
        last_end=max((e for _, e in every), default=0.0),
        hosts_per_second=_hosts_per_second(by_host, first),
    )
