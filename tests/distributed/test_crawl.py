"""Distributed crawling end to end, on RabbitMQ and on Redis: scheduler, workers, store."""

from __future__ import annotations

import itertools
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from jarida.distributed.scheduler import enqueue_due
from jarida.storage import feeds as feed_store
from tests.distributed.conftest import Fleet
from tests.pipeline.site import publish
from tests.webserver import TestServer


def test_workers_crawl_a_feed_politely(fleet_factory: Callable[..., Fleet], broker_url: str,
                                       web: TestServer) -> None:
    fleet = fleet_factory(broker_url)
    publish(web, count=6)
    fleet.register(web.url("/feed.xml"))
    scheduler = subprocess.Popen([sys.executable, "-m", "jarida", "scheduler"],
                                 env=fleet._env(), stdout=subprocess.PIPE, text=True)
    worker = fleet.start_worker(threads=3)
    fleet.start_worker(threads=3)
    try:
        fleet.wait_for(lambda: fleet.stored() == 6, 60, "six articles")
        time.sleep(1.0)  # the scheduler looks again: the feed is not due any more
    finally:
        scheduler.send_signal(signal.SIGTERM)
        output, _ = scheduler.communicate(timeout=10)
    assert scheduler.returncode == 0 and "stopped after enqueuing 1 feeds" in output
    assert enqueue_due(fleet.db, fleet.app.send_poll, owner="test") == []
    assert sorted(Counter(fleet.urls()).values()) == [1] * 6
    # The feed's poll settled it: validators saved, claim gone, next poll in the future.
    with fleet.db.read() as conn:
        feed = feed_store.due_feeds(conn, datetime.max.replace(tzinfo=UTC))[0]
    assert feed.etag == '"v1"' and feed.last_polled_at is not None
    # One host, six workers' threads: never two requests at once, the gap between starts.
    starts = sorted(r.at for r in web.requests if r.path.startswith(("/a/", "/feed", "/robots")))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) >= 8 and min(gaps) >= 0.2 - 0.01, gaps
    assert web.count("/robots.txt") == 1  # once for the fleet
    status = json.loads(fleet.jarida("queue", "status", "--json").stdout)
    assert {row["queue"] for row in status} == set(fleet.app.queues.all)
    assert all(row["ready"] == 0 and row["dead"] == 0 for row in status)
    stopping = time.monotonic()
    worker.send_signal(signal.SIGTERM)  # to the master, which stops its processes
    assert worker.wait(10) == 0 and time.monotonic() - stopping < 10  # within Docker's 10 s


def test_refused_on_sqlite_and_without_broker(fleet_factory: Callable[..., Fleet],
                                              tmp_path: object) -> None:
    fleet = fleet_factory("redis://127.0.0.1:6379/11")
    fleet.env["JARIDA_DATABASE_URL"] = f"sqlite:///{tmp_path}/j.db"
    done = fleet.jarida("worker", check=False)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("jarida: error: distributed mode needs PostgreSQL")
    assert len(done.stderr.strip().splitlines()) == 1
    del fleet.env["JARIDA_BROKER_URL"]
    done = fleet.jarida("scheduler", check=False)
    assert done.returncode == 2 and "needs JARIDA_BROKER_URL" in done.stderr


def test_retry_after_holds_the_host_for_the_fleet(fleet_factory: Callable[..., Fleet],
                                                  web: TestServer) -> None:
    from tests.pipeline.site import article_page
    from tests.webserver import Reply

    fleet = fleet_factory("redis://127.0.0.1:6379/11", max_retries=2)
    publish(web, count=3)
    page = article_page(1, "Mobilité urbaine : le plan numéro 1 adopté")
    web.route("/a/1", sequence=[Reply(429, headers={"Retry-After": "1"}),
                                Reply(200, page, {"Content-Type": "text/html; charset=utf-8"})])
    fleet.register(web.url("/feed.xml"))
    enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
    fleet.start_worker(threads=3)
    fleet.wait_for(lambda: fleet.stored() == 3, 60, "three articles")
    first = [r for r in web.requests if r.path.split("?")[0] == "/a/1"]
    assert len(first) == 2  # refused once, fetched again (through the broker)
    starts = sorted(r.at for r in web.requests)
    refused = first[0].at
    after = [t for t in starts if t > refused]
    assert after and after[0] - refused >= 1.0 - 0.02  # nobody asked the host sooner


def test_first_polls_spend_no_thread_on_the_gap_after_robots(
        fleet_factory: Callable[..., Fleet], broker_url: str) -> None:
    """A feed's first poll asks for robots.txt, then the feed one gap later: the worker's
    thread goes on to other hosts meanwhile, so one thread starts three hosts at once."""
    fleet = fleet_factory(broker_url, host_delay_seconds=1.0,
                          private_network_allowlist='["127.0.0.0/8"]')
    servers = [TestServer(f"127.0.0.{n}").start() for n in (2, 3, 4)]
    try:
        for n, server in enumerate(servers):
            publish(server, count=1)
            fleet.register(server.url("/feed.xml"), slug=f"journal-{n}")
        assert len(enqueue_due(fleet.db, fleet.app.send_poll, owner="test")) == 3
        fleet.start_worker(threads=1)
        fleet.wait_for(lambda: fleet.stored() == 3, 60, "three articles")
    finally:
        for server in servers:
            server.stop()
    robots = [min(r.at for r in s.requests if r.path == "/robots.txt") for s in servers]
    feeds = [min(r.at for r in s.requests if r.path == "/feed.xml") for s in servers]
    # Holding the thread for each host's gap would space the robots.txt requests a
    # second apart; here all three go out before the first feed's turn comes.
    assert max(robots) - min(robots) < 0.8, robots
    assert max(robots) < min(feeds), (robots, feeds)
    assert all(feed - first >= 1.0 - 0.01 for feed, first in zip(feeds, robots, strict=True))
    assert all(s.count("/robots.txt") == 1 for s in servers)
