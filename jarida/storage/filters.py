"""Filters and cursors shared by article lists and search."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, false, or_

from jarida.storage.copies import shown_once
from jarida.storage.tables import articles, sources

MAX_ID = 2**31 - 1  # ids are INTEGER: int4 on PostgreSQL


class BadCursor(ValueError):
    """A pagination cursor that was not produced by us (or is from an older version)."""


@dataclass(frozen=True)
class ArticleFilter:
    source: str | None = None  # source slug
    section: str | None = None
    language: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # Syndicated copies shown once: a copy whose original is listed too is left out.
    once: bool = False

    def clauses(self) -> list[Any]:
        if any("\x00" in v for v in (self.source, self.section, self.language) if v):
            return [false()]  # no stored text holds NUL (PostgreSQL cannot even be asked)
        out: list[Any] = []
        if self.source:
            out.append(sources.c.slug == self.source)
        if self.section:
            out.append(articles.c.section == self.section)
        if self.language:
            out.append(articles.c.language == self.language)
        if self.since:
            out.append(articles.c.sort_at >= self.since)
        if self.until:
            out.append(articles.c.sort_at < self.until)
        if self.once:
            out.append(shown_once(self.section))
        return out


def encode_cursor(*parts: str | int) -> str:
    raw = "|".join(str(p) for p in parts).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, n: int) -> list[str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadCursor("cursor is not valid") from exc
    parts = raw.split("|")
    if len(parts) != n:
        raise BadCursor("cursor is not valid")
    return parts


def keyset_cursor(sort_at: datetime, article_id: int) -> str:
    """The cursor after a row of a list sorted on (sort_at, id) descending: built from
    that very key, never from a date shown to the reader."""
    return encode_cursor(sort_at.isoformat(), article_id)


def keyset_after(cursor: str) -> Any:
    """Rows strictly after (sort_at, id) in descending order."""
    sort_iso, ident = decode_cursor(cursor, 2)
    try:
        when = datetime.fromisoformat(sort_iso)
        article_id = int(ident)
    except ValueError as exc:
        raise BadCursor("cursor is not valid") from exc
    if not 0 <= article_id <= MAX_ID or when.tzinfo is None:
        raise BadCursor("cursor is not valid")
    return or_(
        articles.c.sort_at < when,
        and_(articles.c.sort_at == when, articles.c.id < article_id),
    )
