"""Adding, importing and removing subjects and sets: all-or-nothing, validated."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from jarida.storage import watch_subjects as store
from jarida.watch.model import CompareSet, Subject
from jarida.watch.yaml_io import load_watch_yaml


@dataclass(frozen=True)
class ImportReport:
    added: int
    changed: int
    unchanged: int
    sets: int


def save_all(conn: Connection, subjects: list[Subject], sets: list[CompareSet]
             ) -> ImportReport:
    """Save subjects then sets in the caller's transaction (an error rolls all back)."""
    before = {s.slug for s in store.list_subjects(conn)}
    added = changed = unchanged = 0
    for subject in subjects:
        _, was_changed = store.save_subject(conn, subject)
        if subject.slug not in before:
            added += 1
        elif was_changed:
            changed += 1
        else:
            unchanged += 1
    for compare in sets:
        store.save_set(conn, compare)
    return ImportReport(added, changed, unchanged, len(sets))


def import_yaml(conn: Connection, text: str) -> ImportReport:
    subjects, sets = load_watch_yaml(text)
    return save_all(conn, subjects, sets)
