"""`jarida serve`: not wired yet."""

from __future__ import annotations

import typer


def register(root: typer.Typer) -> None:
    return None
