"""WebSub end to end: a feed naming a local hub is subscribed to, verified, pushed to,
renewed and unsubscribed; only what we asked for and what is correctly signed counts."""

from __future__ import annotations

import asyncio
import http.client
import socket
import urllib.parse
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from sqlalchemy import select

from jarida.crawl.fetcher import Fetcher
from jarida.model import FeedSpec, SourceSpec
from jarida.pipeline.crawler import Crawler
from jarida.pipeline.report import CrawlReport
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as article_store
from jarida.storage import sources as source_store
from jarida.storage import websub as store
from jarida.storage.tables import feeds, websub_inbox, websub_subscriptions
from jarida.websub.callback import verify_intent
from jarida.websub.maintenance import MaintenanceReport, maintain_subscriptions
from tests.pipeline.site import T0, article_page
from tests.webserver import TestServer
from tests.websub.conftest import Jarida
from tests.websub.hub import HubRequest, LocalHub


def feed_xml(web: TestServer, hub_url: str, numbers: list[int]) -> str:
    items = "".join(
        f"<item><title>Plan {n}</title><link>{web.url(f'/a/{n}')}</link>"
        f"<guid>guid-{n}</guid><pubDate>{format_datetime(T0 - timedelta(hours=n))}</pubDate>"
        "</item>" for n in numbers)
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
            f'<channel><title>Journal</title><atom:link rel="hub" href="{hub_url}"/>'
            f'<atom:link rel="self" href="{web.url("/feed.xml")}"/>{items}</channel></rss>')


def site(web: TestServer, hub: LocalHub, numbers: list[int]) -> None:
    for n in range(1, 10):
        web.route(f"/a/{n}", article_page(n, f"Le plan numéro {n} adopté par le conseil"),
                  headers={"Content-Type": "text/html; charset=utf-8"})
    web.route("/feed.xml", feed_xml(web, hub.url, numbers),
              headers={"Content-Type": "application/rss+xml"})


def register(db: Database, url: str) -> None:
    with db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug="journal", name="Journal", languages=("fr",),
                                         feeds=(FeedSpec(url=url),))])


def crawl(settings: Settings, db: Database, *, force: bool = True) -> CrawlReport:
    async def go() -> CrawlReport:
        async with Crawler(settings, db) as crawler:
            return await crawler.crawl_once(force=force)

    report = asyncio.run(go())
    assert not any(t.failed for t in report.by_source.values()), report.as_dict()
    return report


def maintain(settings: Settings, db: Database, now: datetime | None = None
             ) -> MaintenanceReport:
    async def go() -> MaintenanceReport:
        async with Fetcher(settings) as fetcher:
            async def call(fn):  # type: ignore[no-untyped-def]
                with db.write() as conn:
                    return fn(conn)
            return await maintain_subscriptions(call, fetcher, settings, now)

    return asyncio.run(go())


def guids(db: Database) -> set[str | None]:
    with db.read() as conn:
        return {a.guid for a in article_store.list_articles(conn, ArticleFilter(), limit=50).items}


def subscription(db: Database) -> store.Subscription | None:
    with db.read() as conn:
        return store.subscription_of_feed(conn, 1)


def asked_hub(web: TestServer, hub: LocalHub, jarida: Jarida, numbers: list[int]
              ) -> HubRequest:
    """Crawl the feed (which names the hub): the pass sends its subscription request."""
    site(web, hub, numbers)
    register(jarida.db, web.url("/feed.xml"))
    crawl(jarida.settings, jarida.db)
    assert len(hub.requests) == 1, subscription(jarida.db)  # else say why not
    return hub.requests[0]


def subscribed(web: TestServer, hub: LocalHub, jarida: Jarida) -> None:
    """A subscription the hub has verified."""
    assert hub.verify(asked_hub(web, hub, jarida, [1, 2])).confirmed


def test_subscribe_verify_and_push(web: TestServer, hub: LocalHub, jarida: Jarida) -> None:
    subscribed(web, hub, jarida)
    asked = hub.requests[0]
    assert asked.mode == "subscribe" and asked.topic == web.url("/feed.xml")
    assert asked.callback.startswith(jarida.url + "/websub/") and len(asked.secret or "") == 64
    assert guids(jarida.db) == {"guid-1", "guid-2"}
    with jarida.db.read() as conn:
        assert store.feed_is_pushed(conn, 1, datetime.now(UTC))
    polls = web.count("/feed.xml")

    pushed = feed_xml(web, hub.url, [3, 2, 1]).encode()
    assert hub.push(asked, pushed) == 202
    for method in ("none", "wrong"):  # dropped, yet acknowledged with a 2xx (§8)
        assert hub.push(asked, feed_xml(web, hub.url, [4]).encode(), signature=method) == 202
    assert hub.push(asked, feed_xml(web, hub.url, [5]).encode(), signature="sha512") == 202
    with jarida.db.read() as conn:
        assert len(conn.execute(select(websub_inbox.c.id)).all()) == 2
        due = conn.execute(select(feeds.c.next_poll_at)).scalar_one()
    assert due <= datetime.now(UTC)  # the push made the feed due now

    report = crawl(jarida.settings, jarida.db, force=False)  # only due feeds
    assert report.new == 2
    assert guids(jarida.db) == {"guid-1", "guid-2", "guid-3", "guid-5"}  # not the unsigned 4
    assert web.count("/feed.xml") == polls  # the pushed body stood in for a poll
    assert web.count("/a/4") == 0


