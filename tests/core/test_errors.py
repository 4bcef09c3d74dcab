"""Every failure an operator can cause or meet: one line saying what to do, and its code.

Exit codes: 0 success, 1 failure at run time, 2 usage or configuration (README).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.core.clirun import JARIDA, base_env, jarida
from tests.pgschema import PG_URL, throwaway_schema


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/j.db"
    assert jarida("init", env=base_env(url)).code == 0
    return url


def test_sqlite_url_with_two_slashes(tmp_path: Path) -> None:
    line = jarida("stats", env=base_env("sqlite://x.db"), cwd=tmp_path).one_line(
        "JARIDA_DATABASE_URL", 2)
    assert "sqlite:///x.db" in line


def test_allowlist_accepts_a_comma_separated_list(db_url: str) -> None:
    env = base_env(db_url, JARIDA_PRIVATE_NETWORK_ALLOWLIST="127.0.0.1, 10.1.0.0/16")
    assert jarida("stats", env=env).code == 0
    env["JARIDA_PRIVATE_NETWORK_ALLOWLIST"] = "10.0.0.0/33"
    jarida("stats", env=env).one_line("'10.0.0.0/33' is not a valid CIDR network", 2)
    env["JARIDA_PRIVATE_NETWORK_ALLOWLIST"] = '["127.0.0.1"'
    jarida("stats", env=env).one_line("not a valid JSON list", 2)


def test_config_is_a_directory_or_not_utf8(tmp_path: Path, db_url: str) -> None:
    env = base_env(db_url)
    jarida("--config", str(tmp_path), "stats", env=env).one_line("is a directory", 2)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('site_name = "Jarîda"\n'.encode("latin-1"))
    jarida("--config", str(latin), "stats", env=env).one_line("is not UTF-8 text", 2)


def test_invalid_toml_value_is_named_by_its_key(tmp_path: Path, db_url: str) -> None:
    cfg = tmp_path / "jarida.toml"
    cfg.write_text("poll_min_seconds = 0\n", encoding="utf-8")
    line = jarida("--config", str(cfg), "stats", env=base_env(db_url)).one_line(
        f"invalid setting poll_min_seconds in {cfg}", 2)
    assert "JARIDA_" not in line
    env = base_env(db_url, JARIDA_POLL_MIN_SECONDS="-1")  # the environment wins, named so
    jarida("--config", str(cfg), "stats", env=env).one_line("JARIDA_POLL_MIN_SECONDS", 2)


def test_poll_bounds_are_checked_together(db_url: str) -> None:
    env = base_env(db_url, JARIDA_POLL_MIN_SECONDS="7200", JARIDA_POLL_MAX_SECONDS="3600")
    jarida("stats", env=env).one_line("poll_min_seconds (7200) is greater than", 2)


@pytest.mark.parametrize("command", ["serve", "run"])
def test_port_out_of_range(db_url: str, command: str) -> None:
    jarida(command, "--port", "70000", env=base_env(db_url)).one_line("--port", 2)


def test_crawl_unknown_source_names_the_known_ones(db_url: str) -> None:
    env = base_env(db_url)
    assert jarida("sources", "add", "https://example.ma/feed", env=env).code == 0
    line = jarida("crawl", "--source", "exampl-ma", env=env).one_line("no source named", 2)
    assert "example-ma" in line


def test_boolean_options_are_plain_flags(db_url: str) -> None:
    env = base_env(db_url)
    for args in (["crawl", "--help"], ["sources", "list", "--help"], ["--help"]):
        shown = jarida(*args, env=env).out
        assert "<bool>" not in shown and "--help" in shown
    assert "--debug" in jarida("--help", env=env).out
    jarida("crawl", "--once", "true", env=env).one_line("flags that take no value", 2)


def test_database_from_a_newer_jarida(tmp_path: Path, db_url: str) -> None:
    with sqlite3.connect(tmp_path / "j.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_future'")
    env = base_env(db_url)
    for args in (["stats"], ["db", "upgrade"], ["init"]):
        line = jarida(*args, env=env).one_line("written by a newer Jarida (schema 0042_future", 2)
        assert line.endswith("upgrade Jarida")


def test_locked_database_in_sources_add_and_crawl(tmp_path: Path, db_url: str) -> None:
    env = base_env(db_url, JARIDA_DATABASE_BUSY_SECONDS="0.3")
    assert jarida("sources", "add", "https://example.ma/feed", env=env).code == 0
    holder = sqlite3.connect(tmp_path / "j.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holding the lock
    try:
        jarida("sources", "add", "https://other.ma/feed", env=env).one_line(
            "the database is locked by another process", 1)
        jarida("crawl", "--force", env=env).one_line(
            "the database is locked by another process", 1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert jarida("sources", "add", "https://other.ma/feed", env=env).code == 0


def test_debug_shows_the_traceback(db_url: str) -> None:
    env = base_env(db_url, JARIDA_POLL_MIN_SECONDS="0")
    quiet = jarida("stats", env=env)
    loud = jarida("--debug", "stats", env=env)
    assert "Traceback" not in quiet.err and "Traceback" in loud.err
    assert quiet.code == loud.code == 2
    assert loud.err.strip().splitlines()[-1] == quiet.err.strip()
    env = base_env(db_url, JARIDA_POLL_MIN_SECONDS="0", JARIDA_LOG_LEVEL="debug")
    assert "Traceback" in jarida("stats", env=env).err


def test_database_unreachable_is_a_runtime_failure(tmp_path: Path) -> None:
    env = base_env("postgresql+psycopg://nobody@127.0.0.1:1/none")
    jarida("stats", env=env).one_line("cannot open database", 1)


def test_concurrent_upgrades_wait_for_each_other(tmp_path: Path) -> None:
    """The second `db upgrade` waits for the first instead of migrating under its feet."""
    from jarida.storage import Database, migrate

    url = f"sqlite:///{tmp_path}/up.db"
    db = Database.open(url)
    try:
        with migrate.upgrade_lock(db.engine):  # a first upgrade, just started
            second = subprocess.Popen([JARIDA, "db", "upgrade"], env=base_env(url),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            assert second.stderr is not None
            notice = second.stderr.readline()  # blocks until the second one says it waits
            assert "waiting for another `jarida db upgrade`" in notice
            migrate.command.upgrade(migrate._config(db.engine), "head")
        out, err = second.communicate(timeout=100)
        assert second.returncode == 0, err
        assert "is up to date" in out
    finally:
        db.close()


@pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL")
def test_concurrent_upgrades_wait_for_each_other_on_postgres() -> None:
    from jarida.storage import migrate

    with throwaway_schema("ops") as db:
        url = db.engine.url.render_as_string(hide_password=False)
        with migrate.upgrade_lock(db.engine):
            second = subprocess.Popen([JARIDA, "db", "upgrade"], env=base_env(url),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            assert second.stderr is not None
            assert "waiting for another `jarida db upgrade`" in second.stderr.readline()
        out, err = second.communicate(timeout=100)
        assert second.returncode == 0, err
        assert "is up to date" in out
