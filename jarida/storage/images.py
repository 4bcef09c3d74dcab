"""Queries on article images: registration, the crawler's pending list, what pages show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.model import Image
from jarida.storage.tables import images, media


def ensure_images(conn: Connection, pairs: Sequence[tuple[int, str]]) -> None:
    """Record (article id, image URL) pairs as pending; known pairs are left as they are."""
    if not pairs:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    now = datetime.now(UTC)
    conn.execute(
        insert(images).on_conflict_do_nothing(index_elements=["article_id", "url"]),
        [{"article_id": a, "url": u, "status": "pending", "created_at": now}
         for a, u in set(pairs)],
    )


def images_of_article(conn: Connection, article_id: int) -> list[Image]:
    rows = conn.execute(
        select(images).where(images.c.article_id == article_id).order_by(images.c.id)
    )
    return [Image(id=r.id, article_id=r.article_id, url=r.url, status=r.status) for r in rows]


@dataclass(frozen=True, slots=True)
class ShownImage:
    """An article image as pages and the API show it."""

    id: int
    status: str  # pending, ok, failed, blocked
    sha256: str | None
    widths: tuple[int, ...]
    formats: tuple[str, ...]

    @property
    def servable(self) -> bool:
        return self.status == "ok" and self.sha256 is not None and bool(self.widths)

    @property
    def blocked(self) -> bool:
        return self.status == "blocked"


_SHOWN = (
    select(images.c.id, images.c.status, images.c.sha256, media.c.widths, media.c.formats,
           images.c.article_id, images.c.url)
    .select_from(images.outerjoin(media, media.c.sha256 == images.c.sha256))
)


def _shown(row: object) -> ShownImage:
    r = row._mapping  # type: ignore[attr-defined]
    widths = tuple(int(w) for w in (r["widths"] or "").split(",") if w)
    formats = tuple(f for f in (r["formats"] or "").split(",") if f)
    return ShownImage(r["id"], r["status"], r["sha256"], widths, formats)


def lead_images(conn: Connection, pairs: Sequence[tuple[int, str]]) -> dict[int, ShownImage]:
    """The image row of each (article id, image URL) pair, by article id."""
    found: dict[int, ShownImage] = {}
    wanted = list(dict.fromkeys(pairs))
    for i in range(0, len(wanted), 300):
        chunk = wanted[i : i + 300]
        rows = conn.execute(_SHOWN.where(tuple_(images.c.article_id, images.c.url).in_(chunk)))
        for row in rows:
            found[int(row.article_id)] = _shown(row)
    return found


def shown_image(conn: Connection, image_id: int) -> ShownImage | None:
    row = conn.execute(_SHOWN.where(images.c.id == image_id)).first()
    return _shown(row) if row else None


@dataclass(frozen=True)
class PendingImage:
    url: str
    ids: tuple[int, ...]  # every row (article) with this URL


def pending_images(conn: Connection, limit: int, max_attempts: int = 3) -> list[PendingImage]:
    """Image URLs waiting to be fetched, oldest first, each once whatever its articles."""
    rows = conn.execute(
        select(images.c.url, func.min(images.c.id).label("first"))
        .where(images.c.status == "pending", images.c.attempts < max_attempts)
        .group_by(images.c.url)
        .order_by(func.min(images.c.id))
        .limit(limit)
    ).all()
    urls = [str(r.url) for r in rows]
    ids: dict[str, list[int]] = {u: [] for u in urls}
    for i in range(0, len(urls), 300):
        chunk = urls[i : i + 300]
        for image_id, url in conn.execute(
            select(images.c.id, images.c.url).where(
                images.c.status == "pending", images.c.url.in_(chunk)
            )
        ):
            ids[str(url)].append(int(image_id))
    return [PendingImage(u, tuple(ids[u])) for u in urls]


def pending_image(conn: Connection, url: str, max_attempts: int = 3) -> PendingImage | None:
    """This image URL if some row still waits for it (every such row's id), else None."""
    ids = tuple(int(i) for i in conn.execute(
        select(images.c.id).where(images.c.url == url, images.c.status == "pending",
                                  images.c.attempts < max_attempts).order_by(images.c.id)
    ).scalars())
    return PendingImage(url, ids) if ids else None


def stored_picture_of(conn: Connection, url: str) -> str | None:
    """The sha256 of the picture already stored (status ok) for this image URL, if any."""
    found = conn.execute(select(images.c.sha256).where(
        images.c.url == url, images.c.status == "ok", images.c.sha256.is_not(None)).limit(1)
    ).scalar()
    return None if found is None else str(found)


def media_known(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(media.c.sha256).where(media.c.sha256 == sha256)).first() is not None


def save_media(
    conn: Connection, *, sha256: str, width: int, height: int, widths: Sequence[int],
    formats: Sequence[str], phash: str, bands: tuple[int, int, int, int],
) -> None:
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(
        insert(media).on_conflict_do_nothing(index_elements=["sha256"]),
        {"sha256": sha256, "width": width, "height": height,
         "widths": ",".join(str(w) for w in widths), "formats": ",".join(formats),
         "phash": phash, "ph0": bands[0], "ph1": bands[1], "ph2": bands[2], "ph3": bands[3],
         "created_at": datetime.now(UTC)},
    )


def mark_images_stored(conn: Connection, ids: Sequence[int], sha256: str) -> None:
    now = datetime.now(UTC)
    conn.execute(
        update(images).where(images.c.id.in_(list(ids)), images.c.status == "pending")
        .values(status="ok", sha256=sha256, error=None, checked_at=now)
    )


def mark_images_failed(conn: Connection, ids: Sequence[int], error: str, *,
                       final: bool) -> None:
    """A failed attempt; `final` (a refused image) stops retries at once."""
    values: dict[str, object] = {"error": error[:300], "checked_at": datetime.now(UTC),
                                 "attempts": images.c.attempts + 1}
    if final:
        values["status"] = "failed"
    conn.execute(
        update(images).where(images.c.id.in_(list(ids)), images.c.status == "pending")
        .values(**values)
    )


def similar_media(conn: Connection, phash: str, bands: tuple[int, int, int, int]
                  ) -> list[tuple[str, str]]:
    """(sha256, phash) of stored pictures sharing a hash band with `phash` (candidates
    for a copy; the caller measures the exact distance)."""
    rows = conn.execute(
        select(media.c.sha256, media.c.phash).where(
            or_(media.c.ph0 == bands[0], media.c.ph1 == bands[1],
                media.c.ph2 == bands[2], media.c.ph3 == bands[3])
        )
    )
    return [(str(s), str(p)) for s, p in rows]


def media_phash(conn: Connection, sha256: str) -> str | None:
    value = conn.execute(select(media.c.phash).where(media.c.sha256 == sha256)).scalar()
    return str(value) if value is not None else None


def image_status_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(images.c.status, func.count()).group_by(images.c.status))
    return {str(s): int(n) for s, n in rows}


