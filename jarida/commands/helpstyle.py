"""Help screens that show on/off options as plain flags.

Typer's rich help prints a value type beside every option, `<bool>` included, so
`--once <bool>` reads as if it took a value, while `--once true` is refused. An option
that is a flag takes no value and shows none.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperOption

_PATCHED = "_jarida_plain_flags"


def plain_flags() -> None:
    """Show no value type for flag options (idempotent)."""
    if getattr(TyperOption, _PATCHED, False):
        return
    typed = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else typed(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
    setattr(TyperOption, _PATCHED, True)
