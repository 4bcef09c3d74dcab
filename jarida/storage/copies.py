"""Syndicated copies: signatures, LSH band keys and copy -> original links (jarida.dedup.copies).

Invariant: an original is never itself a copy (every link points at its group's root),
so "is this a copy, of what" and "who republished this" are each one indexed lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    exists,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.packed_rows import packed_params, packed_select
from jarida.storage.tables import article_copies, articles, copy_bands, copy_signatures, sources

CHUNK = 500


@dataclass(frozen=True)
class Candidate:
    """What the confirmation step needs of a stored article."""

    id: int
    text: str | None  # None when read without it (`candidates(..., with_text=False)`)
    sort_at: datetime
    source_id: int
    extraction: str


def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def stored_signature(conn: Connection, article_id: int) -> bytes | None:
    value = conn.execute(
        select(copy_signatures.c.signature).where(copy_signatures.c.article_id == article_id)
    ).scalar()
    return bytes(value) if value is not None else None


def save_signature(conn: Connection, article_id: int, signature: bytes, keys: Sequence[int]
                   ) -> None:
    """Store (or replace) an article's signature and its band keys."""
    stmt = _insert(conn)(copy_signatures).values(article_id=article_id, signature=signature)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["article_id"], set_={"signature": signature}
    ))
    conn.execute(delete(copy_bands).where(copy_bands.c.article_id == article_id))
    rows = [{"band_key": k, "article_id": article_id} for k in dict.fromkeys(keys)]
    conn.execute(insert(copy_bands), rows)


def insert_signatures(conn: Connection, rows: Sequence[tuple[int, bytes, Sequence[int]]]
                      ) -> None:
    """Bulk load (article id, signature, band keys) of articles that have none yet."""
    if not rows:
        return
    conn.execute(insert(copy_signatures),
                 [{"article_id": aid, "signature": sig} for aid, sig, _ in rows])
    conn.execute(insert(copy_bands), [
        {"band_key": key, "article_id": aid}
        for aid, _, keys in rows for key in dict.fromkeys(keys)
    ])


@cache
def _upsert_signatures(dialect: str) -> Any:
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(copy_signatures)
    return stmt.on_conflict_do_update(index_elements=["article_id"],
                                      set_={"signature": stmt.excluded.signature})


_DROP_BANDS = delete(copy_bands).where(
    copy_bands.c.article_id.in_(bindparam("ids", expanding=True)))


@cache
def _insert_bands(dialect: str) -> Any:
    """Every band row of a batch in one statement (`packed_rows`)."""
    return text("INSERT INTO copy_bands (band_key, article_id) "
                + packed_select(dialect, ["bigint", "integer"]))


def replace_signatures(conn: Connection, rows: Sequence[tuple[int, bytes, Sequence[int]]]
                       ) -> None:
    """Store (or replace) the signatures and band keys of a batch of articles."""
    if not rows:
        return
    dialect = conn.dialect.name
    conn.execute(_upsert_signatures(dialect),
                 [{"article_id": aid, "signature": sig} for aid, sig, _ in rows])
    ids = [aid for aid, _, _ in rows]
    for i in range(0, len(ids), CHUNK):
        conn.execute(_DROP_BANDS, {"ids": ids[i : i + CHUNK]})
    latest = {aid: keys for aid, _, keys in rows}  # an article twice: its last keys
    bands = [(key, aid) for aid, keys in latest.items() for key in dict.fromkeys(keys)]
    if bands:
        conn.execute(_insert_bands(dialect), packed_params(dialect, bands, 2))


def forget_signature(conn: Connection, article_id: int) -> None:
    conn.execute(delete(copy_bands).where(copy_bands.c.article_id == article_id))
    conn.execute(delete(copy_signatures).where(copy_signatures.c.article_id == article_id))


# Built once (the lookups run for every stored article): executing the same statement
# object again skips building it and its cache key.
_SHARING = (
    select(copy_bands.c.article_id)
    .where(copy_bands.c.band_key.in_(bindparam("keys", expanding=True)),
           copy_bands.c.article_id != bindparam("article_id"))
    .distinct()
)
_SIGNATURES = select(copy_signatures.c.article_id, copy_signatures.c.signature).where(
    copy_signatures.c.article_id.in_(bindparam("ids", expanding=True))
)
_CANDIDATES = select(
    articles.c.id, articles.c.text, articles.c.sort_at, articles.c.source_id,
    articles.c.extraction,
).where(
    articles.c.id.in_(bindparam("ids", expanding=True)), articles.c.status != "removed",
    articles.c.hidden_at.is_(None),
)


