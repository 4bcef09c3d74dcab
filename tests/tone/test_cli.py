"""`jarida watch tone` as an operator runs it: JSON lines in, one line out per input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

JARIDA = str(Path(sys.executable).parent / "jarida")
GOOD = [
    {"text": "Les salariés dénoncent la direction de Textilor, accusée de mentir.",
     "target": "Textilor", "start": 39, "end": 47, "language": "fr"},
    {"text": "تعرضت شركة الواحة لانتقادات واسعة بعد انقطاع المياه.", "target": "شركة الواحة",
     "start": 6, "end": 17, "language": "ar"},
    {"text": "El alcalde Ramón Gil inauguró ayer el nuevo puente.", "target": "Ramón Gil",
     "start": 11, "end": 20, "language": "es"},
]


def _run(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([JARIDA, "watch", "tone", *args], input=stdin, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.mark.timeout(600)
def test_round_trip_one_line_per_input_in_order() -> None:
    from jarida.tone import score_mention

    lines = [json.dumps(row, ensure_ascii=False) for row in GOOD]
    done = _run("\n".join(lines[:2]) + "\n\n" + lines[2] + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 3
    for row, got in zip(GOOD, out, strict=True):
        assert set(got) == {"tone", "score"}
        expected = score_mention(row["text"], row["target"], row["start"], row["end"],
                                 row["language"])
        assert got == {"tone": expected.tone, "score": expected.score}


@pytest.mark.timeout(600)
def test_bad_line_stops_with_its_number_after_the_good_ones() -> None:
    bad = json.dumps({**GOOD[0], "end": 400})
    done = _run(json.dumps(GOOD[0]) + "\n" + bad + "\n" + json.dumps(GOOD[1]) + "\n")
    assert done.returncode == 2
    assert len(done.stdout.splitlines()) == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "line 2" in lines[0] and "outside the text" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.timeout(600)
def test_keep_going_writes_the_error_in_place() -> None:
    stdin = "not json\n" + json.dumps({"text": "x"}) + "\n" + json.dumps(GOOD[2]) + "\n"
    done = _run(stdin, "--keep-going")
    assert done.returncode == 1
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert "line 1: not JSON" in out[0]["error"]
    assert "line 2: missing target, start, end, language" in out[1]["error"]
    assert set(out[2]) == {"tone", "score"}
    assert "line 1" in done.stderr and "line 2" in done.stderr
