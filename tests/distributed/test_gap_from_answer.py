"""The fleet's gap has the inline crawler's meaning: from the answer to the previous
request (its headers), never less than the gap from start to start, as the server sees
it; a message waits for a near turn in its thread and is sent back for a far one."""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from jarida.distributed.tasks import EARLY_MS, LOCAL_WAIT_MS, Runtime
from jarida.pipeline.stages import host_of
from jarida.settings import Settings
from tests.distributed.conftest import REDIS_URL, _redis_up
from tests.webserver import TestServer

GAP = 0.6
GAP_MS = 600
DRIP = 0.15  # the body: 4 bytes, one every 0.15 s after the headers (in 0.45 s)


def _ignore(*args: Any, **kwargs: Any) -> None:
    return None


@pytest.fixture
def runtime() -> Iterator[Runtime]:
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    prefix = f"g{uuid.uuid4().hex[:8]}"
    settings = Settings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:1/unused",  # never opened
        politeness_redis_url=REDIS_URL, queue_prefix=prefix, host_delay_seconds=GAP,
        private_network_allowlist=["127.0.0.1"], image_fetch_limit=0, total_timeout=10,
        host_slot_seconds=15)
    rt = Runtime(settings, send_poll=_ignore, send_article=_ignore, send_image=_ignore)
    yield rt
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def _fetch_in_turn(rt: Runtime, url: str) -> None:
    host, token = host_of(url), uuid.uuid4().hex
    while wait := rt.pacer.take(host, token, booked=True):
        time.sleep(wait / 1000.0)
    rt.turn(host, token, lambda: rt.fetcher().fetch(url))


def test_the_gap_counts_from_the_answer_not_the_end_of_the_body(runtime: Runtime) -> None:
    with TestServer() as web:
        for path in ("/a", "/b", "/c"):
            web.route(path, body=b"abcd", drip=DRIP)  # headers at once, body 0.45 s later
        for path in ("/a", "/b", "/c"):
            _fetch_in_turn(runtime, web.url(path))
        starts = [web.requests_for(p)[0].at for p in ("/a", "/b", "/c")]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Counted from the end of the body, each start would come 0.45 + 0.6 s after the last.
    assert all(GAP - 0.005 <= g < GAP + 0.25 for g in gaps), gaps


def test_a_turn_reserves_the_next_start_one_gap_after_its_own(runtime: Runtime) -> None:
    pacer = runtime.pacer
    assert pacer.take("h.test", "w1", booked=False) == 0
    taken = time.monotonic()
    turn = pacer.hold("h.test", "w1")
    turn.counted_from = taken - 5.0  # an answer "before" the start cannot shorten the gap
    pacer.release("h.test", "w1", turn)
    wait = pacer.take("h.test", "w2", booked=True)
    assert GAP_MS - 60 <= wait + (time.monotonic() - taken) * 1000 <= GAP_MS + 20


def test_a_near_turn_is_waited_for_in_the_thread_a_far_one_sent_back(runtime: Runtime) -> None:
    pacer = runtime.pacer
    assert pacer.take("n.test", "w1", booked=False) == 0
    pacer.release("n.test", "w1")                          # next start: 0.6 s from now
    time.sleep(GAP - LOCAL_WAIT_MS / 2000)                  # now half LOCAL_WAIT_MS away
    started = time.monotonic()
    assert runtime.acquire("n.test", "w2", booked=True) == 0
    waited = time.monotonic() - started
    assert 0.5 * LOCAL_WAIT_MS / 2000 <= waited <= LOCAL_WAIT_MS / 1000 + 0.05
    pacer.release("n.test", "w2")
    pacer.defer("n.test", 3.0)                              # a Retry-After: 3
    started = time.monotonic()
    back = runtime.acquire("n.test", "w3", booked=True)
    assert time.monotonic() - started < 0.1                 # no thread sleeps 3 s
    assert 3000 - EARLY_MS - 60 <= back <= 3000 - EARLY_MS + 10


def test_a_feeds_entries_are_booked_a_gap_apart(runtime: Runtime) -> None:
    pacer = runtime.pacer
    assert pacer.book("b.test", 3)[0] == 0                  # free: the first starts now
    waits = pacer.book("b.test", 2)                         # after the three booked
    assert 3 * GAP_MS - 30 <= waits[0] <= 3 * GAP_MS
    assert waits[1] - waits[0] == GAP_MS
    assert pacer.take("b.test", "fresh", booked=False) >= waits[1]   # queues behind them
