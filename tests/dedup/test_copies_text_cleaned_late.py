"""The copies hook hands the record's text over uncleaned (cleaning every page cost the
writer a scan of its text); a candidate is confirmed on the text as stored, cleaned."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bench.copies_set import load
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.copies_hook import link_copies
from jarida.pipeline.derived import derive
from jarida.pipeline.hooks import StoredArticle
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.tables import article_copies
from tests.storage.conftest import db

__all__ = ["db"]

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _garbled(text: str) -> str:
    """Control bytes inside words, as a badly encoded page carries them (cleaning drops
    them; left in, they split every long word in two)."""
    return " ".join(w[:3] + "\x00\x07" + w[3:] if len(w) > 5 else w for w in text.split(" "))


def test_a_copy_with_control_bytes_is_confirmed_on_its_cleaned_text(db: Database) -> None:
    original = next(i for i in load() if i.kind == "original" and i.lang == "fr")
    with db.write() as conn:
        source = registry.insert_source(conn, SourceSpec(slug="wire", name="Wire"))
    ids = []
    for n, text in enumerate((original.text, _garbled(original.text))):
        record = ArticleRecord(
            source_id=source, feed_id=None, url=f"https://c.example/{n}",
            canonical_url=f"https://c.example/{n}", title=f"t{n}", text=text, html="",
            excerpt="", content_hash=f"c{n}", fetched_at=T0,
            published_at=T0 + timedelta(hours=n), language="fr")
        record = replace(record, derived=derive(record))  # as the extraction worker does
        with db.write() as conn:
            saved = store.save_articles(conn, [record])[0]
            link_copies(conn, [StoredArticle(saved.article_id, saved.outcome, record)])
        ids.append(saved.article_id)
    with db.read() as conn:
        links = dict(conn.execute(select(article_copies.c.article_id,
                                         article_copies.c.original_id)).all())
    assert links == {ids[1]: ids[0]}
