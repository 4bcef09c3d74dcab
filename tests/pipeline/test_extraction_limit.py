"""A page whose extraction never ends fails alone, after the per-page time limit."""

from __future__ import annotations

import contextlib
import signal
import time
from typing import Any

import pytest

import jarida.extract
from jarida.pipeline.extraction import ExtractionTimeout, ExtractJob, run_job


def _job(limit: float) -> ExtractJob:
    return ExtractJob(body="<p>x</p>", url="https://j.example/a", timezone="UTC", fallback=None,
                      source_name=None, languages=(), time_limit=limit)


def _endless(*args: Any, **kwargs: Any) -> None:
    while True:
        # a library that swallows every Exception cannot swallow the limit
        with contextlib.suppress(Exception):
            time.sleep(0.01)


def test_endless_extraction_is_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jarida.extract, "extract_article", _endless)
    with pytest.raises(ExtractionTimeout, match=r"longer than 0\.3 s"):
        run_job(_job(0.3))


def test_the_limit_is_lifted_after_a_normal_page() -> None:
    before = signal.getsignal(signal.SIGALRM)
    outer, _ = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's alarm, if any
    extracted = run_job(_job(500.0))
    assert extracted.url == "https://j.example/a"
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    assert remaining <= outer  # ours is gone (it would read ~500 s); the outer one is back
    assert (remaining > 0) == (outer > 0)
    assert signal.getsignal(signal.SIGALRM) == before