def sharing_a_band(conn: Connection, keys: Sequence[int], article_id: int) -> list[int]:
    """Articles (other than `article_id`) with at least one of these band keys."""
    rows = conn.execute(_SHARING, {"keys": list(keys), "article_id": article_id})
    return [int(i) for i in rows.scalars()]


_MEMBERS = select(copy_bands.c.band_key, copy_bands.c.article_id).where(
    copy_bands.c.band_key.in_(bindparam("keys", expanding=True))
)
_LINKED = select(article_copies.c.article_id).where(
    article_copies.c.article_id.in_(bindparam("ids", expanding=True))
)
KEY_CHUNK = 4000  # under SQLite's and PostgreSQL's bound-parameter limits


def band_members(conn: Connection, keys: Sequence[int]) -> list[tuple[int, int]]:
    """(band key, article id) of every stored article holding one of these keys."""
    found: list[tuple[int, int]] = []
    for i in range(0, len(keys), KEY_CHUNK):
        rows = conn.execute(_MEMBERS, {"keys": list(keys[i : i + KEY_CHUNK])})
        found.extend((int(k), int(a)) for k, a in rows)
    return found


def linked_among(conn: Connection, ids: Sequence[int]) -> set[int]:
    """Which of these articles are linked as copies."""
    found: set[int] = set()
    for i in range(0, len(ids), CHUNK):
        found.update(int(a) for a in conn.execute(_LINKED, {"ids": list(ids[i : i + CHUNK])})
                     .scalars())
    return found


