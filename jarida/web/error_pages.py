"""Error pages for people: localised title and explanation, and a way back.

Handlers raise HTTPException with an English message (what the JSON API shows in its
problem details). A browser gets a page in its interface language instead: the message
is translated when it is one of the known ones below, and otherwise replaced by the
status's own explanation, so that no English (nor a parameter's raw value) reaches a
reader of another language.
"""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import HTMLResponse

from jarida.web.deps import app_state, interface
from jarida.web.i18n import Interface


def _(message: str) -> str:
    """Marks a message for the catalogues; translated when the page is rendered."""
    return message


TITLES: dict[int, str] = {
    400: _("This address is not valid"),
    404: _("Page not found"),
    405: _("This action is not possible here"),
    410: _("This page was withdrawn"),
    422: _("This address is not valid"),
    500: _("Something went wrong"),
}
GENERIC_TITLE = _("Something went wrong")
EXPLANATIONS: dict[int, str] = {
    400: _("Part of this address could not be understood."),
    404: _("There is nothing at this address."),
    405: _("This page can only be read."),
    422: _("Part of this address could not be understood."),
}
GENERIC_EXPLANATION = _("The page could not be shown. Please try again in a moment.")
# Messages handlers raise that readers may see as they are, once translated.
KNOWN_DETAILS = frozenset({
    _("This article does not exist."),
    _("This source does not exist."),
    _("This section does not exist."),
    _("There is no such day."),
    _("Unknown interface language."),
    _("The pagination cursor is not valid; start again from the first page."),
    _("Feeds exist as .rss and .atom."),
    _("Unknown language code."),
    _("This article was withdrawn by a moderator."),
})


def error_texts(ui: Interface, status: int, detail: str) -> tuple[str, str]:
    """The page's title and explanation in the reader's language."""
    title = ui.gettext(TITLES.get(status, GENERIC_TITLE))
    if detail in KNOWN_DETAILS:
        return title, ui.gettext(detail)
    return title, ui.gettext(EXPLANATIONS.get(status, GENERIC_EXPLANATION))


def render_error(request: Request, status: int, detail: str) -> Response:
    state, ui = app_state(request), interface(request)
    title, explanation = error_texts(ui, status, detail)
    body = state.renderer.render(
        "error.html", request, ui, status=status, title=title, detail=explanation
    )
    # Never cached by browsers or proxies: the same address may work a moment later.
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
