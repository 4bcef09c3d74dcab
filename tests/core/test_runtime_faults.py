"""Faults met at run time: a full disk, PostgreSQL lost mid-command, a read-only database."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from jarida.cli import main
from tests.core.clirun import JARIDA, base_env, jarida
from tests.pgschema import PG_URL, throwaway_schema


@pytest.fixture
def tiny_disk() -> Iterator[Path]:
    """A 3 MiB tmpfs where the platform lets this process mount one (the migrated
    database and its WAL take about 1 MiB)."""
    where = Path(tempfile.mkdtemp(prefix="jarida-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)
        where.rmdir()


def _many_sources(path: Path, count: int) -> None:
    lines = ["sources:"]
    for i in range(count):
        lines += [f"  - name: Outlet number {i} with a rather long name to take room",
                  f"    homepage: https://outlet-{i}.example.ma/",
                  f"    feeds: [{{url: 'https://outlet-{i}.example.ma/feed/{'x' * 60}'}}]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_full_disk_is_one_line_and_loses_nothing(tiny_disk: Path, tmp_path: Path) -> None:
    env = base_env(f"sqlite:///{tiny_disk}/j.db")
    assert jarida("init", env=env).code == 0
    assert jarida("sources", "add", "https://first.ma/feed", env=env).code == 0
    big = tmp_path / "big.yaml"
    _many_sources(big, 12000)
    jarida("sources", "import", str(big), env=env).one_line(
        "no space left on the disk holding the database", 1)
    listed = jarida("sources", "list", "--json", env=env)
    assert listed.code == 0 and listed.out.count('"slug"') == 1  # the import rolled back


@pytest.mark.parametrize("wrapped", [False, True])
def test_full_disk_injected_in_crawl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    wrapped: bool,
) -> None:
    """The crawler's own handling is the crawl loop's (it raises StorageUnavailable);
    here, what the operator reads."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from jarida.pipeline.crawler import Crawler
    from jarida.storage.failures import StorageUnavailable

    async def full(*_args: Any, **_kw: Any) -> None:
        error = OperationalError("INSERT ...", {}, sqlite3.OperationalError(
            "database or disk is full"))
        raise StorageUnavailable(error) if wrapped else error

    monkeypatch.setattr(Crawler, "crawl_once", full)
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/j.db")
    assert main(["init"]) == 0
    capsys.readouterr()
    assert main(["crawl"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("jarida: error: no space left on the disk") and err.count("\n") == 1


@pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL")
def test_postgres_lost_mid_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import jarida.commands.sources as command

    assert PG_URL is not None
    real: Callable[..., Any] = command.enroll_sources
    admin = create_engine(PG_URL)

    def cut_then_enroll(conn: Any, specs: Any, **kw: Any) -> Any:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        with admin.connect() as other:  # the server drops this command's connection
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return real(conn, specs, **kw)

    yaml_file = tmp_path / "one.yaml"
    yaml_file.write_text("sources:\n  - name: Un\n    feeds: [{url: 'https://un.ma/f'}]\n",
                         encoding="utf-8")
    with throwaway_schema("ops") as db:
        monkeypatch.setenv("JARIDA_DATABASE_URL",
                           db.engine.url.render_as_string(hide_password=False))
        monkeypatch.setattr(command, "enroll_sources", cut_then_enroll)
        assert main(["sources", "import", str(yaml_file)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("jarida: error: lost the connection to the database")
        assert err.count("\n") == 1 and "running and reachable" in err
    admin.dispose()


def _bound_by_permissions() -> list[str]:
    """A command prefix under which file permissions bind this user, even root (whose
    capabilities to override them are dropped)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions would not bind")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable"]


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[Path]:
    """A database copied, without its write-ahead log, to a folder no one may write."""
    url = f"sqlite:///{tmp_path}/j.db"
    env = base_env(url)
    assert jarida("init", env=env).code == 0
    assert jarida("sources", "add", "https://example.ma/feed", env=env).code == 0
    folder = tmp_path / "read-only"
    folder.mkdir()
    shutil.copy(tmp_path / "j.db", folder / "j.db")  # no -wal, no -shm: a snapshot
    (folder / "j.db").chmod(0o400)
    folder.chmod(0o500)
    try:
        yield folder / "j.db"
    finally:
        folder.chmod(0o700)


def test_stats_on_a_read_only_database(read_only_copy: Path) -> None:
    env = base_env(f"sqlite:///{read_only_copy}")
    prefix = _bound_by_permissions()
    done = jarida("stats", "--json", env=env, cwd=read_only_copy.parent, prefix=prefix)
    assert done.code == 0, done.err
    assert '"sources": 1' in done.out
    jarida("sources", "add", "https://other.ma/feed", env=env, cwd=read_only_copy.parent,
           prefix=prefix).one_line("the database is read-only here", 1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_on_a_read_only_database(read_only_copy: Path) -> None:
    port = _free_port()
    env = base_env(f"sqlite:///{read_only_copy}")
    server = subprocess.Popen([*_bound_by_permissions(), JARIDA, "serve", "--port", str(port)],
                              env=env, cwd=read_only_copy.parent,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status = None
        for _ in range(400):
            if server.poll() is not None:
                break
            with contextlib.suppress(OSError), urllib.request.urlopen(
                f"http://127.0.0.1:{port}/", timeout=10
            ) as reply:
                status = reply.status
                break
            time.sleep(0.25)
        assert status == 200, server.communicate(timeout=10) if server.poll() is not None else ""
    finally:
        server.terminate()
        server.wait(timeout=30)
