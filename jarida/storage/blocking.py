"""Blocking, restoring and banning images, hiding articles, and the change counter.

Every change here bumps `change_marks['moderation']`, which the site's data version
reads (web_queries.data_version): each serving process sees the change on its next
version check (at most a second) and stops answering from its page cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.tables import articles, banned_hashes, change_marks, images, media

MARK = "moderation"


def bump_changes(conn: Connection, name: str = MARK) -> None:
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(change_marks).values(name=name, counter=1)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["name"], set_={"counter": change_marks.c.counter + 1}
    ))


def change_counter(conn: Connection, name: str = MARK) -> int:
    value = conn.execute(select(change_marks.c.counter).where(change_marks.c.name == name))
    return int(value.scalar() or 0)


@dataclass(frozen=True)
class ImageState:
    id: int
    article_id: int
    status: str
    sha256: str | None
    review: str | None
    blocked_reason: str | None


def image_state(conn: Connection, image_id: int) -> ImageState | None:
    row = conn.execute(
        select(images.c.id, images.c.article_id, images.c.status, images.c.sha256,
               images.c.review, images.c.blocked_reason).where(images.c.id == image_id)
    ).first()
    return ImageState(*row) if row else None  # type: ignore[arg-type]


def block_images(conn: Connection, ids: Sequence[int], reason: str,
                 review: str | None = None) -> int:
    """Block these images (already blocked ones keep their first reason); how many changed."""
    if not ids:
        return 0
    values: dict[str, object] = {"status": "blocked", "blocked_reason": reason,
                                 "blocked_at": datetime.now(UTC)}
    if review is not None:
        values["review"] = review
    result = conn.execute(
        update(images).where(images.c.id.in_(list(ids)), images.c.status != "blocked")
        .values(**values)
    )
    bump_changes(conn)
    return int(result.rowcount or 0)


def set_review(conn: Connection, image_id: int, review: str | None) -> None:
    conn.execute(update(images).where(images.c.id == image_id).values(review=review))
    bump_changes(conn)


def unblock_images(conn: Connection, ids: Sequence[int], review: str | None) -> None:
    """Shown again: stored images become 'ok', others wait to be fetched."""
    if not ids:
        return
    for status, stored in (("ok", True), ("pending", False)):
        where = images.c.sha256.is_not(None) if stored else images.c.sha256.is_(None)
        conn.execute(
            update(images).where(images.c.id.in_(list(ids)), where)
            .values(status=status, blocked_reason=None, blocked_at=None, review=review)
        )
    bump_changes(conn)


def images_with_media(conn: Connection, shas: Sequence[str], *, blocked: bool | None = None
                      ) -> list[int]:
    """Ids of the images whose stored picture is one of `shas`."""
    if not shas:
        return []
    query = select(images.c.id).where(images.c.sha256.in_(list(shas)))
    if blocked is not None:
        query = query.where((images.c.status == "blocked") if blocked
                            else (images.c.status != "blocked"))
    return [int(i) for i in conn.execute(query).scalars()]


def copies_blocked_for(conn: Connection, shas: Sequence[str]) -> list[int]:
    """Images blocked as copies ('copy' or 'banned') of these pictures."""
    if not shas:
        return []
    return [int(i) for i in conn.execute(
        select(images.c.id).where(images.c.sha256.in_(list(shas)),
                                  images.c.blocked_reason.in_(("copy", "banned")))
    ).scalars()]


def ban_hash(conn: Connection, phash: str, sha256: str | None, image_id: int | None,
             by: str) -> None:
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(
        insert(banned_hashes).on_conflict_do_nothing(index_elements=["phash"]),
        {"phash": phash, "sha256": sha256, "image_id": image_id,
         "banned_at": datetime.now(UTC), "banned_by": by},
    )


def banned_phashes(conn: Connection) -> list[str]:
    """Every banned perceptual hash (few: each one a moderator's decision)."""
    return [str(p) for p in conn.execute(select(banned_hashes.c.phash)).scalars()]


def media_hashes(conn: Connection, shas: Sequence[str]) -> dict[str, str]:
    if not shas:
        return {}
    rows = conn.execute(select(media.c.sha256, media.c.phash).where(
        media.c.sha256.in_(list(shas))))
    return {str(s): str(p) for s, p in rows}


def set_article_hidden(conn: Connection, article_id: int, hidden: bool,
                       reason: str | None = None) -> bool:
    """Hide or show an article; False when there is no such article."""
    result = conn.execute(
        update(articles).where(articles.c.id == article_id).values(
            hidden_at=datetime.now(UTC) if hidden else None,
            hidden_reason=reason if hidden else None,
        )
    )
    bump_changes(conn)
    return bool(result.rowcount)
