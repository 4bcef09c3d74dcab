"""Requests to a hub (§5.1): subscribe or unsubscribe, through the fetcher's SSRF guard."""

from __future__ import annotations

from jarida.crawl.fetcher import Fetcher
from jarida.storage.websub import Subscription


def callback_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/websub/{token}"


async def ask_hub(fetcher: Fetcher, sub: Subscription, mode: str, *, public_url: str,
                  lease_seconds: int) -> str | None:
    """Send the request; None when the hub accepted it (2xx), else a one-line error."""
    form = {"hub.mode": mode, "hub.topic": sub.topic,
            "hub.callback": callback_url(public_url, sub.token)}
    if mode == "subscribe":
        form["hub.secret"] = sub.secret
        form["hub.lease_seconds"] = str(lease_seconds)
    result = await fetcher.post_form(sub.hub, form)
    if result.ok and result.status is not None and 200 <= result.status < 300:
        return None
    detail = result.body[:200].decode("utf-8", "replace").strip() if result.body else ""
    return f"hub {sub.hub} refused {mode}: {result.error or result.status} {detail}".strip()
