"""Running the real `jarida` command in a subprocess, as an operator would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

JARIDA = str(Path(sys.executable).parent / "jarida")


@dataclass
class Result:
    code: int
    out: str
    err: str

    def one_line(self, fragment: str, code: int) -> str:
        """The error line, after checking it is alone, contains FRAGMENT and came with CODE."""
        lines = self.err.strip().splitlines()
        assert self.code == code, (self.code, self.err)
        assert len(lines) == 1, f"expected one line, got:\n{self.err}"
        assert lines[0].startswith("jarida: ") and fragment in lines[0], lines[0]
        assert "Traceback" not in self.err
        return lines[0]


def base_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JARIDA_")}
    env.update(JARIDA_DATABASE_URL=database_url, JARIDA_EXTRACT_WORKERS="1", COLUMNS="200")
    env.update(extra)
    return env


def jarida(*args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 100,
           prefix: Sequence[str] = ()) -> Result:
    done = subprocess.run(
        [*prefix, JARIDA, *args], env=env, cwd=cwd, capture_output=True, text=True,
        timeout=timeout, check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)
