"""A worker process counts its Dramatiq threads: half may wait in their thread for a
host's turn, and half may wait for their page's transaction in one batch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dramatiq import Worker
from dramatiq.brokers.stub import StubBroker

from jarida.distributed.tasks import Runtime, worker_threads
from jarida.settings import Settings


def _ignore(*args: Any, **kwargs: Any) -> None:
    return None


@pytest.fixture
def four_threads() -> Iterator[None]:
    broker = StubBroker()
    broker.emit_after("process_boot")
    worker = Worker(broker, worker_threads=4, worker_timeout=100)
    worker.start()
    try:
        yield
    finally:
        worker.stop()
        broker.close()


def _runtime(**overrides: Any) -> Runtime:
    settings = Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:1/unused",
                        politeness_redis_url="redis://127.0.0.1:1/0", **overrides)
    return Runtime(settings, send_poll=_ignore, send_article=_ignore, send_image=_ignore)


def test_half_the_threads_may_wait_for_a_host(four_threads: None) -> None:
    assert worker_threads() == 4
    rt = _runtime()
    assert [rt._may_wait() for _ in range(3)] == [True, True, False]
    rt._done_waiting()
    assert rt._may_wait()


def test_a_batch_holds_at_most_half_the_threads(four_threads: None) -> None:
    assert _runtime()._batch_size() == 2
    assert _runtime(write_batch_size=1)._batch_size() == 1


def test_outside_a_worker_process_the_batch_size_setting_holds() -> None:
    assert worker_threads() == 0
    assert _runtime(write_batch_size=7)._batch_size() == 7
