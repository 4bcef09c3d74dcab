"""The statistics behind the spike and tone-surge rules, on plain numbers.

Spike: the count `n` of a window (a day or an hour) against a baseline rate `lam`, the
mean count of the same window length over the trailing 14 days (for an hour, at least the
mean of that clock hour over those days, with alpha / 24: `hour_spike`). A spike needs:
`n >= min_count`, `n >= ratio * lam`, and the Poisson upper tail P(X >= n | lam) <= alpha.
The baseline is floored at `BASELINE_FLOOR` per day so that a subject never mentioned
before does not alert on its first few mentions; the ratio keeps a very busy subject
(where Poisson tails are tiny for ordinary day-to-day wobble, since news counts are
over-dispersed) from alerting on a modest rise.

Tone surge: `k` negative mentions out of `n` in the window against the baseline negative
share `p` = (negative + 1) / (total + 2) over the trailing 14 days (one pseudo-mention
each way, so an empty history gives 1/2, never 0); a surge needs `k >= min_negative`,
a share k/n at least `SURGE_SHARE_GAP` above p, and the binomial upper tail
P(X >= k | n, p) <= alpha.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, replace

BASELINE_DAYS = 14
BASELINE_FLOOR = 1.0  # mentions per day assumed at least, for the baseline
SURGE_SHARE_GAP = 0.25


@dataclass(frozen=True)
class Verdict:
    alert: bool
    observed: int
    expected: float  # the baseline for this window
    tail: float  # probability of at least `observed` under the baseline


def poisson_tail(n: int, lam: float) -> float:
    """P(X >= n) for X ~ Poisson(lam), computed in log space (stable for large n)."""
    if n <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    # 1 - P(X <= n-1); sum the lower terms when they are the smaller side.
    log_terms = [k * math.log(lam) - lam - math.lgamma(k + 1) for k in range(n)]
    lower = math.fsum(math.exp(t) for t in log_terms)
    if lower < 0.5:
        return max(0.0, 1.0 - lower)
    upper, k = 0.0, n
    term = n * math.log(lam) - lam - math.lgamma(n + 1)
    while True:  # the upper tail directly, to keep precision when it is tiny
        value = math.exp(term)
        upper += value
        if value < upper * 1e-16 or k > n + 10_000:
            return min(1.0, upper)
        k += 1
        term += math.log(lam) - math.log(k)


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    p = min(max(p, 1e-12), 1 - 1e-12)
    terms = (math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
             + i * math.log(p) + (n - i) * math.log(1 - p) for i in range(k, n + 1))
    return min(1.0, math.fsum(math.exp(t) for t in terms))


def baseline_rate(history: list[int], window_hours: int) -> float:
    """Expected count of a window of `window_hours` from the trailing daily counts."""
    days = max(1, len(history))
    per_day = max(BASELINE_FLOOR, sum(history) / days)
    return per_day * window_hours / 24.0


def _judge(n: int, lam: float, min_count: int, ratio: float, alpha: float) -> Verdict:
    tail = poisson_tail(n, lam)
    return Verdict(n >= min_count and n >= ratio * lam and tail <= alpha, n, lam, tail)


def burstiness(history: list[int]) -> float:
    """Squared coefficient of variation of the daily rate beyond Poisson noise:
    (variance - mean) / mean², 0 for a Poisson history (method of moments)."""
    if len(history) < 2:
        return 0.0
    mean = statistics.fmean(history)
    if mean <= 0:
        return 0.0
    return max(0.0, (statistics.variance(history) - mean) / mean**2)


def _stands_out(n: int, lam: float, cv2: float, alpha: float) -> bool:
    """A z-score over the history's own spread (Poisson noise plus the rate's wobble)."""
    z = (n - lam) / math.sqrt(lam + lam * lam * cv2)
    return z >= statistics.NormalDist().inv_cdf(1 - alpha)


def spike(n: int, history: list[int], *, window_hours: int = 24, min_count: int = 5,
          ratio: float = 3.0, alpha: float = 0.001) -> Verdict:
    """Is `n` mentions in one window a spike over the daily counts in `history`?

    Besides the Poisson tail, the count must stand out from the history's own spread:
    (n - lam) / sqrt(lam + lam² · burstiness) at least the normal quantile of 1 - alpha
    (3.09 for 0.001). On a Poisson history this adds almost nothing; on a bursty one it
    keeps ordinary bursts from alerting."""
    lam = baseline_rate(history, window_hours)
    verdict = _judge(n, lam, min_count, ratio, alpha)
    if verdict.alert and not _stands_out(n, lam, burstiness(history), alpha):
        return replace(verdict, alert=False)
    return verdict


def hour_spike(n: int, history: list[int], usual: float, *, min_count: int = 5,
               ratio: float = 3.0, alpha: float = 0.001) -> Verdict:
    """Is `n` mentions in one clock hour a spike?

    The baseline is the larger of a 24th of the daily baseline and `usual`, the mean count
    of the same clock hour over the trailing days, so the midday rush of a busy subject is
    not news; alpha is divided by 24 (a day has 24 hours to be tested), and the days'
    burstiness carries over to their hours."""
    lam = max(baseline_rate(history, 1), usual)
    verdict = _judge(n, lam, min_count, ratio, alpha / 24)
    if verdict.alert and not _stands_out(n, lam, burstiness(history), alpha / 24):
        return replace(verdict, alert=False)
    return verdict


def negative_surge(negative: int, total: int, past_negative: int, past_total: int, *,
                   min_negative: int = 3, alpha: float = 0.001) -> Verdict:
    """Is `negative` out of `total` mentions a surge over the trailing negative share?"""
    share = (past_negative + 1) / (past_total + 2)
    tail = binomial_tail(negative, total, share)
    gap = negative / total - share if total else 0.0
    alert = negative >= min_negative and gap >= SURGE_SHARE_GAP and tail <= alpha
    return Verdict(alert, negative, share * total, tail)
