"""How many threads the tone encoder uses: the `tone_threads` setting.

The command line calls `use_threads` with the loaded settings (config file included)
before any model is built; elsewhere (a library caller, a worker) the setting is read
from the environment (`JARIDA_TONE_THREADS`) through `jarida.settings`.
"""

from __future__ import annotations

_chosen: list[int] = []


def use_threads(count: int) -> None:
    """Build the encoder with COUNT threads (call before the model's first use)."""
    if count < 1:
        raise ValueError(f"tone threads must be at least 1, not {count}")
    _chosen[:] = [count]


def encoder_threads() -> int:
    """The count given to `use_threads`, else the `tone_threads` setting."""
    if _chosen:
        return _chosen[0]
    from jarida.settings import load_settings

    return load_settings().tone_threads
