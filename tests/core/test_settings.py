"""Settings: documented, validated at start, readable from the environment and TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarida.settings import ConfigError, Settings, load_settings
from jarida.settings_doc import reference_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [n for n in Settings.model_fields if f"`JARIDA_{n.upper()}`" not in text]
    assert missing == [], f"add to docs/configuration.md: {missing}"
    assert all(f.description for f in Settings.model_fields.values())


def test_docs_are_up_to_date_with_the_code() -> None:
    assert DOCS.read_text(encoding="utf-8") == reference_markdown(), (
        "regenerate with: python -m jarida.settings_doc > docs/configuration.md"
    )


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(f"JARIDA_{name.upper()}", raising=False)
    s = load_settings()
    assert s.database_url == "sqlite:///var/jarida.db"
    assert s.allow_private_networks is False
    assert s.timezone == "Africa/Casablanca"
    assert s.report_threshold == 3
    assert "Jarida" in s.user_agent and "http" in s.user_agent


def test_environment_beats_toml_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "jarida.toml"
    cfg.write_text('timezone = "Europe/Madrid"\nreport_threshold = 5\n', encoding="utf-8")
    monkeypatch.setenv("JARIDA_REPORT_THRESHOLD", "7")
    s = load_settings(cfg)
    assert s.timezone == "Europe/Madrid" and s.report_threshold == 7


@pytest.mark.parametrize(
    ("env", "value", "fragment"),
    [
        ("JARIDA_TIMEZONE", "Mars/Olympus", "JARIDA_TIMEZONE"),
        ("JARIDA_REPORT_THRESHOLD", "0", "JARIDA_REPORT_THRESHOLD"),
        ("JARIDA_DATABASE_URL", "mysql://x", "JARIDA_DATABASE_URL"),
        ("JARIDA_ALLOW_PRIVATE_NETWORKS", "maybe", "JARIDA_ALLOW_PRIVATE_NETWORKS"),
    ],
)
def test_invalid_values_give_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    message = str(info.value)
    assert fragment in message and "\n" not in message


def test_bad_toml_and_unknown_keys(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("timezone = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(unknown)
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "absent.toml")


def test_postgres_scheme_is_normalised() -> None:
    s = Settings(database_url="postgresql://postgres@127.0.0.1/test")
    assert s.database_url.startswith("postgresql+psycopg://")
