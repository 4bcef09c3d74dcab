"""`jarida queue status` and `retry` on both brokers: a message whose actor keeps failing
(the database unreachable) is dead-lettered at once (no retries left), counted, aged,
and replayed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from dramatiq import Worker

from jarida.distributed.queues import queue_status, retry_dead_letters
from tests.distributed.conftest import Fleet


def test_dead_letters_counted_and_replayed(fleet_factory: Callable[..., Fleet],
                                           broker_url: str) -> None:
    fleet = fleet_factory(broker_url, message_max_retries=0,
                          database_url="postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    app = fleet.app
    app.send_poll(4242)
    worker = Worker(app.broker, queues=set(app.queues.all), worker_threads=1)
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            rows = {r.name: r for r in queue_status(app.broker, app.queues)}
            if rows[app.queues.feeds].dead == 1:
                break
            time.sleep(0.2)
    finally:
        worker.stop()
    feeds = rows[app.queues.feeds]
    assert (feeds.ready, feeds.dead, feeds.oldest_age_seconds) == (0, 1, None)
    cli = {r["queue"]: r for r in json.loads(fleet.jarida("queue", "status", "--json").stdout)}
    assert cli[app.queues.feeds]["dead"] == 1 and cli[app.queues.articles]["dead"] == 0
    time.sleep(0.3)
    assert retry_dead_letters(app.broker, app.queues) == 1
    after = {r.name: r for r in queue_status(app.broker, app.queues)}[app.queues.feeds]
    assert (after.ready, after.dead) == (1, 0)
    # The replayed message keeps its first timestamp: its age counts from the first send.
    assert after.oldest_age_seconds is not None and after.oldest_age_seconds >= 0.3
    assert retry_dead_letters(app.broker, app.queues) == 0
