"""Emptying a test database between hypothesis examples (cheaper than migrating anew)."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, settings
from sqlalchemy import delete, text

from jarida.model import FeedSpec, SourceSpec
from jarida.storage import Database
from jarida.storage import sources as registry
from jarida.storage.tables import articles, images, sources


def two_fresh_sources(db: Database) -> tuple[tuple[int, int], tuple[int, int]]:
    """Remove every source and article, then add sources s0 and s1 with one feed each:
    ((source ids), (feed ids))."""
    with db.write() as conn:
        conn.execute(delete(images))
        conn.execute(delete(articles))
        conn.execute(delete(sources))
        if db.dialect == "sqlite":
            conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('delete-all')"))
        made = []
        for n in (0, 1):
            sid = registry.insert_source(conn, SourceSpec(slug=f"s{n}", name=f"S{n}"))
            made.append((sid, registry.insert_feed(conn, sid, FeedSpec(
                url=f"https://s{n}.example/feed"))))
    return (made[0][0], made[1][0]), (made[0][1], made[1][1])


# Bounded and derandomized for CI; shrinking is left out (a failing script is printed as
# generated: shrinking one through a database took over five minutes).
property_settings = settings(
    max_examples=40, deadline=None, derandomize=True, database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
