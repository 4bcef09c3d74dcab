"""Fleet politeness in Redis: one holder per host, the gap from the end, bookings in
order, Crawl-delay, Retry-After, and a dead holder's slot freed by expiry."""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Iterator

import pytest
import redis

from jarida.distributed.pacing import FleetPacer
from tests.distributed.conftest import REDIS_URL, _redis_up


@pytest.fixture
def pacer() -> Iterator[FleetPacer]:
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    client = redis.Redis.from_url(REDIS_URL)
    prefix = f"p{uuid.uuid4().hex[:8]}"
    yield FleetPacer(client, prefix=prefix, delay=0.3, slot_seconds=0.5)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def test_one_holder_and_the_gap_from_the_end(pacer: FleetPacer) -> None:
    assert pacer.take("a.test", "w1", booked=False) == 0
    assert pacer.take("a.test", "w2", booked=True) > 0       # busy
    assert pacer.take("b.test", "w2", booked=False) == 0     # another host is free
    time.sleep(0.2)                                           # the "request" lasts 0.2 s
    pacer.release("a.test", "w1")
    released = time.monotonic()
    wait = pacer.take("a.test", "w2", booked=True)
    assert 250 <= wait <= 300                                 # 0.3 s counted from the end
    while pacer.take("a.test", "w2", booked=True):
        time.sleep(0.01)
    assert time.monotonic() - released >= 0.29


def test_bookings_space_waiting_messages_a_gap_apart(pacer: FleetPacer) -> None:
    assert pacer.take("a.test", "w0", booked=False) == 0
    waits = [pacer.take("a.test", f"w{i}", booked=False) for i in range(1, 5)]
    steps = [b - a for a, b in itertools.pairwise(waits)]
    assert all(290 <= s <= 310 for s in steps), waits        # one start per gap
    pacer.release("a.test", "w0")
    # A fresh message queues behind the booked ones instead of cutting in.
    assert pacer.take("a.test", "late", booked=False) >= waits[-1]


def test_crawl_delay_and_retry_after(pacer: FleetPacer) -> None:
    pacer.set_crawl_delay("a.test", 1.0)
    assert pacer.take("a.test", "w1", booked=False) == 0
    pacer.release("a.test", "w1")
    assert pacer.take("a.test", "w2", booked=True) >= 950     # Crawl-delay beats the gap
    pacer.defer("b.test", 2.0)                                # a 429 with Retry-After: 2
    assert pacer.take("b.test", "w3", booked=True) >= 1950
    assert pacer.wait_before_start("b.test") >= 1.9


def test_a_dead_holders_slot_expires(pacer: FleetPacer) -> None:
    assert pacer.take("a.test", "dead", booked=False) == 0   # never released
    assert pacer.take("a.test", "w2", booked=True) > 0
    time.sleep(0.55)                                          # slot_seconds = 0.5
    assert pacer.take("a.test", "w2", booked=True) == 0
    pacer.release("a.test", "dead")                           # late: changes no holder
    assert pacer.take("a.test", "w3", booked=True) > 0
