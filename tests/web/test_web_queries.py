"""The storage queries added for the website, on SQLite."""

from __future__ import annotations

from datetime import timedelta

from jarida.storage.web_queries import articles_by_ids, data_version
from tests.web.seeding import T0, Seeded, add_french_article


def test_articles_by_ids_keeps_the_order_and_skips_missing(seeded: Seeded) -> None:
    wanted = [seeded.ids["ar2"], 999_999, seeded.ids["fr0"], seeded.ids["ar2"]]
    with seeded.db.read() as conn:
        found = articles_by_ids(conn, wanted)
    assert [a.id for a in found] == [seeded.ids["ar2"], seeded.ids["fr0"]]
    assert found[0].source_slug == "hespress" and found[1].source_name == "Le Matin"


def test_data_version_changes_on_insert_and_update(seeded: Seeded) -> None:
    with seeded.db.read() as conn:
        first = data_version(conn)
    assert first.last_changed is not None and first.last_changed.tzinfo is not None
    add_french_article(seeded, "v", T0 + timedelta(hours=1))
    with seeded.db.read() as conn:
        second = data_version(conn)
    assert second.fingerprint != first.fingerprint
    assert second.last_changed is not None and second.last_changed >= first.last_changed
    with seeded.db.read() as conn:
        assert data_version(conn) == second  # stable when nothing changed
