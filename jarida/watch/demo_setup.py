"""The demo's monitoring: its watched subjects (jarida/demo/watch.yaml) and an analyst
login, so `make demo` opens on a populated dashboard at /veille."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from jarida.accounts.passwords import hash_password
from jarida.accounts.service import create_user
from jarida.alerts.replay import replay_alerts
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import accounts as account_store
from jarida.watch.backfill import backfill
from jarida.watch.registry import import_yaml

ANALYST = "analyste"


@dataclass(frozen=True)
class DemoLogin:
    name: str
    password: str


def demo_subjects_yaml() -> str:
    return resources.files("jarida.demo").joinpath("watch.yaml").read_text(encoding="utf-8")


def install_subjects(db: Database) -> None:
    """Import the demo's subjects (unchanged ones stay as they are)."""
    with db.write() as conn:
        import_yaml(conn, demo_subjects_yaml())


def finish(db: Database, settings: Settings) -> DemoLogin:
    """Match what was stored before the subjects existed, replay the alert rules over the
    demo's own period (its articles carry fixed dates, older than the rules' lookback), and
    (re)set the analyst's password: a new random one each run, printed by `jarida demo`."""
    backfill(db)
    replay_alerts(db, settings)
    password = secrets.token_urlsafe(12)
    with db.write() as conn:
        user = account_store.user_by_name(conn, ANALYST)
        if user is None:
            create_user(conn, ANALYST, "analyst", password, datetime.now(UTC))
        else:
            account_store.set_password(conn, user.id, hash_password(password))
    return DemoLogin(ANALYST, password)