def test_only_requested_intents_are_confirmed(web: TestServer, hub: LocalHub,
                                              jarida: Jarida) -> None:
    asked = asked_hub(web, hub, jarida, [1])
    assert not hub.verify(asked, topic=web.url("/other.xml")).confirmed  # another topic
    assert not hub.verify(asked, mode="unsubscribe").confirmed  # we never asked that
    unknown = asked.callback.rsplit("/", 1)[0] + "/not-a-token"
    assert not hub.verify(asked.__class__(**{**asked.__dict__, "callback": unknown})).confirmed
    assert subscription(jarida.db).state == "inactive"  # type: ignore[union-attr]
    # content before verification is dropped; the real verification still works
    assert hub.push(asked, feed_xml(web, hub.url, [2]).encode()) == 202
    with jarida.db.read() as conn:
        assert not conn.execute(select(websub_inbox.c.id)).all()
    token = asked.callback.rsplit("/", 1)[1]
    oversized = {"hub.mode": "subscribe", "hub.topic": asked.topic, "hub.challenge": "x" * 2000}
    assert verify_intent(jarida.db, token, oversized, datetime.now(UTC),
                         jarida.settings).status == 400
    assert hub.verify(asked).confirmed
    assert not hub.verify(asked).confirmed  # a second verification is not pending any more


def test_hub_that_verifies_at_once_and_lease_renewal(web: TestServer, jarida: Jarida) -> None:
    with LocalHub(verify_at_once=True) as hub:
        site(web, hub, [1])
        register(jarida.db, web.url("/feed.xml"))
        crawl(jarida.settings, jarida.db)
        assert hub.verifications[0].confirmed  # pending was recorded before the POST
        first = subscription(jarida.db)
        assert first is not None and first.state == "active" and first.expires_at is not None
        assert maintain(jarida.settings, jarida.db).subscribe_sent == 0  # not due yet
        # 3600 s lease: renewed when a tenth of it is left
        report = maintain(jarida.settings, jarida.db, first.expires_at - timedelta(seconds=300))
        assert report.subscribe_sent == 1 and len(hub.requests) == 2
        renewed = subscription(jarida.db)
        assert renewed is not None and renewed.expires_at > first.expires_at  # type: ignore[operator]


def test_removed_source_is_unsubscribed(web: TestServer, hub: LocalHub, jarida: Jarida) -> None:
    subscribed(web, hub, jarida)
    asked = hub.requests[0]
    with jarida.db.write() as conn:
        assert source_store.remove_source(conn, "journal")
    assert maintain(jarida.settings, jarida.db).unsubscribe_sent == 1
    goodbye = hub.requests[1]
    assert (goodbye.mode, goodbye.topic, goodbye.callback) == ("unsubscribe", asked.topic,
                                                               asked.callback)
    assert hub.push(asked, feed_xml(web, hub.url, [3]).encode()) == 410
    assert hub.verify(goodbye).confirmed
    with jarida.db.read() as conn:
        assert not conn.execute(select(websub_subscriptions.c.id)).all()


def test_denied_subscription_falls_back_to_polling(web: TestServer, hub: LocalHub,
                                                   jarida: Jarida) -> None:
    assert hub.deny(asked_hub(web, hub, jarida, [1])) == 200
    sub = subscription(jarida.db)
    assert sub is not None and sub.state == "inactive" and sub.pending is None


def test_oversized_push_is_refused_unread(web: TestServer, hub: LocalHub,
                                          jarida: Jarida) -> None:
    subscribed(web, hub, jarida)
    callback = urllib.parse.urlsplit(hub.requests[0].callback)
    # A declared length over the bound: answered before any of the body is sent.
    with socket.create_connection((callback.hostname, callback.port), timeout=10) as sock:
        sock.sendall(f"POST {callback.path} HTTP/1.1\r\nHost: x\r\n"
                     f"Content-Length: {3 * 1024 * 1024}\r\n\r\n".encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 413")
    # No declared length (chunked): reading stops at the bound.
    conn = http.client.HTTPConnection(callback.hostname or "", callback.port, timeout=10)
    chunks = (b"x" * 16384 for _ in range(2 * 64 + 1))
    conn.request("POST", callback.path, body=chunks, encode_chunked=True)
    assert conn.getresponse().status == 413
    conn.close()
    with jarida.db.read() as conn_db:
        assert not conn_db.execute(select(websub_inbox.c.id)).all()


def test_private_hub_is_refused_like_any_url(web: TestServer, jarida: Jarida) -> None:
    with LocalHub("127.0.0.2") as hub:  # loopback, but not in the allowlist (127.0.0.1)
        site(web, hub, [1])
        register(jarida.db, web.url("/feed.xml"))
        crawl(jarida.settings, jarida.db)
        assert hub.requests == []
    with jarida.db.read() as conn:
        error = conn.execute(select(websub_subscriptions.c.last_error)).scalar_one()
    assert "refused" in error and "127.0.0.2" in error


def test_without_public_url_nothing_is_subscribed(web: TestServer, hub: LocalHub,
                                                  jarida: Jarida) -> None:
    polling_only = jarida.settings.model_copy(update={"public_url": None})
    site(web, hub, [1])
    register(jarida.db, web.url("/feed.xml"))
    crawl(polling_only, jarida.db)
    assert hub.requests == [] and subscription(jarida.db) is None
    assert guids(jarida.db) == {"guid-1"}


def test_push_flood_keeps_a_bounded_inbox(web: TestServer, hub: LocalHub,
                                          jarida: Jarida) -> None:
    subscribed(web, hub, jarida)
    for n in range(store.INBOX_PER_FEED + 5):
        assert hub.push(hub.requests[0], feed_xml(web, hub.url, [n % 9 + 1]).encode()) == 202
    with jarida.db.read() as conn:
        assert len(conn.execute(select(websub_inbox.c.id)).all()) == store.INBOX_PER_FEED
