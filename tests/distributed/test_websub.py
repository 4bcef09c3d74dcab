"""WebSub in distributed mode: a worker's poll notes the feed's hub, the scheduler's
maintenance subscribes, and a signed push stands in for the next poll (the feed itself
is not requested), its inbox emptied when the poll is recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, select

from jarida.distributed.scheduler import enqueue_due, fleet_fetcher
from jarida.distributed.websub import Maintainer
from jarida.storage import websub as store
from jarida.storage.tables import websub_inbox
from jarida.websub.callback import receive_content, verify_intent
from jarida.websub.signature import sign
from tests.distributed.conftest import Fleet
from tests.webserver import TestServer
from tests.websub.hub import LocalHub
from tests.websub.test_push import feed_xml, site


def test_pushed_feed_is_not_polled_and_its_entries_are_stored(
        fleet_factory: Callable[..., Fleet], broker_url: str, web: TestServer) -> None:
    fleet = fleet_factory(broker_url, public_url="http://127.0.0.1:9")
    with LocalHub() as hub:
        site(web, hub, [1, 2])
        fleet.register(web.url("/feed.xml"))
        enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
        fleet.start_worker(threads=2)
        fleet.wait_for(lambda: fleet.stored() == 2, 60, "the two polled articles")
        with fleet.db.read() as conn:
            sub = store.subscription_of_feed(conn, 1)
        assert sub is not None and sub.hub == hub.url  # the worker's poll noted the hub

        maintain = Maintainer(fleet.db, fleet.settings, lambda: fleet_fetcher(fleet.settings))
        try:
            assert maintain().subscribe_sent == 1  # what the scheduler does on each look
        finally:
            maintain.close()
        assert [(r.mode, r.topic) for r in hub.requests] == [("subscribe", web.url("/feed.xml"))]
        now = datetime.now(UTC)
        answer = verify_intent(fleet.db, sub.token, {"hub.mode": "subscribe",
                                                     "hub.topic": sub.topic,
                                                     "hub.challenge": "c1"}, now, fleet.settings)
        assert answer.status == 200

        polled = web.count("/feed.xml")
        body = feed_xml(web, hub.url, [3]).encode()  # an entry the served feed lacks
        pushed = receive_content(fleet.db, sub.token, body,
                                 {"x-hub-signature": sign(sub.secret, body)}, now)
        assert pushed.status == 202
        assert enqueue_due(fleet.db, fleet.app.send_poll, owner="test") == [1]  # due now

        def inbox() -> int:
            with fleet.db.read() as conn:
                return int(conn.execute(select(func.count()).select_from(websub_inbox))
                           .scalar_one())

        fleet.wait_for(lambda: fleet.stored() == 3 and inbox() == 0, 60,
                       "the pushed article, and the inbox emptied by the recorded poll")
    assert web.count("/feed.xml") == polled  # the push stood in for the request
    assert web.count("/a/3") == 1
