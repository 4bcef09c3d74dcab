"""Watched subjects, their aliases and exclusions, and comparison sets (issue 14)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from jarida.storage.tables import watch_set_members, watch_sets, watch_subjects, watch_terms
from jarida.watch.model import CompareSet, Subject, Term


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


def _terms(conn: Connection, subject_ids: Sequence[int]) -> dict[int, dict[str, list[Term]]]:
    out: dict[int, dict[str, list[Term]]] = {}
    if not subject_ids:
        return out
    rows = conn.execute(select(watch_terms).where(watch_terms.c.subject_id.in_(subject_ids))
                        .order_by(watch_terms.c.id))
    for r in rows:
        out.setdefault(r.subject_id, {"alias": [], "exclude": []})[r.role].append(
            Term(r.text, r.language, bool(r.case_sensitive)))
    return out


def _subjects(conn: Connection, rows: Iterable[Any]) -> list[Subject]:
    rows = list(rows)
    terms = _terms(conn, [r.id for r in rows])
    return [Subject(
        slug=r.slug, name=r.name, kind=r.kind,
        aliases=tuple(terms.get(r.id, {}).get("alias", ())),
        exclusions=tuple(terms.get(r.id, {}).get("exclude", ())),
        query=r.query, languages=_split(r.languages), sources=_split(r.sources),
        id=r.id, version=r.version) for r in rows]


def list_subjects(conn: Connection) -> list[Subject]:
    return _subjects(conn, conn.execute(select(watch_subjects).order_by(watch_subjects.c.slug)))


def subject_by_slug(conn: Connection, slug: str) -> Subject | None:
    found = _subjects(conn, conn.execute(select(watch_subjects)
                                         .where(watch_subjects.c.slug == slug)))
    return found[0] if found else None


def subject_slugs(conn: Connection) -> dict[int, str]:
    return {r.id: r.slug for r in conn.execute(select(watch_subjects.c.id,
                                                      watch_subjects.c.slug))}


def subjects_generation(conn: Connection) -> tuple[int, int, str]:
    """Changes whenever a subject is added, edited or removed (the matcher's cache key)."""
    row = conn.execute(select(func.count(), func.coalesce(func.sum(watch_subjects.c.version), 0),
                              func.max(watch_subjects.c.updated_at))).one()
    return int(row[0]), int(row[1]), str(row[2])


def save_subject(conn: Connection, subject: Subject) -> tuple[int, bool]:
    """Insert or replace `subject` by slug; returns (id, changed). An edit bumps the
    version, so the next backfill matches the whole corpus again."""
    now = datetime.now(UTC)
    values = {"name": subject.name, "kind": subject.kind, "query": subject.query,
              "languages": ",".join(subject.languages), "sources": ",".join(subject.sources)}
    old = subject_by_slug(conn, subject.slug)
    if old is None:
        key = conn.execute(insert(watch_subjects).values(
            slug=subject.slug, created_at=now, updated_at=now, version=1, **values)
        ).inserted_primary_key
        assert key is not None
        subject_id = int(key[0])
    elif old == subject:
        assert old.id is not None
        return old.id, False
    else:
        assert old.id is not None
        subject_id = old.id
        conn.execute(update(watch_subjects).where(watch_subjects.c.id == subject_id).values(
            updated_at=now, version=watch_subjects.c.version + 1, **values))
        conn.execute(delete(watch_terms).where(watch_terms.c.subject_id == subject_id))
    rows = [{"subject_id": subject_id, "role": role, "text": t.text, "language": t.language,
             "case_sensitive": t.case_sensitive}
            for role, terms in (("alias", subject.aliases), ("exclude", subject.exclusions))
            for t in terms]
    if rows:
        conn.execute(insert(watch_terms), rows)
    return subject_id, True


def delete_subject(conn: Connection, slug: str) -> bool:
    """Remove a subject with its terms and mentions (cascade, done explicitly for SQLite
    connections opened without foreign keys)."""
    from jarida.storage.tables import watch_mentions

    subject_id = conn.execute(select(watch_subjects.c.id)
                              .where(watch_subjects.c.slug == slug)).scalar()
    if subject_id is None:
        return False
    for table in (watch_mentions, watch_terms, watch_set_members):
        conn.execute(delete(table).where(table.c.subject_id == subject_id))
    conn.execute(delete(watch_subjects).where(watch_subjects.c.id == subject_id))
    return True


def backfill_state(conn: Connection, subject_id: int) -> tuple[int, int | None, int | None]:
    """(version, backfill_version, backfill_through) of a subject."""
    row = conn.execute(select(watch_subjects.c.version, watch_subjects.c.backfill_version,
                              watch_subjects.c.backfill_through)
                       .where(watch_subjects.c.id == subject_id)).one()
    return int(row[0]), row[1], row[2]


def record_backfill(conn: Connection, versions: dict[int, int], through: int) -> None:
    """Remember that articles up to id `through` were matched for each subject at the
    given version ({subject id: version}): the resume point."""
    by_version: dict[int, list[int]] = {}
    for subject_id, version in versions.items():
        by_version.setdefault(version, []).append(subject_id)
    for version, ids in by_version.items():
        conn.execute(update(watch_subjects).where(watch_subjects.c.id.in_(ids))
                     .values(backfill_version=version, backfill_through=through))


# --- comparison sets -------------------------------------------------------------------

def list_sets(conn: Connection) -> list[CompareSet]:
    members: dict[int, list[str]] = {}
    for r in conn.execute(select(watch_set_members.c.set_id, watch_subjects.c.slug)
                          .join(watch_subjects,
                                watch_subjects.c.id == watch_set_members.c.subject_id)
                          .order_by(watch_subjects.c.slug)):
        members.setdefault(r.set_id, []).append(r.slug)
    return [CompareSet(r.slug, r.name, tuple(members.get(r.id, ())))
            for r in conn.execute(select(watch_sets).order_by(watch_sets.c.slug))]


def set_by_slug(conn: Connection, slug: str) -> CompareSet | None:
    return next((s for s in list_sets(conn) if s.slug == slug), None)


def sets_of_subject(conn: Connection, slug: str) -> list[CompareSet]:
    return [s for s in list_sets(conn) if slug in s.members]


def save_set(conn: Connection, compare: CompareSet) -> None:
    """Insert or replace a comparison set; every member must be a known subject."""
    ids = {r.slug: r.id for r in conn.execute(
        select(watch_subjects.c.id, watch_subjects.c.slug)
        .where(watch_subjects.c.slug.in_(compare.members)))}
    unknown = [m for m in compare.members if m not in ids]
    if unknown:
        raise ValueError(f"set {compare.slug}: unknown subject {unknown[0]!r}")
    set_id = conn.execute(select(watch_sets.c.id).where(watch_sets.c.slug == compare.slug)
                          ).scalar()
    if set_id is None:
        key = conn.execute(insert(watch_sets).values(slug=compare.slug, name=compare.name)
                           ).inserted_primary_key
        assert key is not None
        set_id = key[0]
    else:
        conn.execute(update(watch_sets).where(watch_sets.c.id == set_id)
                     .values(name=compare.name))
        conn.execute(delete(watch_set_members).where(watch_set_members.c.set_id == set_id))
    if compare.members:
        conn.execute(insert(watch_set_members),
                     [{"set_id": set_id, "subject_id": ids[m]} for m in compare.members])


def delete_set(conn: Connection, slug: str) -> bool:
    set_id = conn.execute(select(watch_sets.c.id).where(watch_sets.c.slug == slug)).scalar()
    if set_id is None:
        return False
    conn.execute(delete(watch_set_members).where(watch_set_members.c.set_id == set_id))
    conn.execute(delete(watch_sets).where(watch_sets.c.id == set_id))
    return True
