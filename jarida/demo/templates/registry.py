"""Which shell and article markup each outlet uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from jarida.demo.templates import layouts_a, layouts_b, layouts_c
from jarida.demo.templates.view import ArticleView, Chrome


class Layout(NamedTuple):
    """An outlet's page shell and its article markup."""

    shell: Callable[[Chrome, str, str], str]
    article: Callable[[ArticleView, Chrome], str]


LAYOUTS: dict[str, Layout] = {
    "courrier-atlas": Layout(layouts_a.courrier_shell, layouts_a.courrier_article),
    "akhbar-maghrib": Layout(layouts_a.akhbar_shell, layouts_a.akhbar_article),
    "diario-estrecho": Layout(layouts_a.diario_shell, layouts_a.diario_article),
    "casablanca-business": Layout(layouts_b.casa_shell, layouts_b.casa_article),
    "rif-express": Layout(layouts_b.rif_shell, layouts_b.rif_article),
    "echo-souss": Layout(layouts_b.echo_shell, layouts_b.echo_article),
    "maghreb-wire": Layout(layouts_c.wire_shell, layouts_c.wire_article),
    "atlas-tech": Layout(layouts_c.tech_shell, layouts_c.tech_article),
    "phare-detroit": Layout(layouts_c.phare_shell, layouts_c.phare_article),
}
