"""Logging: standard `logging`, a level from JARIDA_LOG_LEVEL, human or JSON lines."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from jarida.cli import main
from jarida.logs import configure_logging

log = logging.getLogger("jarida.test")


def test_json_lines_carry_the_event_and_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("info", "json")
    log.info("crawl pass done", extra={"outcome": "ok", "duration": 1.25, "source": "rif"})
    log.debug("not shown at info")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert event["event"] == "crawl pass done" and event["level"] == "info"
    assert (event["outcome"], event["duration"], event["source"]) == ("ok", 1.25, "rif")
    assert event["time"].endswith("+00:00")


def test_text_lines_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("DEBUG", "text")
    log.debug("feed failed", extra={"url": "https://a.ma/feed", "error": "HTTP 500 twice"})
    line = capsys.readouterr().err.strip()
    assert " DEBUG feed failed url=https://a.ma/feed error=\"HTTP 500 twice\"" in line


def test_the_cli_configures_logging_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/j.db")
    assert main(["init"]) == 0
    registry = tmp_path / "s.yaml"
    registry.write_text("sources:\n  - name: Un\n    feeds: [{url: 'https://un.ma/f'}]\n",
                        encoding="utf-8")
    monkeypatch.setenv("JARIDA_LOG_FORMAT", "json")
    capsys.readouterr()
    assert main(["sources", "import", str(registry)]) == 0
    event = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert event["event"] == "sources imported" and event["added_feeds"] == 1
    monkeypatch.setenv("JARIDA_LOG_LEVEL", "warning")
    assert main(["sources", "import", str(registry)]) == 0
    assert capsys.readouterr().err == ""
