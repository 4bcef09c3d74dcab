"""Moderators' decisions, each written to the audit log in the same transaction."""

from __future__ import annotations

from sqlalchemy import Connection

from jarida.moderation.blocking import ban_image, block_with_copies, restore_with_copies
from jarida.settings import Settings
from jarida.storage import admin_views, audit
from jarida.storage import blocking as store
from jarida.storage import reports as report_store


class NotFound(LookupError):
    pass


def confirm(conn: Connection, settings: Settings, image_id: int, actor: str,
            reason: str | None) -> None:
    """Stays blocked; its picture is banned, wherever it appears again."""
    if store.image_state(conn, image_id) is None:
        raise NotFound(image_id)
    report_store.close_reports(conn, [image_id], "upheld")
    ban_image(conn, settings, image_id, actor)
    store.set_review(conn, image_id, "confirmed")
    audit.record(conn, actor, "image.confirmed", f"image:{image_id}", reason)


def restore(conn: Connection, settings: Settings, image_id: int, actor: str,
            reason: str | None) -> None:
    """Shown again; its reports are dismissed (counting against their networks)."""
    if store.image_state(conn, image_id) is None:
        raise NotFound(image_id)
    report_store.close_reports(conn, [image_id], "dismissed")
    restore_with_copies(conn, settings, image_id)
    audit.record(conn, actor, "image.restored", f"image:{image_id}", reason)


def block(conn: Connection, settings: Settings, image_id: int, actor: str,
          reason: str | None) -> None:
    if store.image_state(conn, image_id) is None:
        raise NotFound(image_id)
    block_with_copies(conn, settings, [image_id], "moderator", "confirmed")
    audit.record(conn, actor, "image.blocked", f"image:{image_id}", reason)


def hide_article(conn: Connection, article_id: int, hidden: bool, actor: str,
                 reason: str | None) -> None:
    if not store.set_article_hidden(conn, article_id, hidden, reason):
        raise NotFound(article_id)
    action = "article.hidden" if hidden else "article.shown"
    audit.record(conn, actor, action, f"article:{article_id}", reason)


def pause_source(conn: Connection, source_id: int, slug: str, paused: bool, actor: str) -> None:
    admin_views.set_source_paused(conn, source_id, paused)
    audit.record(conn, actor, "source.paused" if paused else "source.resumed", f"source:{slug}")
