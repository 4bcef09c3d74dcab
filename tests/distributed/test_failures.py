"""No loss, no duplicate: a worker killed mid-article, the database cut, a message that
keeps failing (dead letters, `jarida queue status`, `jarida queue retry`), the broker
restarted mid-crawl."""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from collections.abc import Callable

import pytest

from jarida.distributed.scheduler import enqueue_due
from tests.distributed.conftest import RABBIT_URL, REDIS_URL, Fleet, Pg
from tests.pipeline.site import publish
from tests.tcpproxy import TcpProxy
from tests.webserver import TestServer


def _pages_requested(web: TestServer) -> int:
    return sum(1 for r in web.requests if r.path.startswith("/a/"))


def test_worker_killed_mid_article_stored_once(fleet_factory: Callable[..., Fleet],
                                               web: TestServer, broker_url: str) -> None:
    """On both brokers, within a bound: with Redis, Dramatiq's own heartbeat would keep
    the killed worker's messages for 60 s and more (`broker.HEARTBEAT_TIMEOUT_MS`)."""
    fleet = fleet_factory(broker_url, host_slot_seconds=3)
    publish(web, count=4, delay=1.5)  # each page answers after 1.5 s: time to kill
    fleet.register(web.url("/feed.xml"))
    enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
    first = fleet.start_worker(threads=1)
    fleet.wait_for(lambda: _pages_requested(web) >= 2, 60, "a page in flight")
    fleet.kill(first)  # SIGKILL, whole process group, while a page is being fetched
    before = fleet.stored()
    assert before < 4
    killed_at = time.monotonic()
    fleet.start_worker(threads=2)
    fleet.wait_for(lambda: fleet.stored() == 4, 30, "four articles within 30 s of the kill")
    assert time.monotonic() - killed_at < 30
    time.sleep(1.0)  # anything still replaying would show up now
    assert sorted(Counter(fleet.urls()).values()) == [1] * 4
    # The killed worker's unacknowledged message was delivered again and fetched again.
    assert _pages_requested(web) >= 5


@pytest.mark.parametrize("broker", ["redis"])
def test_database_cut_retried_then_dead_letters_replayed(
        pg: Pg, fleet_factory: Callable[..., Fleet], web: TestServer, broker: str) -> None:
    from urllib.parse import urlsplit

    target = urlsplit(pg.url.replace("postgresql+psycopg", "postgresql"))
    with TcpProxy((target.hostname or "127.0.0.1", target.port or 5432)) as proxy:
        proxied = pg.url.replace(f"{target.hostname}:{target.port or 5432}",
                                 f"127.0.0.1:{proxy.port}")
        fleet = fleet_factory(REDIS_URL, database_url=proxied, message_max_retries=1)
        publish(web, count=2)
        fleet.register(web.url("/feed.xml"))
        fleet.start_worker(threads=1)
        # The worker is up (it checked the schema through the proxy) once it consumes: a
        # fixed sleep is too short on a loaded machine.
        beats = f"{fleet.prefix}:__heartbeats__"
        fleet.wait_for(lambda: fleet.app.broker.client.zcard(beats) > 0,  # type: ignore[attr-defined]
                       60, "the worker consuming")
        # 1. The connection drops for a moment: the message is retried and succeeds.
        proxy.cut()
        enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
        time.sleep(0.5)
        proxy.restore()
        fleet.wait_for(lambda: fleet.stored() == 2, 60, "two articles after the cut")
        # 2. The database stays away: retried once, then dead-lettered.
        proxy.cut()
        with fleet.db.write() as conn:  # (the test's own connection is not proxied)
            from sqlalchemy import update

            from jarida.storage.tables import feeds
            conn.execute(update(feeds).values(next_poll_at=None, etag=None, body_hash=None))
        publish(web, count=3, etag='"v2"')
        assert enqueue_due(fleet.db, fleet.app.send_poll, owner="test")

        def dead() -> int:
            rows = json.loads(fleet.jarida("queue", "status", "--json").stdout)
            return sum(r["dead"] for r in rows)

        fleet.wait_for(lambda: dead() == 1, 60, "a dead letter")
        assert fleet.stored() == 2
        proxy.restore()
        done = fleet.jarida("queue", "retry")
        assert "1 dead letters enqueued again" in done.stdout
        fleet.wait_for(lambda: fleet.stored() == 3, 60, "the replayed poll's article")
        assert dead() == 0


def test_rabbitmq_restart_mid_crawl(fleet_factory: Callable[..., Fleet],
                                    web: TestServer) -> None:
    fleet = fleet_factory(RABBIT_URL, host_delay_seconds=0.5)
    publish(web, count=8)
    fleet.register(web.url("/feed.xml"))
    fleet.start_worker(threads=2)
    enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
    fleet.wait_for(lambda: fleet.stored() >= 1, 60, "a first article")
    subprocess.run(["rabbitmqctl", "stop_app"], check=True, capture_output=True, timeout=60)
    time.sleep(1.0)
    subprocess.run(["rabbitmqctl", "start_app"], check=True, capture_output=True, timeout=60)
    fleet.wait_for(lambda: fleet.stored() == 8, 90, "eight articles after the restart")
    assert sorted(Counter(fleet.urls()).values()) == [1] * 8


def test_two_schedulers_never_enqueue_a_feed_twice(fleet_factory: Callable[..., Fleet],
                                                   broker_url: str) -> None:
    import threading

    fleet = fleet_factory(broker_url)
    for i in range(120):
        fleet.register(f"http://127.0.0.1:9/{i}/feed.xml", slug=f"outlet-{i}")
    sent: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def send(feed_id: int) -> None:
        fleet.app.send_poll(feed_id)
        with lock:
            sent.append(feed_id)

    def scheduler(owner: str) -> None:
        start.wait()
        while enqueue_due(fleet.db, send, owner=owner, limit=7):
            pass

    threads = [threading.Thread(target=scheduler, args=(f"s{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(sent) == 120 and len(set(sent)) == 120
    rows = json.loads(fleet.jarida("queue", "status", "--json").stdout)
    assert {r["queue"]: r["ready"] for r in rows}[fleet.app.queues.feeds] == 120


def test_redis_broker_restart_mid_crawl(fleet_factory: Callable[..., Fleet], web: TestServer,
                                        tmp_path: object) -> None:
    """A Redis of the test's own (port 6391, nothing saved) is the broker; it is shut
    down and started again mid-crawl."""
    import shutil

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = 6391
    start = ["redis-server", "--port", str(port), "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(tmp_path), "--daemonize", "yes"]
    subprocess.run(start, check=True, capture_output=True)
    try:
        fleet = fleet_factory(f"redis://127.0.0.1:{port}/0", host_delay_seconds=0.5)
        publish(web, count=8)
        fleet.register(web.url("/feed.xml"))
        fleet.start_worker(threads=2)
        enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
        fleet.wait_for(lambda: fleet.stored() >= 1, 60, "a first article")
        subprocess.run(["redis-cli", "-p", str(port), "shutdown"], capture_output=True)
        time.sleep(1.0)
        subprocess.run(start, check=True, capture_output=True)
        fleet.wait_for(lambda: fleet.stored() == 8, 90, "eight articles after the restart")
        assert sorted(Counter(fleet.urls()).values()) == [1] * 8
    finally:
        subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"],
                       capture_output=True)
