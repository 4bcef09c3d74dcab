"""Per-host politeness: a bounded number of requests in flight and a gap between them.

One `HostPacer` is shared by every task of the process (it lives in the Fetcher),
so concurrent feed polls of the same outlet queue up instead of hammering it.
All waiting happens here, through the injected clock.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from jarida.crawl.clock import Clock


@dataclass
class _HostState:
    """Slots and the earliest time the next request to this host may start."""

    slots: asyncio.Semaphore
    next_start: float = 0.0
    in_use: int = 0
    extra_delay: float = field(default=0.0)  # e.g. a robots.txt Crawl-delay


class _Answer:
    """When the response to the request holding a slot began to arrive (its headers)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.at: float | None = None

    def mark(self) -> None:
        if self.at is None:
            self.at = self._clock.monotonic()


_ANSWER: ContextVar[_Answer | None] = ContextVar("jarida_pacer_answer", default=None)


def mark_answered() -> None:
    """Called by the transfer as soon as a response's headers have arrived.

    The server saw the request start before it answered, so the host's next request may
    start one gap after this moment: reading and decoding the body no longer delays it.
    A request that got no answer (an error, a timeout) counts from its end, as before.
    """
    answer = _ANSWER.get()
    if answer is not None:
        answer.mark()


@contextmanager
def watching_answer(clock: Clock) -> Iterator[_Answer]:
    """While the block runs, `mark_answered` notes its request's answer here (for a pacer
    that keeps its own turns, such as the fleet's in `jarida.distributed.pacing`)."""
    answer = _Answer(clock)
    token = _ANSWER.set(answer)
    try:
        yield answer
    finally:
        _ANSWER.reset(token)


class HostPacer:
    """Hands out per-host request slots, spaced at least `delay` seconds apart."""

    def __init__(self, clock: Clock, delay: float, concurrency: int = 1,
                 max_hosts: int = 10_000, total_concurrency: int | None = None) -> None:
        self._clock = clock
        # Across all hosts (settings.crawl_concurrency); taken after the host's turn came.
        self._total = asyncio.Semaphore(total_concurrency) if total_concurrency else None
        self._delay = delay
        self._concurrency = concurrency
        self._max_hosts = max_hosts
        self._hosts: OrderedDict[str, _HostState] = OrderedDict()

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = _HostState(asyncio.Semaphore(self._concurrency))
            self._hosts[host] = state
            self._evict_idle()
        self._hosts.move_to_end(host)
        return state

    def _evict_idle(self) -> None:
        """Keep the table bounded by forgetting hosts nobody is waiting on."""
        now = self._clock.monotonic()
        for name in list(self._hosts):
            if len(self._hosts) <= self._max_hosts:
                break
            state = self._hosts[name]
            if state.in_use == 0 and state.next_start <= now:
                del self._hosts[name]

    def _gap(self, state: _HostState) -> float:
        return max(self._delay, state.extra_delay)

    def set_crawl_delay(self, host: str, seconds: float) -> None:
        """Honour a robots.txt Crawl-delay larger than our own default."""
        self._state(host).extra_delay = seconds

    def wait_before_start(self, host: str) -> float:
        """Seconds until a request to `host` may start (0 when it may start now): lets a
        scheduler hold back work for a host without taking any slot while it waits."""
        state = self._hosts.get(host)
        if state is None:
            return 0.0
        return max(0.0, state.next_start - self._clock.monotonic())

    async def until_ready(self, host: str) -> None:
        """Sleep until the gap (or a Crawl-delay or Retry-After) of `host` has passed."""
        while (wait := self.wait_before_start(host)) > 0:
            await self._clock.sleep(wait)

    def defer(self, host: str, seconds: float) -> None:
        """Hold every request to `host` back (a 429/503 Retry-After applies to all tasks)."""
        state = self._state(host)
        state.next_start = max(state.next_start, self._clock.monotonic() + seconds)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for this host's turn. The next request may start one gap after this one's
        answer arrived (`mark_answered`), or after its end when no answer came; the host's
        concurrency bounds how many are in flight, whatever the gap."""
        state = self._state(host)
        state.in_use += 1
        answer = _Answer(self._clock)
        token = _ANSWER.set(answer)
        try:
            async with state.slots:
                while (wait := state.next_start - self._clock.monotonic()) > 0:
                    await self._clock.sleep(wait)
                # Reserve the start time before yielding so concurrent holders stay spaced.
                state.next_start = self._clock.monotonic() + self._gap(state)
                try:
                    if self._total is None:
                        yield
                    else:
                        async with self._total:
                            yield
                finally:
                    counted_from = answer.at if answer.at is not None else self._clock.monotonic()
                    state.next_start = max(state.next_start, counted_from + self._gap(state))
        finally:
            _ANSWER.reset(token)
            state.in_use -= 1
