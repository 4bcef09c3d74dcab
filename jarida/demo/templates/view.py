"""What a template needs to draw a page, gathered once by the server."""

from __future__ import annotations

from dataclasses import dataclass, field

from jarida.demo.outlets import Outlet


@dataclass(frozen=True)
class Link:
    """A titled link in a sidebar, menu or listing."""

    title: str
    href: str


@dataclass(frozen=True)
class ArticleView:
    """One article as a page shows it (text already chosen for the current edition)."""

    url: str
    title: str
    author: str
    section_label: str
    section_href: str
    visible_date: str
    published_iso: str
    modified_iso: str
    visible_updated: str | None
    paragraphs: tuple[str, ...]
    image_url: str
    caption: str
    hostile: bool = False
    related: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Chrome:
    """Everything around the content: outlet identity, menus, sidebars, head tags."""

    outlet: Outlet
    lang: str
    base: str  # e.g. http://127.0.0.1:8080/courrier-atlas
    page_title: str
    head_extra: str = ""
    most_read: tuple[Link, ...] = ()
    latest: tuple[Link, ...] = ()
    variant: int = 0  # picks comments/ads so pages differ
    sections: tuple[Link, ...] = field(default_factory=tuple)
    charset_meta: str = "utf-8"
