"""Webhook delivery: POST the frozen JSON body, signed, with its idempotency key.

Connections go through the crawler's vetting transport (`crawl.transport`, the SSRF
guard of `crawl.ssrf`): a subscription cannot make Jarida call a private address unless
`alerts_webhook_allow_private` or `alerts_webhook_allowlist` says so. Redirects are not
followed (a redirect could lead past the guard's intent; the receiver's URL is what the
subscription names).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from jarida.alerts.outcome import SENT, Outcome, give_up, retry
from jarida.alerts.signing import SIGNATURE_HEADER, sign
from jarida.crawl.ssrf import AddressPolicy, SsrfRefused, SystemResolver
from jarida.crawl.transport import VettingTransport
from jarida.settings import Settings

IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRYABLE_STATUS = {408, 425, 429}
RETRY_AFTER_STATUS = {429, 503}  # the answers whose Retry-After the outbox honours


def webhook_client(settings: Settings) -> httpx.AsyncClient:
    policy = AddressPolicy(settings.alerts_webhook_allow_private,
                           settings.alerts_webhook_allowlist)
    transport = VettingTransport(policy, SystemResolver(), http2=False,
                                 ca_bundle=settings.ca_bundle)
    timeout = httpx.Timeout(settings.total_timeout, connect=settings.connect_timeout)
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False,
                             trust_env=False)


def check_webhook_url(url: str) -> str:
    """A webhook URL as stored: absolute http(s) with a host; ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    return url


def webhook_headers(settings: Settings, *, secret: str, key: str, kind: str, body: bytes,
                    attempt: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": settings.user_agent,
        SIGNATURE_HEADER: sign(secret, body),
        IDEMPOTENCY_HEADER: key,
        "X-Jarida-Event": kind,
        "X-Jarida-Attempt": str(attempt),
    }


def _http_date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The wait a 429 or 503 answer asks for (RFC 9110 Retry-After: delay-seconds, or an
    HTTP-date read against the answer's own Date when it has one), at least 0; None when
    the answer has none or it cannot be read."""
    value = response.headers.get("retry-after", "").strip()
    if response.status_code not in RETRY_AFTER_STATUS or not value:
        return None
    if value.isdigit():
        return float(value)
    when = _http_date(value)
    if when is None:
        return None
    sent = _http_date(response.headers.get("date", "")) or datetime.now(UTC)
    return max(0.0, (when - sent).total_seconds())


async def post_webhook(client: httpx.AsyncClient, url: str, headers: dict[str, str],
                       body: bytes) -> Outcome:
    try:
        response = await client.post(url, content=body, headers=headers)
    except SsrfRefused as exc:
        return give_up(str(exc))
    except httpx.HTTPError as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, SsrfRefused) or "refused to connect" in str(exc):
            return give_up(str(exc))
        return retry(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    status = response.status_code
    if 200 <= status < 300:
        return SENT
    if status >= 500 or status in RETRYABLE_STATUS:
        return retry(f"HTTP {status}", retry_after_seconds(response))
    return give_up(f"HTTP {status} (the receiver refused the delivery)")
