"""Jinja2 rendering with autoescape on, and the small helpers templates may call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from jarida.moderation.reporting import reason_labels
from jarida.settings import Settings
from jarida.web.i18n import LANGUAGES, Interface, text_direction
from jarida.web.imagery import lead_image


def safe_url(url: str | None) -> str:
    """Only http(s) links leave Jarida; anything else (javascript:, data:) becomes '#'."""
    if not url:
        return "#"
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else "#"


def original_url(canonical_url: str | None, url: str | None) -> str:
    """Where an article lives at its source: the cleaned canonical address when there is
    one (tracking parameters removed), else the address it was fetched from."""
    canonical = safe_url(canonical_url)
    return canonical if canonical != "#" else safe_url(url)


def json_script(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text)  # noqa: S704 - escaped above for the script context


def with_query(request: Request, **changes: str | None) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


@dataclass(frozen=True, slots=True)
class Chrome:
    """The site's header and footer in one interface language (templates/_chrome.html)."""

    header_start: Markup
    header_end: Markup
    footer: Markup


class Renderer:
    """One Jinja environment per application; pages get the reader's Interface.

    The header and footer depend on the interface language alone: they are rendered once
    per language (`chrome`) and every page reuses them.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.env = Environment(
            loader=PackageLoader("jarida.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            # Templates ship inside the package: no need to stat them on every render.
            auto_reload=False,
        )
        self.env.filters["safe_url"] = safe_url
        self.env.filters["urlpart"] = lambda value: quote(str(value), safe="")
        self.env.globals.update(
            site_name=settings.site_name,
            languages=LANGUAGES,
            text_direction=text_direction,
            lead_image=lead_image,
            report_reasons=reason_labels,
        )
        self._chrome: dict[Interface, Chrome] = {}

    def chrome(self, ui: Interface) -> Chrome:
        found = self._chrome.get(ui)
        if found is None:
            parts: Any = self.env.get_template("_chrome.html").make_module(
                {"ui": ui, "_": ui.gettext}
            )
            found = Chrome(parts.header_start(), parts.header_end(), parts.footer())
            self._chrome[ui] = found  # a few languages: no bound needed
        return found

    def render(self, name: str, request: Request, ui: Interface, **context: Any) -> bytes:
        here = request.url.path + ("?" + request.url.query if request.url.query else "")
        html = self.env.get_template(name).render(
            request=request,
            ui=ui,
            _=ui.gettext,
            chrome=self.chrome(ui),
            here=here,
            page_url=self.settings.base_url.rstrip("/") + here,
            next_param=quote(here, safe=""),
            with_query=lambda **kw: with_query(request, **kw),
            **context,
        )
        return html.encode("utf-8")
