"""`jarida watch ...`: YAML round trip, line-numbered all-or-nothing import, backfill,
corrections exported as training data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from jarida.cli import main
from jarida.storage import Database
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.storage.tables import watch_mentions
from jarida.watch.demo_setup import demo_subjects_yaml
from tests.watch.corpus import article, make_source, store


@pytest.fixture
def cli(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("JARIDA_DATABASE_URL", str(db.engine.url.render_as_string(
        hide_password=False)))
    return db


def test_import_export_round_trip_and_list(cli: Database, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "subjects.yaml"
    source.write_text(demo_subjects_yaml(), encoding="utf-8")
    assert main(["watch", "import", str(source)]) == 0
    assert main(["watch", "export", "-o", str(tmp_path / "out.yaml")]) == 0
    exported = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert main(["watch", "import", str(tmp_path / "out.yaml")]) == 0
    capsys.readouterr()
    assert main(["watch", "import", str(tmp_path / "out.yaml")]) == 0
    assert "0 added, 0 changed, 4 unchanged" in capsys.readouterr().out
    assert main(["watch", "export", "-o", str(tmp_path / "again.yaml")]) == 0
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8") == exported
    assert "exclusions:\n  - Cap Spartel" in exported and "case_sensitive: true" in exported
    capsys.readouterr()
    assert main(["watch", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["slug"] for s in listed["subjects"]] == [
        "banque-du-sahel", "conseil-autonome-des-ports", "credit-de-l-atlas", "houda-lamrani"]
    assert listed["sets"] == [{"slug": "banques", "name": "Banques",
                               "members": ["banque-du-sahel", "credit-de-l-atlas"]}]


def test_a_bad_file_imports_nothing_and_names_its_line(
        cli: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("subjects:\n- slug: good\n  name: Good\n  kind: brand\n  aliases: [Good]\n"
                   "- slug: bad\n  name: Bad\n  kind: brand\n  query: '(oops'\n",
                   encoding="utf-8")
    assert main(["watch", "import", str(bad)]) == 2
    assert "line 9: query: a parenthesis is not closed; nothing imported" in capsys.readouterr().err
    unknown = tmp_path / "set.yaml"
    unknown.write_text("subjects:\n- {slug: good, name: Good, kind: brand, aliases: [Good]}\n"
                       "sets:\n- {slug: s, name: S, members: [good, ghost]}\n", encoding="utf-8")
    assert main(["watch", "import", str(unknown)]) == 2
    assert "unknown subject 'ghost'" in capsys.readouterr().err
    with cli.read() as conn:
        assert subject_store.list_subjects(conn) == []  # all or nothing


def test_add_backfill_remove_and_export_labels(cli: Database, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    sid, fid = make_source(cli, "courrier")
    store(cli, [article(sid, fid, 1, "Atlas", "Le Crédit de l'Atlas ouvre. Le CDA recrute."),
                article(sid, fid, 2, "Autre", "Rien à voir.")])
    assert main(["watch", "add", "credit-atlas", "--name", "Crédit de l'Atlas",
                 "--alias", "fr:Crédit de l'Atlas", "--exact", "CDA", "--set", "banques"]) == 0
    assert main(["watch", "add", "x", "--name", "X", "--kind", "planet", "--alias", "x"]) == 2
    assert main(["watch", "add", "y", "--name", "Y", "--query", "(a"]) == 2
    assert main(["watch", "backfill", "credit-atlas", "--no-tone"]) == 0
    assert "1 mentions" in capsys.readouterr().out
    assert main(["watch", "backfill", "ghost"]) == 2
    with cli.write() as conn:
        row = conn.execute(select(watch_mentions)).one()
        assert row.count == 2
        mention_store.correct_tone(conn, row.id, "positive", "ana")
    assert main(["watch", "export-labels", "-o", str(tmp_path / "labels.jsonl")]) == 0
    label = json.loads((tmp_path / "labels.jsonl").read_text(encoding="utf-8"))
    assert label["tone"] == "positive" and label["language"] == "fr"
    assert label["text"][label["start"]:label["end"]] == label["target"] == "Crédit de l'Atlas"
    assert main(["watch", "remove", "credit-atlas"]) == 0
    assert main(["watch", "remove", "credit-atlas"]) == 2
    with cli.read() as conn:
        assert conn.execute(select(watch_mentions)).all() == []
