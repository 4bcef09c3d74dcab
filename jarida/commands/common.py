"""Helpers shared by the command modules."""

from __future__ import annotations

import typer

from jarida.context import AppContext


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_object(AppContext)
    assert obj is not None, "the root callback sets the context"
    return obj
