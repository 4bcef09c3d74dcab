"""Story profiles read by the hook are parsed once per process while their stored JSON
stays the same; a profile another process wrote is always the one returned."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from jarida.storage import Database
from jarida.storage import stories as store
from jarida.storage.tables import stories

T0 = datetime(2026, 11, 3, 4, 0, tzinfo=UTC)


def _state(profile: dict[str, dict[str, float]]) -> store.StoryState:
    return store.StoryState(0, T0, T0, 1, 1, ["fr"], profile)


def test_unchanged_profile_is_not_parsed_again(db: Database,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    profile = {"t:fr": {"seism": 0.8, "hoceim": 0.6}, "x:fr": {"#52": 1.0}}
    with db.write() as conn:
        [sid] = store.create_stories(conn, [(_state(profile), 1.0)])
    parses: list[str] = []
    real = json.loads
    monkeypatch.setattr(store.json, "loads", lambda raw: parses.append(raw) or real(raw))
    with db.read() as conn:
        first = store.load_states(conn, [sid])[sid].profile
        second = store.load_states(conn, [sid])[sid].profile
    assert first == profile and second is first
    assert parses == []  # written by this process: known without parsing


def test_a_profile_written_elsewhere_is_read(db: Database) -> None:
    with db.write() as conn:
        [sid] = store.create_stories(conn, [(_state({"t:fr": {"a": 1.0}}), 1.0)])
    with db.read() as conn:
        assert store.load_states(conn, [sid])[sid].profile == {"t:fr": {"a": 1.0}}
    elsewhere = {"t:fr": {"a": 1.0, "b": 0.5}, "x:fr": {"@3-11": 1.0}}
    with db.write() as conn:  # another worker grew the story: only the database knows
        conn.execute(stories.update().where(stories.c.id == sid)
                     .values(profile=json.dumps(elsewhere)))
    with db.read() as conn:
        assert store.load_states(conn, [sid])[sid].profile == elsewhere


def test_the_cache_keeps_only_the_most_recent(db: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "PROFILES", store._ProfileCache(2))
    with db.write() as conn:
        ids = store.create_stories(conn, [(_state({"t:fr": {str(n): 1.0}}), 1.0)
                                          for n in range(3)])
    assert list(store.PROFILES.entries) == ids[1:]
    with db.read() as conn:
        states = store.load_states(conn, ids)
    assert [states[sid].profile for sid in ids] == [{"t:fr": {str(n): 1.0}} for n in range(3)]
    assert len(store.PROFILES.entries) == 2
