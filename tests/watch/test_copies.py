"""Syndicated copies count once: a copy's mention is listed under its original."""

from __future__ import annotations

from jarida.storage import Database
from jarida.storage.copies import link_copy
from jarida.storage.watch_analysis import (
    MentionFilter,
    list_mentions,
    mention_count,
    mention_totals,
    timeline,
)
from tests.watch.corpus import add_subject, article, make_source, store

_TEXT = "La Banque du Sahel ouvre dix agences. Le directeur parle d'une année record."


def test_copies_are_counted_once_and_listed_under_their_original(db: Database) -> None:
    subject_id = add_subject(db)
    sid, fid = make_source(db, "agence")
    store(db, [
        article(sid, fid, 1, "Dix agences pour la Banque du Sahel", _TEXT, hours=3),
        article(sid, fid, 2, "Dix agences de plus", _TEXT, hours=2),
        article(sid, fid, 3, "La Banque du Sahel s'étend", _TEXT, hours=1),
        article(sid, fid, 4, "Autre chose : la Banque du Sahel recrute", "La Banque du Sahel "
                "recrute des analystes. Les candidatures ferment vendredi.", hours=1),
    ])
    with db.write() as conn:
        link_copy(conn, 2, 1, 0.9)
        link_copy(conn, 3, 1, 0.9)
    with db.read() as conn:
        items, _ = list_mentions(conn, subject_id, MentionFilter())
        assert sorted((i.article_id, i.duplicate_count) for i in items) == [(1, 2), (4, 0)]
        assert mention_count(conn, subject_id, MentionFilter()) == 2
        assert mention_count(conn, subject_id, MentionFilter(), with_copies=True) == 4
        assert sum(mention_totals(conn).values()) == 2
        assert sum(b.total for b in timeline(conn, subject_id, "day", MentionFilter())) == 2
