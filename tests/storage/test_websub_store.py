"""WebSub subscriptions and inbox on both databases: hub changes, removal, flood bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jarida.model import FeedSpec, SourceSpec
from jarida.sources.enroll import enroll_sources
from jarida.storage import Database
from jarida.storage import sources as source_store
from jarida.storage import websub as store
from jarida.storage.schedule_state import save_schedule_state
from jarida.storage.sources import all_feeds

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _feed(db: Database) -> int:
    with db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug="j", name="J", feeds=(
            FeedSpec(url="https://j.test/feed.xml"),))])
        return all_feeds(conn)[0].id  # (not due_feeds at NOW: enrolment uses the real clock)


def _note(db: Database, feed_id: int, hub: str, token: str) -> bool:
    with db.write() as conn:
        return store.note_hub(conn, feed_id, hub=hub, topic="https://j.test/feed.xml",
                              token=token, secret="s" * 64, now=NOW)


def _active(db: Database, token: str, lease: timedelta) -> None:
    with db.write() as conn:
        sub = store.subscription_by_token(conn, token)
        assert sub is not None
        store.confirm_subscribed(conn, sub.id, lease_seconds=int(lease.total_seconds()),
                                 now=NOW, renew_at=NOW + lease * 0.9)


def test_hub_noted_once_and_moved_hub_detaches_the_old(db: Database) -> None:
    feed_id = _feed(db)
    assert _note(db, feed_id, "https://hub.test/", "t1")
    assert not _note(db, feed_id, "https://hub.test/", "t2")  # same hub and topic
    _active(db, "t1", timedelta(hours=1))
    with db.read() as conn:
        assert store.feed_is_pushed(conn, feed_id, NOW)
        assert not store.feed_is_pushed(conn, feed_id, NOW + timedelta(hours=2))  # expired
        assert store.subscriptions_due(conn, NOW) == []
    assert _note(db, feed_id, "https://other-hub.test/", "t3")
    with db.read() as conn:
        due = store.subscriptions_due(conn, NOW)
        assert {(s.token, s.feed_id) for s in due} == {("t1", None), ("t3", feed_id)}


def test_removed_feed_leaves_its_subscription_to_unsubscribe(db: Database) -> None:
    feed_id = _feed(db)
    _note(db, feed_id, "https://hub.test/", "t1")
    _active(db, "t1", timedelta(days=10))
    with db.write() as conn:
        store.store_push(conn, feed_id, b"<rss/>", "application/rss+xml", NOW)
        source_store.remove_source(conn, "j")
    with db.read() as conn:
        orphan = store.subscriptions_due(conn, NOW)
        assert [(s.token, s.feed_id, s.state) for s in orphan] == [("t1", None, "active")]


def test_inbox_is_bounded_and_taken_once(db: Database) -> None:
    feed_id = _feed(db)
    with db.write() as conn:
        for n in range(store.INBOX_PER_FEED + 3):
            store.store_push(conn, feed_id, f"<rss>{n}</rss>".encode(), None, NOW)
        save_schedule_state(conn, feed_id, '{"v": 1}')
    with db.write() as conn:
        bodies = store.take_inbox(conn, feed_id)
        assert bodies[0] == b"<rss>3</rss>" and len(bodies) == store.INBOX_PER_FEED
        assert store.take_inbox(conn, feed_id) == []
        assert all_feeds(conn)[0].schedule_state == '{"v": 1}'


def test_feed_gone_is_unsubscribed_like_a_removed_one(db: Database) -> None:
    from jarida.storage.feeds import mark_feed_gone

    feed_id = _feed(db)
    _note(db, feed_id, "https://hub.test/", "t1")
    _active(db, "t1", timedelta(days=10))
    with db.write() as conn:
        mark_feed_gone(conn, feed_id, error="HTTP 410 Gone", polled_at=NOW)
    with db.read() as conn:
        [gone] = store.subscriptions_due(conn, NOW)
        assert gone.feed_gone and gone.feed_id == feed_id
