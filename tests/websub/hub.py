"""A small WebSub hub on 127.0.0.1 for the tests: records subscription requests, verifies
intent on demand (or at once, inside the request, like a synchronous hub) and pushes
signed, unsigned or wrongly signed content to the subscribers' callbacks."""

from __future__ import annotations

import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from jarida.websub.signature import sign


@dataclass
class HubRequest:
    mode: str
    topic: str
    callback: str
    secret: str | None
    lease_seconds: str | None


@dataclass
class Verification:
    status: int
    body: str
    challenge: str

    @property
    def confirmed(self) -> bool:
        return self.status // 100 == 2 and self.body == self.challenge


def http(method: str, url: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


class LocalHub:
    def __init__(self, host: str = "127.0.0.1", *, verify_at_once: bool = False) -> None:
        self.requests: list[HubRequest] = []
        self.verifications: list[Verification] = []
        self.verify_at_once = verify_at_once
        self._server = ThreadingHTTPServer((host, 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://{host}:{self._server.server_address[1]}/"

    def __enter__(self) -> LocalHub:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()

    def verify(self, request: HubRequest, *, mode: str | None = None,
               topic: str | None = None, lease_seconds: int | None = 3600) -> Verification:
        """GET the callback as §5.3 says; `mode`/`topic` override to forge a verification."""
        challenge = secrets.token_urlsafe(16)
        params = {"hub.mode": mode or request.mode, "hub.topic": topic or request.topic,
                  "hub.challenge": challenge}
        if lease_seconds is not None and (mode or request.mode) == "subscribe":
            params["hub.lease_seconds"] = str(lease_seconds)
        status, body = http("GET", f"{request.callback}?{urllib.parse.urlencode(params)}")
        result = Verification(status, body, challenge)
        self.verifications.append(result)
        return result

    def deny(self, request: HubRequest, reason: str = "not allowed") -> int:
        params = {"hub.mode": "denied", "hub.topic": request.topic, "hub.reason": reason}
        return http("GET", f"{request.callback}?{urllib.parse.urlencode(params)}")[0]

    def push(self, request: HubRequest, body: bytes, *, signature: str = "sha256",
             content_type: str = "application/rss+xml") -> int:
        """POST content; signature is a method name, "none" or "wrong" (another secret)."""
        headers = {"Content-Type": content_type}
        if signature == "wrong":
            headers["X-Hub-Signature"] = sign("not-the-secret", body)
        elif signature != "none":
            headers["X-Hub-Signature"] = sign(request.secret or "", body, signature)
        return http("POST", request.callback, body, headers)[0]


def _handler(hub: LocalHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = urllib.parse.parse_qs(self.rfile.read(length).decode())
            one = {k: v[0] for k, v in form.items()}
            request = HubRequest(one.get("hub.mode", ""), one.get("hub.topic", ""),
                                 one.get("hub.callback", ""), one.get("hub.secret"),
                                 one.get("hub.lease_seconds"))
            hub.requests.append(request)
            if hub.verify_at_once:
                hub.verify(request)
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler
