"""Host leases: per-host politeness across crawler processes sharing one database.

Each process paces its own requests per host; two processes crawling one outlet
would each keep its gap and together break it. So a crawl pass first leases the
hosts of the feeds it claimed: a host is crawled by one process at a time, and a
feed whose host another process holds waits for a later pass. A lease ends when its
pass does, or expires if the process died.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.tables import host_leases


def lease_hosts(conn: Connection, hosts: Iterable[str], owner: str, now: datetime,
                *, seconds: int) -> set[str]:
    """Lease every free (or expired, or already ours) host; the set this owner now holds."""
    wanted = sorted({h[:255] for h in hosts if h})
    if not wanted:
        return set()
    until = now + timedelta(seconds=seconds)
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for host in wanted:
        stmt = insert(host_leases).values(host=host, owner=owner, expires_at=until)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["host"], set_={"owner": owner, "expires_at": until},
            where=or_(host_leases.c.expires_at < now, host_leases.c.owner == owner),
        ))
    return set(conn.execute(
        select(host_leases.c.host).where(host_leases.c.owner == owner,
                                         host_leases.c.host.in_(wanted))).scalars())


def release_hosts(conn: Connection, owner: str) -> None:
    conn.execute(delete(host_leases).where(host_leases.c.owner == owner))


def extend_hosts(conn: Connection, owner: str, now: datetime, *, seconds: int) -> None:
    conn.execute(update(host_leases).where(host_leases.c.owner == owner)
                 .values(expires_at=now + timedelta(seconds=seconds)))


def lease_owners(conn: Connection) -> set[str]:
    return {str(o) for o in conn.execute(select(host_leases.c.owner).distinct()).scalars()}


def release_leases_of(conn: Connection, owners: Iterable[str]) -> None:
    conn.execute(delete(host_leases).where(host_leases.c.owner.in_(list(owners))))
