"""One hop of a fetch as it travels down the chain of steps."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from jarida.crawl.result import FetchResult


@dataclass(frozen=True)
class FetchRequest:
    """The URL of this hop plus what the caller stored from the previous fetch."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    max_bytes: int | None = None  # overrides settings.max_body_bytes (robots.txt is smaller)
    truncate: bool = False  # a body over max_bytes is cut there instead of refused (robots.txt)


Handler = Callable[[FetchRequest], Awaitable[FetchResult]]


class Step(Protocol):
    """A link of the fetch chain: may answer itself, or pass the request on."""

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult: ...


def compose(steps: list[Step], terminal: Handler) -> Handler:
    """Wrap `terminal` in `steps`, the first step outermost (Scrapy middleware order)."""
    handler = terminal
    for step in reversed(steps):
        handler = _bind(step, handler)
    return handler


def _bind(step: Step, call_next: Handler) -> Handler:
    async def handle(request: FetchRequest) -> FetchResult:
        return await step(request, call_next)

    return handle
