"""Helpers shared by the command modules."""

from __future__ import annotations

import typer

from jarida.context import AppContext


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_object(AppContext)
    assert obj is not None, "the root callback sets the context"
    return obj


def ensure_port_free(host: str, port: int) -> None:
    """Fail with one line (not a server traceback) when HOST:PORT cannot be listened on."""
    import socket

    from jarida.context import UserError

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
