"""The command line as an operator uses it: init, import, export, re-import, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarida.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_catalogue_round_trips_through_opml_into_a_second_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/a.db")
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "sources", "import", str(ROOT / "sources" / "morocco.yaml"))[0] == 0
    opml = tmp_path / "export.opml"
    assert run(capsys, "sources", "export", "--format", "opml", "-o", str(opml))[0] == 0
    code, listed_a, _ = run(capsys, "sources", "list", "--json")
    assert code == 0
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/b.db")
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "sources", "import", str(opml))[0] == 0
    code, listed_b, _ = run(capsys, "sources", "list", "--json")
    a, b = json.loads(listed_a), json.loads(listed_b)
    assert len(a) >= 15 and a == b
    # Importing again skips every feed and adds nothing.
    code, out, _ = run(capsys, "sources", "import", str(opml))
    assert code == 0 and "imported 0 sources and 0 feeds" in " ".join(out.split())


def test_errors_are_one_line_with_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/a.db")
    code, _, err = run(capsys, "stats")
    assert code == 2 and "jarida init" in err and err.count("\n") == 1
    run(capsys, "init")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - name: X\n    feeds:\n      - url: ftp://x\n", encoding="utf-8")
    code, _, err = run(capsys, "sources", "import", str(bad))
    assert code == 2 and "line 4" in err and err.count("\n") == 1
    assert run(capsys, "sources", "list", "--json")[1].strip() == "[]"  # nothing imported
    run(capsys, "sources", "add", "https://example.ma/feed")
    code, _, err = run(capsys, "sources", "add", "https://example.ma/feed")
    assert code == 2 and "already registered" in err
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and err.count("\n") == 1
    monkeypatch.setenv("JARIDA_TIMEZONE", "Nowhere/Land")
    code, _, err = run(capsys, "stats")
    assert code == 2 and "JARIDA_TIMEZONE" in err
