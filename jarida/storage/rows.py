"""Turning database rows into the model's dataclasses."""

from __future__ import annotations

from typing import Any, cast

from jarida.model import Article, Feed, Source


def source_from_row(row: Any) -> Source:
    m = row._mapping
    return Source(
        id=m["id"],
        slug=m["slug"],
        name=m["name"],
        homepage=m["homepage"],
        languages=tuple(x for x in (m["languages"] or "").split(",") if x),
        country=m["country"],
        section=m["section"],
        mode=cast(Any, m["mode"]),
        timezone=m["timezone"],
        verified=bool(m["verified"]),
        created_at=m["created_at"],
    )


def feed_from_row(row: Any) -> Feed:
    m = row._mapping
    return Feed(
        id=m["id"],
        source_id=m["source_id"],
        url=m["url"],
        kind=cast(Any, m["kind"]),
        section=m["section"],
        listing_pattern=m["listing_pattern"],
        title=m["title"],
        etag=m["etag"],
        last_modified=m["last_modified"],
        body_hash=m["body_hash"],
        poll_interval=m["poll_interval"],
        next_poll_at=m["next_poll_at"],
        last_polled_at=m["last_polled_at"],
        consecutive_failures=m["consecutive_failures"],
        last_error=m["last_error"],
        status=cast(Any, m["status"]),
        schedule_state=m.get("schedule_state"),
    )


def article_from_row(row: Any) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        source_id=m["source_id"],
        feed_id=m["feed_id"],
        url=m["url"],
        canonical_url=m["canonical_url"],
        guid=m["guid"],
        title=m["title"],
        text=m["text"],
        html=m["html"],
        excerpt=m["excerpt"],
        author=m["author"],
        published_at=m["published_at"],
        fetched_at=m["fetched_at"],
        updated_at=m["updated_at"],
        language=m["language"],
        section=m["section"],
        image_url=m["image_url"],
        content_hash=m["content_hash"],
        status=cast(Any, m["status"]),
        source_slug=m.get("source_slug", "") or "",
        source_name=m.get("source_name", "") or "",
        image_id=m.get("image_id"),
        image_status=m.get("image_status"),
        image_widths=m.get("image_widths"),
        hidden=m.get("hidden_at") is not None,
        extraction=cast(Any, m.get("extraction") or "full"),
    )