def signatures_of(conn: Connection, ids: Sequence[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for i in range(0, len(ids), CHUNK):
        rows = conn.execute(_SIGNATURES, {"ids": list(ids[i : i + CHUNK])})
        found.update((int(r.article_id), bytes(r.signature)) for r in rows)
    return found


_SHOWN = select(
    articles.c.id, articles.c.sort_at, articles.c.source_id, articles.c.extraction,
).where(
    articles.c.id.in_(bindparam("ids", expanding=True)), articles.c.status != "removed",
    articles.c.hidden_at.is_(None),
)
_TEXT = select(articles.c.text).where(articles.c.id == bindparam("article_id"))


def candidates(conn: Connection, ids: Sequence[int], *, with_text: bool = True
               ) -> dict[int, Candidate]:
    """Text, time key and extraction of articles still shown (not removed, not hidden);
    `with_text=False` leaves the text out (a batch's own articles, printed elsewhere)."""
    found: dict[int, Candidate] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = {"ids": list(ids[i : i + CHUNK])}
        for r in conn.execute(_CANDIDATES if with_text else _SHOWN, chunk):
            found[int(r.id)] = Candidate(int(r.id), r.text if with_text else None,
                                         _aware(r.sort_at), int(r.source_id), r.extraction)
    return found


def text_of(conn: Connection, article_id: int) -> str | None:
    value = conn.execute(_TEXT, {"article_id": article_id}).scalar()
    return str(value) if value is not None else None


def signed_ids(conn: Connection) -> list[int]:
    """Every article that has a stored signature, by id."""
    query = select(copy_signatures.c.article_id).order_by(copy_signatures.c.article_id)
    return [int(i) for i in conn.execute(query).scalars()]


def texts_of(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """The stored text of these articles (shown or not)."""
    found: dict[int, str] = {}
    for i in range(0, len(ids), CHUNK):
        rows = conn.execute(select(articles.c.id, articles.c.text)
                            .where(articles.c.id.in_(list(ids[i : i + CHUNK]))))
        found.update((int(r.id), str(r.text or "")) for r in rows)
    return found


def original_of(conn: Connection, article_id: int) -> int | None:
    value = conn.execute(
        select(article_copies.c.original_id).where(article_copies.c.article_id == article_id)
    ).scalar()
    return int(value) if value is not None else None


def has_copies(conn: Connection, article_id: int) -> bool:
    query = select(exists().where(article_copies.c.original_id == article_id))
    return bool(conn.execute(query).scalar())


def link_copy(conn: Connection, article_id: int, original_id: int, similarity: float) -> None:
    """Record `article_id` as a copy of `original_id` (replacing any earlier link)."""
    values = {"original_id": original_id, "similarity": similarity}
    stmt = _insert(conn)(article_copies).values(
        article_id=article_id, linked_at=datetime.now(UTC), **values
    )
    conn.execute(stmt.on_conflict_do_update(index_elements=["article_id"], set_=values))


def unlink(conn: Connection, article_id: int) -> None:
    conn.execute(delete(article_copies).where(article_copies.c.article_id == article_id))


def repoint(conn: Connection, old_original: int, new_original: int) -> None:
    """Every copy of `old_original` becomes a copy of `new_original`."""
    conn.execute(
        update(article_copies)
        .where(article_copies.c.original_id == old_original)
        .values(original_id=new_original)
    )


def release_copies(conn: Connection, original_id: int) -> None:
    """Copies of an article that is no longer compared stand alone again."""
    conn.execute(delete(article_copies).where(article_copies.c.original_id == original_id))


def ids_in_order(conn: Connection, since: datetime | None) -> list[int]:
    """Article ids oldest first by (sort_at, id): the order originals are decided in."""
    query = select(articles.c.id).order_by(articles.c.sort_at, articles.c.id)
    if since is not None:
        query = query.where(articles.c.sort_at >= since)
    return [int(i) for i in conn.execute(query).scalars()]


def clear_from(conn: Connection, since: datetime | None) -> None:
    """Drop what is known about articles from `since` on (all of it when None)."""
    if since is None:
        for table in (article_copies, copy_bands, copy_signatures):
            conn.execute(delete(table))
        return
    later = select(articles.c.id).where(articles.c.sort_at >= since)
    conn.execute(delete(article_copies).where(or_(
        article_copies.c.article_id.in_(later), article_copies.c.original_id.in_(later)
    )))
    conn.execute(delete(copy_bands).where(copy_bands.c.article_id.in_(later)))
    conn.execute(delete(copy_signatures).where(copy_signatures.c.article_id.in_(later)))


# --- reading, for pages and the API ------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    article_id: int
    source_name: str
    source_slug: str


@dataclass
class CopyLinks:
    """For one article: the original it copies, or the outlets that republished it."""

    duplicate_of: int | None = None
    original: Outlet | None = None
    copies: list[Outlet] = field(default_factory=list)


def copy_links(conn: Connection, ids: Sequence[int]) -> dict[int, CopyLinks]:
    """Links of every listed article, in one query per 500 ids (no query per article)."""
    out: dict[int, CopyLinks] = {}
    wanted = list(dict.fromkeys(ids))
    copy = articles.alias("copy")
    orig = articles.alias("orig")
    copy_src = sources.alias("copy_src")
    orig_src = sources.alias("orig_src")
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        query = (
            select(
                article_copies.c.article_id, article_copies.c.original_id,
                copy_src.c.name.label("copy_name"), copy_src.c.slug.label("copy_slug"),
                orig_src.c.name.label("orig_name"), orig_src.c.slug.label("orig_slug"),
            )
            .join(copy, copy.c.id == article_copies.c.article_id)
            .join(copy_src, copy_src.c.id == copy.c.source_id)
            .join(orig, orig.c.id == article_copies.c.original_id)
            .join(orig_src, orig_src.c.id == orig.c.source_id)
            .where(
                or_(article_copies.c.article_id.in_(chunk),
                    article_copies.c.original_id.in_(chunk)),
                copy.c.hidden_at.is_(None), orig.c.hidden_at.is_(None),
            )
            .order_by(copy.c.sort_at, copy.c.id)
        )
        for r in conn.execute(query):
            copy_id, orig_id = int(r.article_id), int(r.original_id)
            if copy_id in chunk:
                links = out.setdefault(copy_id, CopyLinks())
                links.duplicate_of = orig_id
                links.original = Outlet(orig_id, r.orig_name, r.orig_slug)
            if orig_id in chunk:
                out.setdefault(orig_id, CopyLinks()).copies.append(
                    Outlet(copy_id, r.copy_name, r.copy_slug)
                )
    return out


def shown_once(section: str | None = None) -> Any:
    """SQL condition for grouped lists: leave out a copy whose original is shown too (its
    original is visible and, in a section's list, in that section)."""
    orig = articles.alias("shown_original")
    conditions = [
        article_copies.c.article_id == articles.c.id,
        orig.c.id == article_copies.c.original_id,
        orig.c.hidden_at.is_(None),
    ]
    if section is not None:
        conditions.append(orig.c.section == section)
    return ~exists(select(article_copies.c.article_id).select_from(article_copies).join(
        orig, orig.c.id == article_copies.c.original_id
    ).where(and_(*conditions)))
