"""Per-host politeness for a whole fleet of workers, held in Redis by atomic Lua scripts.

The same rules as one machine (`jarida.crawl.pacing.HostPacer`): one request at a
time per host, the gap (`host_delay_seconds`, or a larger robots.txt Crawl-delay)
counted from the answer to the previous request (its headers' arrival, as the inline
crawler's `mark_answered`; from its end when no answer came) and never less than the
gap from start to start, and a Retry-After holding every request to the host back.
Time is Redis's own clock (`TIME`), so machines whose clocks disagree still agree on
the gap (a turn's answer is sent as "so many ms ago", a duration, not a time).

A host is one Redis hash (`<prefix>:host:<name>`): `holder` and `until` (the worker
holding the slot and when its hold lapses: a killed worker's slot frees itself),
`next` (the earliest start of the next request), `booked` (the latest start promised
to a waiting message) and `delay` (the Crawl-delay, ms).

`take` answers how long a refused message has to wait (the worker waits in its
thread when that is short, else sends it back to the broker with that delay,
`jarida.distributed.tasks`). To keep N messages of one host from all coming back at the
same instant (and bouncing N times each), messages are *booked* start times one gap
apart after the ones already booked: a feed's new entries all at once when they are
enqueued (`book`), a fresh message refused by `take` when it comes; fresh messages
queue behind booked ones, so a host's backlog drains at one request per gap with no
broker round trip beyond its booked delay.

Why not Dramatiq's rate limiters: `ConcurrentRateLimiter` gives "one at a time" with
expiry, but no gap from the end of a request, no Retry-After, and its callers wait
by raising and retrying (backoff that grows with each failure) rather than at the
time the host is free.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import redis

from jarida.crawl.clock import SystemClock
from jarida.crawl.pacing import HostPacer, watching_answer

# Shortest wait handed back to a message (ms): below it, the broker round trip dominates.
MIN_WAIT_MS = 20
# A host's hash is dropped after this long without use (ms).
IDLE_KEY_MS = 24 * 3600 * 1000

_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS[1] host hash; ARGV: token, lease ms, gap ms, booked (1/0), min wait ms, idle ms.
# Returns 0 when the slot is now this token's, else the ms to wait before trying again.
# KEYS[1] host hash; ARGV: token, lease ms, gap ms, booked (1/0), min wait ms, idle ms.
# Returns 0 when the slot is now this token's, else the ms to wait before trying again.
# Taking the slot also reserves the next start one gap later (start to start, as the
# server sees it); the end of the turn may push it later (`_RELEASE`).
_TAKE = _NOW + """
local h = KEYS[1]
local token, lease, gap = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local booked, min_wait, idle = ARGV[4] == '1', tonumber(ARGV[5]), tonumber(ARGV[6])
local f = redis.call('HMGET', h, 'holder', 'until', 'next', 'booked', 'delay')
local holder, held_until = f[1], tonumber(f[2] or '0')
local nxt, last_booked, delay = tonumber(f[3] or '0'), tonumber(f[4] or '0'), tonumber(f[5] or '0')
if delay > gap then gap = delay end
local busy = holder and held_until > now
if not busy and now >= nxt and (booked or last_booked <= now) then
  redis.call('HSET', h, 'holder', token, 'until', now + lease, 'next', now + gap)
  redis.call('PEXPIRE', h, idle)
  return 0
end
-- a holder past its reserved next start (a long request): its end is unknown
local overdue = math.min(gap, held_until - now)
if booked then
  local wait = nxt - now
  if busy and wait < min_wait then wait = overdue end
  if wait < min_wait then wait = min_wait end
  return wait
