"""The spike and tone-surge statistics on crafted series, and their false-alarm rate on
synthetic Poisson and over-dispersed series (figures in docs/alerts.md)."""

from __future__ import annotations

import math
import random

import pytest

from jarida.alerts import spike as stats


def _poisson_tail_by_pmf(n: int, lam: float) -> float:
    return 1.0 - sum(math.exp(-lam) * lam**k / math.factorial(k) for k in range(n))


@pytest.mark.parametrize(("n", "lam"), [(1, 0.5), (5, 1.0), (6, 1.0), (12, 4.0), (30, 10.0)])
def test_poisson_tail_matches_the_sum_of_the_mass_function(n: int, lam: float) -> None:
    assert stats.poisson_tail(n, lam) == pytest.approx(_poisson_tail_by_pmf(n, lam), rel=1e-9)


def test_poisson_tail_stays_precise_far_in_the_tail() -> None:
    # P(X >= 100 | 10) is about 4.9e-63: 1 - P(X < 100) would round to 0.
    tail = stats.poisson_tail(100, 10.0)
    first_term = math.exp(100 * math.log(10) - 10 - math.lgamma(101))
    assert first_term < tail < first_term * 1.2


def test_binomial_tail_matches_the_sum_of_the_mass_function() -> None:
    direct = sum(math.comb(10, i) * 0.2**i * 0.8 ** (10 - i) for i in range(5, 11))
    assert stats.binomial_tail(5, 10, 0.2) == pytest.approx(direct, rel=1e-9)


def test_a_tripled_day_over_a_flat_baseline_is_a_spike() -> None:
    verdict = stats.spike(12, [3] * 14)
    assert verdict.alert and verdict.expected == 3.0 and verdict.tail < 1e-3


def test_an_ordinary_day_is_not() -> None:
    assert not stats.spike(5, [3] * 14).alert


def test_a_few_first_mentions_are_not_a_spike() -> None:
    assert not stats.spike(3, [0] * 14).alert  # under the minimum count
    assert not stats.spike(5, [0] * 14).alert  # P(X >= 5 | floor 1) = 0.0037 > alpha
    assert stats.spike(6, [0] * 14).alert  # P(X >= 6 | 1) = 0.0006


def test_a_busy_subject_needs_the_ratio_not_only_a_small_tail() -> None:
    verdict = stats.spike(150, [100] * 14)
    assert verdict.tail < 1e-5 and not verdict.alert  # 1.5x is news as usual
    assert stats.spike(300, [100] * 14).alert


def test_an_hour_is_judged_against_a_24th_of_the_daily_baseline() -> None:
    assert stats.spike(8, [24] * 14, window_hours=1).alert
    assert not stats.spike(3, [24] * 14, window_hours=1).alert


def test_negative_surge_needs_count_share_and_tail() -> None:
    assert stats.negative_surge(8, 10, 10, 100).alert
    assert not stats.negative_surge(2, 2, 0, 100).alert  # under the minimum
    assert not stats.negative_surge(12, 40, 30, 100).alert  # the usual share
    assert not stats.negative_surge(3, 10, 0, 0).alert  # no history: share 1/2


def _day_alert_rate(lam: float, days: int, seed: int, dispersion: float | None) -> float:
    """Share of days alerting on a series with no spike (Poisson, or gamma-Poisson)."""
    rng = random.Random(seed)

    def draw() -> int:
        rate = lam if dispersion is None else rng.gammavariate(dispersion, lam / dispersion)
        # Knuth's method in log space is slow for large rates; sum of small Poissons.
        total, left = 0, rate
        while left > 0:
            part = min(left, 20.0)
            limit, k, p = math.exp(-part), 0, 1.0
            while True:
                p *= rng.random()
                if p <= limit:
                    break
                k += 1
            total += k
            left -= part
        return total

    series = [draw() for _ in range(days + 14)]
    alerts = sum(stats.spike(series[i], series[i - 14:i]).alert for i in range(14, days + 14))
    return alerts / days


@pytest.mark.parametrize("lam", [0.2, 1.0, 3.0, 10.0, 50.0])
def test_false_alarm_rate_on_poisson_series_is_below_one_in_a_thousand_days(lam: float) -> None:
    assert _day_alert_rate(lam, 3000, seed=int(lam * 10), dispersion=None) <= 0.001


@pytest.mark.parametrize("lam", [1.0, 10.0, 50.0])
def test_false_alarm_rate_on_overdispersed_series_stays_low(lam: float) -> None:
    # Gamma-Poisson with shape 4 (variance lam + lam²/4): news days are burstier than Poisson.
    assert _day_alert_rate(lam, 3000, seed=int(lam * 7), dispersion=4.0) <= 0.01


def test_a_fivefold_day_is_found() -> None:
    rng = random.Random(5)
    found = 0
    for _ in range(200):
        history = [sum(rng.random() < 0.5 for _ in range(8)) for _ in range(14)]  # ~4/day
        found += stats.spike(20, history).alert
    assert found >= 190
