"""`jarida watch tone`: score mentions given as JSON lines on standard input.

Each input line is `{"text", "target", "start", "end", "language"}` (offsets in
characters, end exclusive); each gives one output line `{"tone", "score"}`, in order.
Blank lines are ignored. A bad line stops the command: the lines before it have been
written, and the error names the line (exit status 2). With `--keep-going` a bad line
gives `{"error": "..."}` in its place, its error goes to standard error, the others
are scored, and the exit status is 1 when any line was bad.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Annotated

import typer

from jarida.context import CommandFailed, UserError

BATCH = 32
FIELDS = ("text", "target", "start", "end", "language")


def parse_line(line: str, number: int) -> tuple[object, object, object, object, object]:
    """The five fields of input line NUMBER, or UserError naming it."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UserError(f"line {number}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise UserError(f"line {number}: expected a JSON object with {', '.join(FIELDS)}")
    missing = [f for f in FIELDS if f not in row]
    if missing:
        raise UserError(f"line {number}: missing {', '.join(missing)}")
    return row["text"], row["target"], row["start"], row["end"], row["language"]


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield number, line


def score_lines(lines: Iterable[str], out: IO[str], err: IO[str],
                keep_going: bool = False) -> int:
    """Score every non-blank line of LINES onto OUT; the number of bad lines."""
    from jarida.tone import ToneInputError, score_many
    from jarida.tone.api import Mention, check_mention

    bad = 0
    pending: list[tuple[int, Mention | str]] = []

    def flush() -> None:
        good = [m for _, m in pending if isinstance(m, Mention)]
        results = iter(score_many(good))
        for _, item in pending:
            if isinstance(item, Mention):
                result = next(results)
                out.write(json.dumps({"tone": result.tone, "score": result.score}) + "\n")
            else:
                out.write(json.dumps({"error": item}, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for number, line in _numbered(lines):
        try:
            mention = check_mention(*parse_line(line, number))
        except (UserError, ToneInputError) as exc:
            message = str(exc) if isinstance(exc, UserError) else f"line {number}: {exc}"
            if not keep_going:
                flush()
                raise UserError(message) from None
            bad += 1
            err.write(f"jarida: {message}\n")
            pending.append((number, message))
        else:
            pending.append((number, mention))
        if len(pending) >= BATCH:
            flush()
    flush()
    return bad


def tone_command(
    keep_going: Annotated[bool, typer.Option(
        "--keep-going", help='Write {"error": ...} for a bad line and go on (exit 1).')]
    = False,
) -> None:
    """Tone of each mention read as JSON lines on standard input.

    Input: {"text", "target", "start", "end", "language"} a line (offsets in characters,
    end exclusive; language fr, ar, es or en). Output: {"tone", "score"} a line, in
    order; tone is negative, neutral or positive, score is P(positive) − P(negative).
    A bad line stops with its line number, unless --keep-going."""
    bad = score_lines(sys.stdin, sys.stdout, sys.stderr, keep_going)
    if bad:
        raise CommandFailed(f"{bad} line(s) could not be scored")


def register_tone(watch_app: typer.Typer) -> None:
    """Add `tone` to the `watch` command group."""
    watch_app.command("tone")(tone_command)