end
local slot = math.max(now, nxt, last_booked + gap)
if busy and slot < now + min_wait then slot = now + overdue end
redis.call('HSET', h, 'booked', slot)
redis.call('PEXPIRE', h, idle)
local wait = slot - now
if wait < min_wait then wait = min_wait end
return wait
"""

# KEYS[1] host hash; ARGV: n, gap ms, idle ms. Books n successive starts one gap apart
# after the host's next start and the last booking; returns the ms until each.
_BOOK = _NOW + """
local h = KEYS[1]
local n, gap, idle = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local f = redis.call('HMGET', h, 'holder', 'until', 'next', 'booked', 'delay')
local holder, held_until = f[1], tonumber(f[2] or '0')
local nxt, last, delay = tonumber(f[3] or '0'), tonumber(f[4] or '0'), tonumber(f[5] or '0')
if delay > gap then gap = delay end
local slot = math.max(now, nxt)
if last > 0 and last + gap > slot then slot = last + gap end
if holder and held_until > now and slot < now + gap and nxt <= now then
  slot = now + math.min(gap, held_until - now)
end
local waits = {}
for i = 1, n do
  waits[i] = slot - now
  last = slot
  slot = slot + gap
end
redis.call('HSET', h, 'booked', last)
redis.call('PEXPIRE', h, idle)
return waits
"""

# KEYS[1] host hash; ARGV: token, gap ms, idle ms, ms since the last answer. The gap
# runs from the answer (the response's headers) of the turn's last request, or from
# now when it got none.
_RELEASE = _NOW + """
local h = KEYS[1]
local token, gap, idle = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local since = tonumber(ARGV[4])
local delay = tonumber(redis.call('HGET', h, 'delay') or '0')
if delay > gap then gap = delay end
local nxt = tonumber(redis.call('HGET', h, 'next') or '0')
local counted = now - since + gap
if counted > nxt then redis.call('HSET', h, 'next', counted) end
if redis.call('HGET', h, 'holder') == token then
  redis.call('HDEL', h, 'holder', 'until')
end
redis.call('PEXPIRE', h, idle)
return 1
"""

# KEYS[1] host hash; ARGV: token, lease ms. Extends a hold still ours; 1 if it was.
_EXTEND = _NOW + """
if redis.call('HGET', KEYS[1], 'holder') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'until', now + tonumber(ARGV[2]))
return 1
"""

# KEYS[1] host hash; ARGV: ms, idle ms. No request starts before now + ms.
_DEFER = _NOW + """
local nxt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
local later = now + tonumber(ARGV[1])
if later > nxt then redis.call('HSET', KEYS[1], 'next', later) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
"""

# KEYS[1] host hash; ARGV: none. Ms until a request may start (0: now), ignoring bookings.
_WAIT = _NOW + """
local f = redis.call('HMGET', KEYS[1], 'holder', 'until', 'next')
local wait = tonumber(f[3] or '0') - now
if f[1] and tonumber(f[2] or '0') > now and wait < 1 then wait = 1 end
if wait < 0 then wait = 0 end
return wait
"""


@dataclass
class HeldTurn:
    """A host slot this task holds: the requests of one turn (robots.txt, redirects,
    sitemap children) go one at a time with the gap between them, slot kept."""

    host: str
    token: str
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    used: bool = False
    next_start: float = 0.0  # monotonic
    counted_from: float | None = None  # monotonic: the last request's answer (or end)

    def since_answer_ms(self) -> int:
        """Ms since the moment the host's next gap counts from (0: from now)."""
        if self.counted_from is None:
            return 0
        return max(0, int((time.monotonic() - self.counted_from) * 1000))


_turn: contextvars.ContextVar[HeldTurn | None] = contextvars.ContextVar("jarida_turn",
                                                                          default=None)


