"""The reader's website, JSON API and feeds over the storage layer.

`create_app` builds the ASGI application; `jarida.web.server` runs it (one process, or
`--workers N` forked processes on one socket). It is imported on first use: commands that
only need a part of this package (the translations, say) don't load the whole web stack,
about 0.7 s of every `jarida` start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jarida.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from jarida.web.app import create_app

        return create_app
    raise AttributeError(f"module 'jarida.web' has no attribute {name!r}")
