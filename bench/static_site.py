"""The generated demo web written to disk and served by nginx, for crawl benchmarks.

A crawl benchmark measures the crawler. On a real crawl the publisher's server
spends none of the crawler's CPU; on this 2-core machine the Python demo server
spends about 2.7 ms of CPU per page, taken from the same cores both pipelines
use. nginx serving the same bytes from files costs a small fraction of that, so
both pipelines run closer to how they would against remote sites.
"""

from __future__ import annotations

import os
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
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html; application/xml xml; text/plain txt; }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/html application/xml text/plain;
    access_log off;
    sendfile on;
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


@contextmanager
def serve_with_nginx(root: Path, port: int) -> Iterator[str]:
    """nginx (one worker) serving `root` on 127.0.0.1:`port` until the block ends."""
    with tempfile.TemporaryDirectory(prefix="jarida-nginx-") as tmp:
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(_CONF.format(tmp=tmp, port=port, root=root.resolve()))
        proc = subprocess.Popen(["nginx", "-p", tmp, "-c", str(conf)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_http(f"{base}/robots.txt", timeout=15)
            yield base
        finally:
            proc.terminate()
            proc.wait(10)


@contextmanager
def static_scale_web(pages: int) -> Iterator[str]:
    """The scale web of `pages` articles on loopback, served by nginx from files."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="jarida-site-") as tmp:
        # nginx's worker drops to an unprivileged user when run as root: it must read these.
        os.chmod(tmp, 0o755)  # noqa: S103
        dump_scale_site(pages, Path(tmp), base)
        with serve_with_nginx(Path(tmp), port) as served:
            yield served
