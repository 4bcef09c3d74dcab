"""What one sending attempt came to, for the outbox's state machine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    ok: bool
    retry: bool = False  # worth trying again later (network, 5xx, 429, SMTP 4xx)
    error: str = ""
    retry_after: float | None = None  # seconds the receiver asked us to wait (Retry-After)


SENT = Outcome(ok=True)


def retry(error: str, retry_after: float | None = None) -> Outcome:
    return Outcome(ok=False, retry=True, error=error, retry_after=retry_after)


def give_up(error: str) -> Outcome:
    return Outcome(ok=False, retry=False, error=error)
