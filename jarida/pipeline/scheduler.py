"""Which request goes next: per-host queues, fairness across hosts, fresh work before backlog.

Politeness (one request at a time per host, a gap between two starts) is enforced by
the fetch chain's pacer, whatever happens here. This module decides *order*, so that
politeness costs no throughput:

- Work for a host waits in that host's own queue and holds nothing global while it
  waits: not a fetch slot, not a place in the extraction backlog. A host's next piece
  of work asks for a global permit only once the host's gap has passed (the pacer says
  when), so N hosts keep N requests going even when one host has a 10,000-URL sitemap.
- Permits bound the pages that are being fetched or wait for extraction (memory).
  Ready hosts get them first come, first served, so no host starves another.
- Inside a host's queue, feed polls go first (they bring the fresh entries), then
  fresh entries, newest first, then backlog (sitemap archives, re-fetches, retries).

The inline crawler uses one `HostScheduler` per pass; the distributed workers keep
the same queue discipline per host, with the pacing shared through Redis.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from enum import IntEnum

from jarida.crawl.pacing import HostPacer
from jarida.metrics.live import track_scheduler


class Priority(IntEnum):
    FEED = 0      # a feed poll: it brings the fresh entries
    FRESH = 1     # entries of RSS/Atom feeds and listing pages, recent sitemap entries
    BACKLOG = 2   # sitemap archives, re-fetches of updated entries, retried failures


class SchedulerClosed(Exception):
    """The pass is stopping: queued work is abandoned, to be picked up by the next pass."""


@dataclass
class _Host:
    waiting: list[tuple[int, float, int, asyncio.Future[None]]] = field(default_factory=list)
    active: int = 0


class Turn:
    """A granted turn: the host is busy until `host_done()`, the permit until the end."""

    def __init__(self, scheduler: HostScheduler, host: str) -> None:
        self._scheduler = scheduler
        self._host = host
        self._host_released = False

    def host_done(self) -> None:
        """The network part is over: the host may serve its next request (after its gap)."""
        if not self._host_released:
            self._host_released = True
            self._scheduler._host_finished(self._host)


class HostScheduler:
    """Grants turns per host (priority order) under a global bound of pages in progress."""

    def __init__(self, pacer: HostPacer, *, permits: int, per_host: int = 1) -> None:
        self._pacer = pacer
        self._permits = asyncio.Semaphore(permits)
        self._per_host = per_host
        self._hosts: dict[str, _Host] = {}
        self._seq = itertools.count()
        self._closed = False
        track_scheduler(self)  # jarida_host_turns_waiting reads `waiting` at scrape time

    @asynccontextmanager
    async def turn(self, host: str, priority: Priority, *, newest: float = 0.0
                   ) -> AsyncIterator[Turn]:
        """Wait for `host`'s turn, then for its gap, then for a permit; hold them inside.

        `newest` orders equal priorities: larger first (a publication timestamp).
        """
        await self._queue(host, priority, newest)
        turn = Turn(self, host)
        try:
            await self._pacer.until_ready(host)
            if self._closed:
                raise SchedulerClosed
            async with self._permits:
                if self._closed:
                    raise SchedulerClosed
                yield turn
        finally:
            turn.host_done()

    async def _queue(self, host: str, priority: Priority, newest: float) -> None:
        if self._closed:
            raise SchedulerClosed
        state = self._hosts.setdefault(host, _Host())
        if state.active < self._per_host and not state.waiting:
            state.active += 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(state.waiting, (int(priority), -newest, next(self._seq), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._host_finished(host)  # granted just as we were cancelled: pass it on
            raise
        if self._closed:
            self._host_finished(host)
            raise SchedulerClosed

    def _host_finished(self, host: str) -> None:
        state = self._hosts.get(host)
        if state is None:
            return
        while state.waiting:
            *_, future = heapq.heappop(state.waiting)
            if not future.done():
                future.set_result(None)  # the turn passes on: `active` is unchanged
                return
        state.active -= 1
        if state.active == 0:
            del self._hosts[host]

    def close(self) -> None:
        """Abandon every queued turn (each raises SchedulerClosed); running ones finish."""
        self._closed = True
        for state in list(self._hosts.values()):
            for *_, future in state.waiting:
                if not future.done():
                    future.set_result(None)

    @property
    def waiting(self) -> int:
        """Turns queued behind their host (for metrics and tests)."""
        return sum(len(s.waiting) for s in self._hosts.values())
