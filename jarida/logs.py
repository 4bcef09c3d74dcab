"""Logging for every command: configured once at start, human lines or JSON lines.

Modules log through the standard library (`logging.getLogger(__name__)`), giving the
event as the message and its details as `extra` fields::

    log.info("crawl pass done", extra={"outcome": "ok", "duration": 12.5, "feeds": 40})

`JARIDA_LOG_LEVEL` sets the level of the `jarida` loggers; `JARIDA_LOG_FORMAT=json`
writes one JSON object per line (time, level, event, then the fields) for collectors,
and the default writes `time level event key=value ...` for people. Lines go to
standard error, so a command's own output on standard output stays clean.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

LOGGER = "jarida"
# Attributes every LogRecord has: whatever else a record carries came from `extra`.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def _fields(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


def _time(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, event, logger, then the event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": _time(record),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            "logger": record.name,
        }
        data.update(_fields(record))
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


class HumanLines(logging.Formatter):
    """`2026-12-02T07:30:00.123+00:00 INFO crawl pass done outcome=ok duration=12.5`."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={_plain(v)}" for k, v in _fields(record).items())
        line = f"{_time(record)} {record.levelname} {record.getMessage()}"
        line = f"{line} {fields}" if fields else line
        if record.exc_info:
            line = f"{line}\n{self.formatException(record.exc_info)}"
        return line


def _plain(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or " " in text or "=" in text) \
        else text


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever `sys.stderr` is at the time (tests replace it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def configure_logging(level: str = "INFO", fmt: str = "text") -> None:
    """Send the `jarida` loggers' records at LEVEL and above to standard error.

    Calling it again replaces the previous configuration (the CLI calls it once per
    command; tests call the CLI many times in one process).
    """
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _StderrHandler):
            logger.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(JsonLines() if fmt == "json" else HumanLines())
    logger.addHandler(handler)
    logger.setLevel(level.upper())
