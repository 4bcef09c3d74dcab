"""deploy/: the Compose file, the systemd units, the env example and the alert rules agree
with the code: every `jarida` command they run exists with the options they give, every
JARIDA_* name is a setting, one image, declared volumes, health checks, metric names."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from jarida.metrics import definitions
from jarida.settings import Settings

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return loaded


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(path.read_text())
    return parser


def _jarida_commands() -> list[tuple[str, list[str]]]:
    """(where, argv after `jarida`) for every jarida command the deploy files run."""
    found = []
    for name, service in _compose()["services"].items():
        command = service.get("command") or []
        if command[:1] == ["jarida"]:
            found.append((f"compose:{name}", command[1:]))
    for path in UNITS:
        for key in ("ExecStartPre", "ExecStart"):
            line = _unit(path)["Service"].get(key)
            if line:
                argv = shlex.split(line)
                assert argv[0].endswith("/jarida"), (path.name, line)
                found.append((f"{path.name}:{key}", argv[1:]))
    return found


@cache
def _help(path: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jarida", *path, "--help"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200", "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize(("where", "argv"), _jarida_commands(),
                         ids=[w for w, _ in _jarida_commands()])
def test_every_jarida_command_exists_with_its_options(where: str, argv: list[str]) -> None:
    path = tuple(a for a in argv if not a.startswith("-") and not a[:1].isdigit()
                 and a not in ("0.0.0.0", "127.0.0.1"))[:2]
    answer = _help(path[:1])
    assert answer.returncode == 0, (where, answer.stderr)
    if len(path) > 1 and path[1] in answer.stdout:  # a command group: `jarida queue status`
        answer = _help(path)
        assert answer.returncode == 0, (where, answer.stderr)
    for option in (a.split("=")[0] for a in argv if a.startswith("--")):
        assert option in answer.stdout, f"{where}: {option} is not an option of {path}"


def _setting_names() -> set[str]:
    return {f"JARIDA_{name.upper()}" for name in Settings.model_fields}


def _env_names() -> list[tuple[str, str]]:
    names = []
    compose = _compose()
    for name, service in compose["services"].items():
        for key in (service.get("environment") or {}):
            names.append((f"compose:{name}", key))
    for line in (DEPLOY / "jarida.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            names.append(("jarida.env.example", line.split("=", 1)[0]))
    for path in UNITS:
        for line in path.read_text().splitlines():
            if line.startswith("Environment="):
                names.append((path.name, line.removeprefix("Environment=").split("=", 1)[0]))
    return names


def test_every_jarida_variable_is_a_setting() -> None:
    names = _env_names()
    unknown = [(where, n) for where, n in names
               if n.startswith("JARIDA_") and n not in _setting_names()]
    assert not unknown
    assert {n for _, n in names} - _setting_names() <= {
        "PROMETHEUS_MULTIPROC_DIR", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB",
        "RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"}


def test_one_image_shared_volumes_and_health_checks() -> None:
    compose = _compose()
    services = compose["services"]
    ours = {n: s for n, s in services.items() if (s.get("command") or [""])[0] == "jarida"}
    assert set(ours) >= {"web", "scheduler", "worker", "migrate"}
    assert len({s["image"] for s in ours.values()}) == 1
    assert {"postgres", "rabbitmq", "redis"} <= set(services)
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0]
            assert source.startswith(".") or source in declared, (name, volume)
    for name in ("web", "worker"):  # images are written by workers and read by the web
        env = ours[name]["environment"]
        assert f"media:{env['JARIDA_MEDIA_DIR']}" in ours[name]["volumes"]
    for name in ("postgres", "rabbitmq", "redis", "web", "scheduler", "worker"):
        assert services[name].get("healthcheck", {}).get("test"), name
    web_check = " ".join(services["web"]["healthcheck"]["test"])
    assert "/healthz" in web_check and "/readyz" in web_check
    port = ours["worker"]["environment"]["JARIDA_METRICS_PORT"]
    for name in ("scheduler", "worker"):
        assert f":{port}/metrics" in " ".join(services[name]["healthcheck"]["test"])
        assert ours[name]["environment"]["JARIDA_METRICS_ADDRESS"] == "0.0.0.0"
    for name, service in ours.items():
        needs = service.get("depends_on") or {}
        if name != "migrate":
            assert needs["migrate"]["condition"] == "service_completed_successfully", name
        assert needs["postgres"]["condition"] == "service_healthy", name
    scrape = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    for job in scrape["scrape_configs"]:
        for config in job.get("static_configs", []):
            for target in config["targets"]:
                host, _, scraped = target.partition(":")
                assert host in services, target
                assert scraped in ("8000", port), target


@pytest.mark.parametrize("path", UNITS, ids=[p.name for p in UNITS])
def test_systemd_units_restart_stop_in_time_and_are_hardened(path: Path) -> None:
    unit = _unit(path)
    assert unit["Unit"]["Description"] and unit["Install"]["WantedBy"] == "multi-user.target"
    service = unit["Service"]
    assert service["Restart"] in ("on-failure", "always")
    seconds = int(service["TimeoutStopSec"].removesuffix("s"))
    assert 10 <= seconds <= 60  # a graceful stop takes ≤ 10 s; systemd's default is 90
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"
    assert service["User"] == "jarida" and service["EnvironmentFile"] == "/etc/jarida/jarida.env"
    assert service["ProtectHome"] == "yes" and service["PrivateTmp"] == "yes"


def _metric_names() -> set[str]:
    names = {v for k, v in vars(definitions).items() if k.isupper() and isinstance(v, str)
             and v.startswith("jarida_")}
    for value in vars(definitions).values():
        name = getattr(value, "_name", None)
        if isinstance(name, str):
            names.add(name)
    return names


def _base(name: str) -> str:
    return re.sub(r"_(total|bucket|count|sum)$", "", name)


def test_alert_rules_and_the_operations_guide_name_real_metrics() -> None:
    known = _metric_names()
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())
    exprs = [r["expr"] for g in rules["groups"] for r in g["rules"]]
    used = {_base(n) for e in exprs for n in re.findall(r"\bjarida_[a-z_]+", e)}
    assert used and used <= known, used - known
    guide = (ROOT / "docs" / "operations.md").read_text()
    documented = {_base(n) for n in re.findall(r"`(jarida_[a-z_]+)`", guide)}
    assert not known - documented, f"metrics missing from docs/operations.md: {known - documented}"
    assert not documented - known, f"docs/operations.md names unknown metrics: {documented - known}"
