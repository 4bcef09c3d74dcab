"""Fixtures shared by every test package, and the hypothesis profiles.

Property tests are deterministic in CI ("ci", the default: derandomized, a bounded
budget). `make fuzz` selects "fuzz": random seeds and many more examples; what it
finds is written as a regression input (tests/fuzz/harness.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.browsing import chromium
from tests.fuzz import harness

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz", derandomize=False, max_examples=1000, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile("ci")  # `--hypothesis-profile=fuzz` on the command line overrides


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, one per test module (tests/browsing.py)."""
    with chromium() as instance:
        yield instance


def pytest_runtest_setup(item: pytest.Item) -> None:
    harness.forget()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Under `make fuzz`, a failing fuzz target leaves its minimal input in the corpus."""
    report = yield
    if (call.when == "call" and report.failed
            and settings.get_current_profile_name() == "fuzz"):
        saved = harness.save_failure()
        if saved is not None:
            report.sections.append(("fuzz", f"failing input saved to {saved}"))
    return report
