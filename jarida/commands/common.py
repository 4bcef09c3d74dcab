"""Helpers shared by the command modules."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import typer

from jarida.context import AppContext, UserError
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import sources as store

if TYPE_CHECKING:
    from jarida.metrics import MetricsServer

PORT = typer.Option(min=1, max=65535, help="Port to listen on (1-65535).")


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_object(AppContext)
    assert obj is not None, "the root callback sets the context"
    return obj


def ensure_port_free(host: str, port: int) -> None:
    """Fail with one line (not a server traceback) when HOST:PORT cannot be listened on."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UserError(f"cannot listen on {host}:{port}: {reason}") from None


def require_source(db: Database, slug: str) -> None:
    """Refuse an unknown slug, naming the closest registered ones."""
    with db.read() as conn:
        if store.source_by_slug(conn, slug) is not None:
            return
        known = sorted(store.slugs_in_use(conn))
    if not known:
        raise UserError(f"no source named {slug!r}: none is registered yet "
                        "(add one with `jarida sources add` or `jarida sources import`)")
    close = difflib.get_close_matches(slug, known, n=3) or known[:5]
    more = ", ..." if len(known) > len(close) else ""
    raise UserError(f"no source named {slug!r} (known: {', '.join(close)}{more}; "
                    "see `jarida sources list`)")


def start_metrics_port(settings: Settings, db: Database) -> MetricsServer | None:
    """Serve Prometheus metrics on `JARIDA_METRICS_PORT` (with the feeds' lateness read
    from `db`), or nothing when it is unset; a taken port fails with one line."""
    if settings.metrics_port is None:
        return None
    from jarida.metrics import serve_metrics, watch_feeds

    try:
        server = serve_metrics(settings.metrics_port, settings.metrics_address)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UserError(f"cannot serve metrics on {settings.metrics_address}:"
                        f"{settings.metrics_port}: {reason}") from None
    watch_feeds(db)
    return server
