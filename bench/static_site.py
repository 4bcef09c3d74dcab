"""The generated demo web written to disk and served by nginx, for crawl benchmarks.

A crawl benchmark measures the crawler. On a real crawl the publisher's server
spends none of the crawler's CPU; on this 2-core machine the Python demo server
spends about 2.7 ms of CPU per page, taken from the same cores both pipelines
use. nginx serving the same bytes from files costs a small fraction of that, so
both pipelines run closer to how they would against remote sites.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import free_port, wait_http

_LOC = re.compile(rb"<loc>([^<]+)</loc>")


def nginx_available() -> bool:
    return shutil.which("nginx") is not None


def dump_scale_site(pages: int, root: Path, base: str, seed: int = 7) -> int:
    """Write robots.txt, the scale sitemaps and every scale article page under `root`.

    Returns the number of files written. URLs inside the documents point at `base`.
    """
    from jarida.demo.site import Site

    site = Site(seed, pages)
    todo = ["/robots.txt", "/scale/sitemap-index.xml"]
    written = 0
    while todo:
        path = todo.pop()
        reply = site.get(path, {}, base, 0)
        if reply.status != 200:
            raise RuntimeError(f"demo site answered {reply.status} for {path}")
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(reply.body)
        written += 1
        if path.endswith(".xml"):
            todo += [m.decode()[len(base):] for m in _LOC.findall(reply.body)]
    return written


_CONF = """
worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html; application/xml xml; text/plain txt; }}
    default_type text/html;  # extension-less paths, e.g. a copy of /articles/123
    charset utf-8;
    charset_types text/html application/xml text/plain;
    access_log off;
    sendfile on;
    gzip_static on;  # a file.gz beside a file is sent to clients accepting gzip (--accept-encoding)
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def _readable(root: Path) -> None:
    """nginx's workers drop to an unprivileged user when run as root: they must read these."""
    for path in (root, *root.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)


@contextmanager
def serve_with_nginx(root: Path, *, port: int | None = None, workers: int = 1,
                     probe: str = "/") -> Iterator[str]:
    """nginx serving the files under `root` on a free 127.0.0.1 port until the block ends;
    yields the base URL once `probe` answers. `root`'s parent folders must be traversable."""
    _readable(root)
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="jarida-nginx-") as tmp:
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(_CONF.format(tmp=tmp, port=port, root=root.resolve(), workers=workers))
        proc = subprocess.Popen(["nginx", "-p", tmp, "-c", str(conf)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_http(base + probe, timeout=30)
            yield base
        finally:
            proc.terminate()
            proc.wait(10)


@contextmanager
def static_scale_web(pages: int) -> Iterator[str]:
    """The scale web of `pages` articles on loopback, served by nginx from files."""
    with tempfile.TemporaryDirectory(prefix="jarida-site-") as tmp:
        # The pages name their own address, so the port is chosen before they are written.
        port = free_port()
        dump_scale_site(pages, Path(tmp), f"http://127.0.0.1:{port}")
        with serve_with_nginx(Path(tmp), port=port, probe="/robots.txt") as served:
            yield served
