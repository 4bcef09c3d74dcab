"""A shorter bench.freshness run (one outlet in two) pins the freshness floors."""

from __future__ import annotations

from bench.freshness import run


def test_adaptive_schedule_beats_fixed_polling_at_the_same_budget() -> None:
    result = run(seed=11, every=2)
    jarida, fixed = result["jarida"], result["fixed"]
    assert isinstance(jarida, dict) and isinstance(fixed, dict)
    assert jarida["requests_per_day"] == fixed["requests_per_day"]
    assert result["median_ratio"] <= 0.6  # type: ignore[operator]
    assert jarida["busy_p95_minutes"] <= 30
    assert jarida["missed"] == 0
