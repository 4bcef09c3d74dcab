"""Threads of one process use lxml one at a time (jarida/lxml_turn.py): extraction and
the poll's feed parsing take the process's turn, so a worker's threads never parse or
copy trees at once (libxml2 then crashed the process now and then)."""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest

import jarida.extract
import jarida.pipeline.poll as poll_module
from jarida.lxml_turn import _TURN, lxml_turn
from jarida.pipeline.extraction import ExtractJob, run_job


def _job(n: int) -> ExtractJob:
    return ExtractJob(body=f"<p>page {n}</p>", url=f"https://j.example/{n}", timezone="UTC",
                      fallback=None, source_name=None, languages=())


def test_threads_extract_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    lock = threading.Lock()
    inside, most = [0], [0]

    def extract(*args: Any, **kwargs: Any) -> str:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.02)  # lets the other threads run, as libxml2 does while it parses
        with lock:
            inside[0] -= 1
        return "extracted"

    monkeypatch.setattr(jarida.extract, "extract_article", extract)
    errors: list[BaseException] = []

    def work(first: int) -> None:
        try:
            for n in range(first, first + 3):
                assert run_job(_job(n)) == "extracted"
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i * 10,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert inside[0] == 0
    assert most[0] == 1  # 18 extractions in 6 threads, never two at once


def test_a_polls_feed_parsing_holds_the_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    held: list[bool] = []

    def parse_feed(*args: Any, **kwargs: Any) -> Any:
        held.append(_TURN._is_owned())  # type: ignore[attr-defined]
        return SimpleNamespace(entries=[], kind="rss", error=None)

    monkeypatch.setattr(poll_module, "parse_feed", parse_feed)
    feed = SimpleNamespace(kind="rss", last_polled_at=None)
    poll = SimpleNamespace(entries=None, error=None, extra_fetches=[])
    asyncio.run(poll_module._read_entries(None, feed, b"<rss/>", "https://j.example/",  # type: ignore[arg-type]
                                          poll, None))  # type: ignore[arg-type]
    assert held == [True]
    assert not _TURN._is_owned()  # type: ignore[attr-defined]


def test_a_thread_waits_for_the_turn_another_holds() -> None:
    order: list[str] = []
    started = threading.Event()

    def other() -> None:
        started.set()
        with lxml_turn():
            order.append("other")

    # reentrant: an extraction may parse inside another's turn
    with lxml_turn(), lxml_turn():
        thread = threading.Thread(target=other)
        thread.start()
        started.wait(5)
        time.sleep(0.05)
        order.append("holder")
    thread.join(5)
    assert order == ["holder", "other"]
