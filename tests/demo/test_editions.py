"""advance() publishes a new edition: updated texts and dates, new articles, fresh validators."""

from __future__ import annotations

import feedparser
import httpx

from jarida.demo import DemoWeb


def test_editions_update_and_add_articles() -> None:
    web = DemoWeb(seed=9, fault_injection=False)
    base = web.start()
    try:
        with httpx.Client(timeout=10) as c:
            before = {r.url for r in web.articles()}
            late = [r for r in web.all_articles() if r.edition == 1]
            updated = [r for r in web.articles() if r.updated_in == 1]
            assert late and updated
            assert c.get(late[0].url).status_code == 404
            page0 = c.get(updated[0].url)
            feed_url = f"{base}/maghreb-wire/fr/atom.xml"
            feed0 = c.get(feed_url)

            assert web.advance() == 1
            after = {r.url for r in web.articles()}
            assert before < after and late[0].url in after
            assert c.get(late[0].url).status_code == 200
            page1 = c.get(updated[0].url)
            assert page1.content != page0.content
            assert page1.headers["last-modified"] != page0.headers["last-modified"]
            assert c.get(updated[0].url, headers={"If-None-Match": page0.headers["etag"]}
                         ).status_code == 200
            feed1 = c.get(feed_url, headers={"If-None-Match": feed0.headers["etag"]})
            assert feed1.status_code == 200
            assert len(feedparser.parse(feed1.content).entries) > len(
                feedparser.parse(feed0.content).entries)

            web.advance()
            web.advance()  # past the last edition: nothing changes any more
            last = c.get(feed_url)
            web.advance()
            again = c.get(feed_url, headers={"If-None-Match": last.headers["etag"]})
            assert again.status_code == 304
    finally:
        web.stop()
