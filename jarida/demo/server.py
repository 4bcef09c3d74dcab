"""One threaded HTTP server for the whole demo web, with validators, 304s and injected faults.

Run it standalone:  python -m jarida.demo.server --port 8080 [--seed 7] [--scale 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import threading
import time
from collections import Counter
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from jarida.demo.dates import http_date
from jarida.demo.faults import Faults
from jarida.demo.reply import Reply
from jarida.demo.site import Site


class DemoHTTPServer(ThreadingHTTPServer):
    """Holds the site, the current edition and the fault plan for the handler threads."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], site: Site, faults: Faults,
                 drip_delay: float = 0.5) -> None:
        super().__init__(addr, DemoHandler)
        self.site, self.faults, self.drip_delay = site, faults, drip_delay
        self.edition = 0
        self.hits: Counter[str] = Counter()
        self.hits_lock = threading.Lock()

    @property
    def base_url(self) -> str:
        """http://host:port of the listening socket."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


def etag_for(body: bytes) -> str:
    """A strong validator derived from the bytes served."""
    return '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20] + '"'


def not_modified(headers: dict[str, str], etag: str, reply: Reply) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only when it is absent."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        return etag in {t.strip() for t in inm.split(",")} or inm.strip() == "*"
    ims = headers.get("If-Modified-Since")
    if ims and reply.last_modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        return int(reply.last_modified.timestamp()) <= int(since.timestamp())
    return False


class DemoHandler(BaseHTTPRequestHandler):
    """Answers GET/HEAD from the site; fault injection happens before routing."""

    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; avoid 40 ms stalls
    server_version = "JaridaDemo/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        srv = self.server
        with srv.hits_lock:
            srv.hits[path.split("/")[1] if path.count("/") > 1 else path] += 1
        if srv.faults.should_fail(path):
            self._send(Reply(500, b"<h1>500 Internal Server Error</h1>", "text/html"), head, "")
            return
        query = dict(parse_qsl(parts.query))
        reply = srv.site.get(path, query, srv.base_url, srv.edition)
        etag = etag_for(reply.body)
        if reply.status == 200 and not_modified(dict(self.headers.items()), etag, reply):
            self._send(Reply(304, b"", reply.content_type, reply.last_modified), True, etag)
            return
        drip = srv.faults.is_slow(path) and not head
        self._send(reply, head, etag if reply.status == 200 else "", drip)

    def _send(self, reply: Reply, head: bool, etag: str, drip: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        if etag:
            self.send_header("ETag", etag)
        if reply.last_modified is not None:
            self.send_header("Last-Modified", http_date(reply.last_modified))
        self.send_header("Cache-Control", "max-age=60")
        self.end_headers()
        if head or reply.status == 304:
            return
        try:
            if drip:
                for i in range(0, len(reply.body), 1024):
                    self.wfile.write(reply.body[i:i + 1024])
                    self.wfile.flush()
                    time.sleep(self.server.drip_delay)
            else:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def main(argv: list[str] | None = None) -> None:
    """Serve the demo web in the foreground until interrupted."""
    from jarida.demo.web import DemoWeb

    parser = argparse.ArgumentParser(description="Serve the Jarida offline demo news web.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=int, default=0, help="extra generated articles")
    parser.add_argument("--no-faults", action="store_true", help="disable fault injection")
    args = parser.parse_args(argv)
    web = DemoWeb(seed=args.seed, scale=args.scale, fault_injection=not args.no_faults)
    base = web.start(host=args.host, port=args.port)
    print(f"Jarida demo web on {base}/ (seed {args.seed}, scale {args.scale}); Ctrl-C stops.",
          flush=True)
    for src in web.sources():
        feeds = ", ".join(f"{f.kind}:{f.url}" for f in src.feeds) or f"autodiscover {src.homepage}"
        print(f"  {src.slug}: {feeds}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        web.stop()


if __name__ == "__main__":
    main()
