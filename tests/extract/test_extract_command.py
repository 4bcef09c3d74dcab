"""`jarida extract --json`: one JSON object per input, in order, errors in place."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jarida.cli import app

ARTICLE = ("<html lang='fr'><head><title>Un titre | Le Journal</title></head><body>"
           + "<p>Premier paragraphe assez long pour faire un article complet, avec des phrases "
             "entières et des informations utiles aux lecteurs de la presse en ligne.</p>" * 3
           + "</body></html>")


def test_every_input_gives_one_json_object(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/j.db")
    page = tmp_path / "a.html"
    page.write_text(ARTICLE, encoding="utf-8")
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(ARTICLE.encode()))
    empty = tmp_path / "c.html"
    empty.write_text("<html><body><nav><a href='/'>x</a></nav></body></html>")
    inputs = [str(page), str(tmp_path / "missing.html"), str(packed), str(empty)]
    result = CliRunner().invoke(app, ["extract", "--json", *inputs])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [line["input"] for line in lines] == inputs
    assert lines[0]["title"] == "Un titre" and "Premier paragraphe" in lines[0]["text"]
    assert lines[0]["extraction"] == "full" and lines[2]["text"] == lines[0]["text"]
    assert "cannot read" in lines[1]["error"]
    assert lines[3]["text"] is None and lines[3]["extraction"] == "fallback"
    assert result.exit_code == 1  # one input failed; the others were still extracted