class FleetPacer(HostPacer):
    """`HostPacer` whose state lives in Redis: the fetch chain paces through it unchanged."""

    def __init__(self, client: redis.Redis, *, prefix: str, delay: float,
                 slot_seconds: float) -> None:
        super().__init__(SystemClock(), delay)
        self._redis = client
        self._prefix = prefix
        self._gap_ms = int(delay * 1000)
        self._lease_ms = int(slot_seconds * 1000)
        self._take = client.register_script(_TAKE)
        self._book = client.register_script(_BOOK)
        self._release = client.register_script(_RELEASE)
        self._extend = client.register_script(_EXTEND)
        self._defer = client.register_script(_DEFER)
        self._wait = client.register_script(_WAIT)

    def key(self, host: str) -> str:
        return f"{self._prefix}:host:{host}"

    # -- turns, as the actors use them -------------------------------------------------
    def take(self, host: str, token: str, *, booked: bool) -> int:
        """0 when `token` now holds `host`'s slot, else milliseconds to wait first."""
        return int(self._take(keys=[self.key(host)],
                              args=[token, self._lease_ms, self._gap_ms, int(booked),
                                    MIN_WAIT_MS, IDLE_KEY_MS]))

    def book(self, host: str, count: int) -> list[int]:
        """Book `count` successive starts on `host`, one gap apart after what is booked
        already: the milliseconds until each (messages sent with these delays, booked)."""
        if count <= 0:
            return []
        waits = self._book(keys=[self.key(host)], args=[count, self._gap_ms, IDLE_KEY_MS])
        return [max(0, int(w)) for w in waits]

    def release(self, host: str, token: str, turn: HeldTurn | None = None) -> None:
        """The turn is over: the gap counts from its last answer (from now without one)."""
        since = turn.since_answer_ms() if turn is not None else 0
        self._release(keys=[self.key(host)],
                      args=[token, self._gap_ms, IDLE_KEY_MS, since])

    def hold(self, host: str, token: str) -> HeldTurn:
        """The turn `token` holds on `host` (after `take` returned 0); run its requests
        `within` it, then `release` it."""
        return HeldTurn(host, token)

    @staticmethod
    @contextlib.contextmanager
    def within(turn: HeldTurn) -> Iterator[None]:
        """The current task's requests to `turn.host` go through `turn`."""
        mark = _turn.set(turn)
        try:
            yield
        finally:
            _turn.reset(mark)

    def slots_waiting(self) -> int:
        """Hosts with a request booked for later (a figure for metrics)."""
        now_ms = int(time.time() * 1000)
        count = 0
        for key in self._redis.scan_iter(match=f"{self._prefix}:host:*", count=500):
            booked = self._redis.hget(key, "booked")
            if booked is not None and int(booked) > now_ms:
                count += 1
        return count

    # -- the HostPacer interface the fetch chain calls ----------------------------------
    def set_crawl_delay(self, host: str, seconds: float) -> None:
        self._redis.hset(self.key(host), "delay", int(seconds * 1000))

    def defer(self, host: str, seconds: float) -> None:
        self._defer(keys=[self.key(host)], args=[int(seconds * 1000), IDLE_KEY_MS])

    def wait_before_start(self, host: str) -> float:
        return int(self._wait(keys=[self.key(host)])) / 1000.0

    def _gap_seconds(self, host: str) -> float:
        delay = self._redis.hget(self.key(host), "delay")
        return max(self._gap_ms, int(delay or 0)) / 1000.0

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        turn = _turn.get()
        if turn is not None and turn.host == host:
            async with turn.lock:
                if turn.used:  # a second request in one turn: the gap, slot kept
                    await asyncio.sleep(max(0.0, turn.next_start - time.monotonic(),
                                            self.wait_before_start(host)))
                    self._extend(keys=[self.key(host)], args=[turn.token, self._lease_ms])
                turn.used = True
                with watching_answer(self._clock) as answer:
                    try:
                        yield
                    finally:
                        turn.counted_from = (answer.at if answer.at is not None
                                             else time.monotonic())
                        turn.next_start = turn.counted_from + self._gap_seconds(host)
            return
        # Outside a turn (a tool, a test): wait for the slot, sleeping.
        token = f"direct:{id(asyncio.current_task())}:{time.monotonic_ns()}"
        booked = False
        while (wait := self.take(host, token, booked=booked)) > 0:
            booked = True
            await asyncio.sleep(wait / 1000.0)
        own = self.hold(host, token)
        try:
            with self.within(own):
                async with self.slot(host):
                    yield
        finally:
            self.release(host, token, own)
