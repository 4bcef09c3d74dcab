"""One documented, validated settings object for every part of Jarida.

Settings come from (highest first) explicit arguments, `JARIDA_*` environment
variables, an optional TOML file (`--config FILE`), then the defaults below.
Each field carries a description; `docs/configuration.md` lists every one and a
test keeps the two in step.
"""

from __future__ import annotations

import ipaddress
import json
import os
import tomllib
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal, Self, cast
from urllib.parse import urlsplit

from pydantic import Field, FilePath, ValidationError, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

DEFAULT_USER_AGENT = "Jarida/0.1 (news aggregator; +https://github.com/jarida-news/jarida)"


class ConfigError(Exception):
    """A setting or configuration file that cannot be used; the message is one line."""


class _TomlSource(PydanticBaseSettingsSource):
    """Reads settings from a TOML file whose keys are the field names (no prefix)."""

    def __init__(self, settings_cls: type[BaseSettings], data: dict[str, Any]) -> None:
        super().__init__(settings_cls)
        self._data = data

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JARIDA_", extra="forbid", frozen=True)

    # Set on a throw-away subclass by load_settings(); the base class keeps it empty.
    file_values: ClassVar[Mapping[str, Any]] = MappingProxyType({})

    database_url: str = Field(
        "sqlite:///var/jarida.db",
        description="SQLAlchemy URL of the database. SQLite paths are relative to the working "
        "directory; use postgresql+psycopg://user@host/db for PostgreSQL.",
    )
    allow_private_networks: bool = Field(
        False,
        description="Allow fetching from loopback, private, link-local and other non-public "
        "addresses. Leave off in production: it protects your network from hostile feeds.",
    )
    private_network_allowlist: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts, addresses or CIDR networks that may be fetched even though they are "
        "private (for an intranet outlet or the demo web): a JSON list "
        "(`[\"127.0.0.1\", \"10.1.0.0/16\"]`) or comma-separated (`127.0.0.1,10.1.0.0/16`).",
    )
    user_agent: str = Field(
        DEFAULT_USER_AGENT,
        description="User-Agent sent with every request; it names Jarida and a contact URL so "
        "publishers can reach the operator.",
    )
    ca_bundle: FilePath | None = Field(
        None,
        description="Extra PEM file of certificate authorities to trust for HTTPS fetches (a "
        "corporate proxy or a test CA); the usual public ones (the certifi bundle) stay trusted.",
    )
    timezone: str = Field(
        "Africa/Casablanca",
        description="IANA time zone assumed for dates published without one (a source may set "
        "its own); dates are stored in UTC.",
    )
    report_threshold: int = Field(
        3, ge=1, description="Distinct readers' reports after which an image is blocked."
    )
    host_delay_seconds: float = Field(
        1.0, ge=0, description="Minimum time between two requests to the same host."
    )
    host_concurrency: int = Field(
        1, ge=1, description="Requests in flight to one host at a time."
    )
    crawl_concurrency: int = Field(
        32, ge=1, description="Requests in flight across all hosts at a time."
    )
    max_body_bytes: int = Field(
        15 * 1024 * 1024,
        ge=1024,
        description="Largest response body accepted, counted after decompression.",
    )
    connect_timeout: float = Field(10.0, gt=0, description="Seconds to establish a connection.")
    total_timeout: float = Field(
        30.0, gt=0, description="Seconds allowed for one whole request, body included."
    )
    max_redirects: int = Field(5, ge=0, description="Redirects followed before giving up.")
    max_retries: int = Field(
        3, ge=0, description="Retries on 408, 429 and 5xx responses and on network errors."
    )
    retry_max_wait: float = Field(
        300.0, ge=0,
        description="Longest wait honoured for a Retry-After header or a backoff, in seconds.",
    )
    robots_cache_seconds: int = Field(
        86400, ge=0, description="How long a host's robots.txt is cached."
    )
    poll_min_seconds: int = Field(
        600, ge=1, description="Shortest interval between two polls of one feed."
    )
    poll_max_seconds: int = Field(
        86400, ge=1, description="Longest interval between two polls of one feed."
    )
    poll_cost_seconds: float = Field(
        80.0, gt=0,
        description="What one feed request is worth in seconds of reader delay: each feed is "
        "polled every √(2 × this / its expected publication rate) seconds (clamped to "
        "poll_min_seconds and poll_max_seconds). Larger means fewer requests, later articles.",
    )
    public_url: str | None = Field(
        None,
        description="Public base URL at which WebSub hubs can reach this Jarida (e.g. "
        "https://news.example.org); feeds naming a hub are then subscribed to, with the "
        "callback under /websub/. Unset: no subscriptions, polling only.",
    )
    websub_lease_seconds: int = Field(
        864000, ge=3600,
        description="Lease asked of WebSub hubs; a subscription is renewed when a tenth of "
        "its lease (at most a day) is left.",
    )
    extract_workers: int = Field(
        0, ge=0, description="Processes extracting articles; 0 means one per CPU core."
    )
    crawl_max_failures: int = Field(
        10, ge=1,
        description="Failed crawl passes in a row (database unreachable, disk full...) after "
        "which `jarida run` exits with status 1 so that its supervisor restarts it; passes "
        "are retried after 5 s, 10 s, 20 s... up to 5 minutes before that.",
    )
    write_batch_size: int = Field(
        100, ge=1, description="Most articles written to the database in one transaction."
    )
    write_linger_seconds: float = Field(
        0.5, ge=0, le=30,
        description="While pages are still being fetched, how long the crawl's writer lets "
        "a batch fill before writing it: fewer, larger transactions cost less CPU per "
        "article; 0 writes each page as soon as the writer is free.",
    )
    worker_write_linger_seconds: float = Field(
        0.2, ge=0, le=30,
        description="Distributed mode: while another page of a worker process is being "
        "fetched or extracted, how long the process's writer lets a batch of pages fill "
        "before writing it. Shorter than the crawl's: each page's thread waits for the "
        "commit (its message is acknowledged after it), and a waiting thread cannot start "
        "the next page whose host's turn has come.",
    )
    media_dir: str = Field(
        "var/media",
        description="Directory of the media store: article images re-encoded at crawl time, "
        "named by content hash (ab/cd/<sha256>-<width>.webp); several machines may share it.",
    )
    image_widths: list[int] = Field(
        default_factory=lambda: [320, 640, 1024],
        description="Widths, in pixels, of the renditions stored for each article image "
        "(never wider than the original).",
    )
    image_jpeg: bool = Field(
        False, description="Also store JPEG renditions beside the WebP ones."
    )
    image_max_bytes: int = Field(
        8 * 1024 * 1024, ge=1024, description="Largest image file accepted from an outlet."
    )
    image_max_pixels: int = Field(
        40_000_000, ge=10_000,
        description="Largest image accepted, in pixels (width × height), checked from the "
        "header before anything is decoded.",
    )
    image_copy_distance: int = Field(
        3, ge=0, le=3,
        description="Perceptual-hash distance (bits of 64) within which two pictures count as "
        "copies: blocking or banning one blocks the others.",
    )
    image_fetch_limit: int = Field(
        200, ge=0, description="Pending images fetched and processed during one crawl pass "
        "(0 turns image fetching off: articles keep no image). Distributed workers fetch "
        "each stored article's image as its own message, unless this is 0."
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="CIDR networks of reverse proxies whose X-Forwarded-For header is "
        "believed (comma-separated or a list); empty: the header is never trusted.",
    )
    report_rate_per_network: int = Field(
        30, ge=1, description="Image reports accepted per hour from one network (/24, /48)."
    )
    report_rate_per_reader: int = Field(
        10, ge=1, description="Image reports accepted per hour from one reader's cookie."
    )
    report_key_hours: int = Field(
        168, ge=1,
        description="Hours before the key that hashes reporters' cookies and networks is "
        "replaced; keys older than two periods are deleted, making old hashes unlinkable.",
    )
    session_hours: int = Field(
        12, ge=1, description="Hours an admin-area session lasts without activity."
    )
    login_max_failures: int = Field(
        5, ge=1, description="Failed logins (per account or per network) before a lockout."
    )
    login_lockout_minutes: int = Field(
        15, ge=1, description="Minutes an account or network stays locked out."
    )
    database_busy_seconds: float = Field(
        10.0, gt=0,
        description="How long an SQLite write waits for another process holding the database "
        "lock before the command fails with \"the database is locked\".",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO",
        description="Logging verbosity (any case); DEBUG also prints the traceback of an error, "
        "like `jarida --debug`.",
    )
    log_format: Literal["text", "json"] = Field(
        "text",
        description="How log lines are written to standard error: `text` for people, `json` "
        "for one JSON object per line (time, level, event and the event's fields).",
    )
    site_name: str = Field("Jarida", description="Name shown in the website's header and feeds.")
    web_workers: int = Field(
        1,
        ge=1,
        le=64,
        description="Processes serving the website (`jarida serve`), each listening on the "
        "port and keeping its own page cache and database connections (about 100 MB each). "
        "More processes pay only where CPUs are to spare: on 2 CPUs with the load generator "
        "alongside, one process answered cached pages fastest.",
    )
    base_url: str = Field(
        "http://127.0.0.1:8000",
        description="Public address of the website, used for absolute links in feeds.",
    )
    # Room metrics: Prometheus metrics of the crawlers (jarida/metrics).
    metrics_port: int | None = Field(
        None,
        ge=1,
        le=65535,
        description="Port on which `jarida crawl`, `jarida run`, the scheduler and the workers "
        "expose Prometheus metrics (`/metrics`); unset, no port is opened. The website "
        "always answers `/metrics` on its own port.",
    )
    metrics_address: str = Field(
        "127.0.0.1",
        description="Address the metrics port listens on (`0.0.0.0` in a container, so that "
        "Prometheus can reach it).",
    )

    # ---- room alerts: monitoring alerts and their delivery ----
    smtp_url: str | None = Field(
        None,
        description="SMTP server for alert e-mails: smtp://[user:password@]host[:port] "
        "(add ?starttls=1 to upgrade the connection) or smtps://... for TLS from the start; "
        "unset: e-mail subscriptions wait in the outbox.",
    )
    alerts_email_from: str = Field(
        "jarida@localhost", description="Sender address (From) of alert e-mails."
    )
    alerts_interval_seconds: int = Field(
        300, ge=0,
        description="How often `jarida run` evaluates the alert rules and sends what is "
        "pending (seconds; 0 turns alerts off in `jarida run`).",
    )
    alerts_webhook_allow_private: bool = Field(
        False,
        description="Allow alert webhooks to loopback, private and other non-public "
        "addresses (off: a subscription cannot be used to reach the operator's network).",
    )
    alerts_webhook_allowlist: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts, addresses or CIDR networks that alert webhooks may reach even "
        "though they are private: a JSON list or comma-separated.",
    )
    alerts_spike_min_count: int = Field(
        5, ge=1, description="Fewest mentions in a day (or an hour) that can make a spike."
    )
    alerts_spike_ratio: float = Field(
        3.0, ge=1.0,
        description="A spike is at least this many times the trailing 14-day baseline.",
    )
    alerts_spike_alpha: float = Field(
        0.001, gt=0, lt=1,
        description="Largest Poisson tail probability of a count under the baseline that "
        "still makes a spike (smaller: fewer alerts).",
    )
    alerts_negative_min: int = Field(
        3, ge=1, description="Fewest negative mentions in a day that can make a tone surge."
    )
    alerts_lookback_days: int = Field(
        2, ge=1, le=30,
        description="Days back (today included) whose mentions and articles the rules "
        "examine at each evaluation, so a late crawl still raises its alerts.",
    )
    alerts_digest_hour: int = Field(
        7, ge=0, le=23,
        description="Hour (in `timezone`) after which the previous day's digest is sent.",
    )
    alerts_retry_seconds: float = Field(
        30.0, gt=0,
        description="First wait before re-sending a failed delivery; doubled each time.",
    )
    alerts_max_attempts: int = Field(
        8, ge=1, description="Attempts of one delivery before it is marked failed."
    )

    # ---- room tone: the tone model of monitoring (jarida/tone/) ----
    tone_threads: int = Field(
        1, ge=1, le=64,
        description="Threads the tone model's encoder uses in one process (the C engine's "
        "OpenMP threads). One keeps the crawl's other work moving on a small machine; "
        "more make a long `jarida watch rescore` or `jarida watch tone` faster.",
    )

    # Distributed crawling (room dist: jarida/distributed/)
    broker_url: str | None = Field(
        None,
        description="Message broker of distributed crawling: `amqp://user:pass@host:5672/vhost` "
        "(RabbitMQ) or `redis://host:6379/0` (Redis). Set, `jarida scheduler` and "
        "`jarida worker` crawl on many machines sharing one PostgreSQL database; unset, "
        "nothing changes (`jarida run` crawls on one machine).",
    )
    politeness_redis_url: str | None = Field(
        None,
        description="Redis that holds the fleet's per-host politeness (one request at a time "
        "per host, the gap, Crawl-delay, Retry-After) and its robots.txt cache. Unset: the "
        "broker's Redis when the broker is Redis (required with RabbitMQ).",
    )
    queue_prefix: str = Field(
        "jarida",
        pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,39}$",
        description="Prefix of the broker's queue names and of the politeness keys in Redis "
        "(two fleets on one broker or Redis use two prefixes).",
    )
    host_slot_seconds: float = Field(
        60.0,
        gt=0,
        description="A host's request slot held by a worker is free again after this long "
        "without news from it (a killed worker's host waits this long at most). Keep it "
        "above `total_timeout`.",
    )
    message_max_retries: int = Field(
        5,
        ge=0,
        le=50,
        description="Times a failing crawl message (the database unreachable, a crash) is "
        "retried, with growing back-off, before it goes to the dead letters "
        "(`jarida queue status`, `jarida queue retry`).",
    )
    story_window_days: float = Field(
        7.0,
        gt=0,
        le=60,
        description="Sliding window of the stories (issue 13): an article joins a story seen "
        "within this many days; a story that keeps being covered stays open.",
    )

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_networks(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            for item in value:
                try:
                    ipaddress.ip_network(str(item), strict=False)
                except ValueError as exc:
                    raise ValueError(f"not a CIDR network: {item!r}") from exc
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("public_url")
    @classmethod
    def _absolute_http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
            raise ValueError("must be an absolute http(s) URL without a query")
        return value.rstrip("/")

    @field_validator("broker_url", "politeness_redis_url")
    @classmethod
    def _broker_scheme(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("amqp://", "amqps://", "redis://", "rediss://")):
            raise ValueError("must start with amqp:// (RabbitMQ) or redis:// (Redis)")
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        if not value.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")):
            raise ValueError("must start with sqlite:/// or postgresql+psycopg://")
        if value.startswith("sqlite://") and not value.startswith("sqlite:///") and value != (
            "sqlite://"  # an in-memory database
        ):
            path = value.removeprefix("sqlite://")
            raise ValueError(
                f"an SQLite URL takes three slashes before a relative path: sqlite:///{path} "
                f"(four for an absolute one: sqlite:////var/lib/jarida/{path})"
            )
        if value.startswith(("postgresql:", "postgres:")) and not value.startswith(
            "postgresql+psycopg:"
        ):
            value = "postgresql+psycopg:" + value.split(":", 1)[1]
        return value

    @field_validator("private_network_allowlist", "alerts_webhook_allowlist", mode="before")
    @classmethod
    def _split_allowlist(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        if value.lstrip().startswith("["):
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not a valid JSON list ({exc.msg})") from exc
        return [part.strip() for part in value.split(",") if part.strip()]

    @field_validator("private_network_allowlist", "alerts_webhook_allowlist")
    @classmethod
    def _strict_networks(cls, value: list[str]) -> list[str]:
        for entry in value:
            if "/" in entry:
                try:
                    ipaddress.ip_network(entry, strict=False)
                except ValueError as exc:
                    raise ValueError(f"{entry!r} is not a valid CIDR network ({exc})") from exc
            elif not entry or any(ch.isspace() for ch in entry) or _bad_address(entry):
                raise ValueError(f"{entry!r} is not a host name, address or CIDR network")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("must look like smtp://host:port or smtps://user:password@host")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.poll_min_seconds > self.poll_max_seconds:
            raise ValueError(
                f"poll_min_seconds ({self.poll_min_seconds}) is greater than poll_max_seconds "
                f"({self.poll_max_seconds}): the shortest interval between polls must not "
                "exceed the longest"
            )
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        file_values = getattr(settings_cls, "file_values", {})
        return (init_settings, env_settings, _TomlSource(settings_cls, dict(file_values)))


def _bad_address(entry: str) -> bool:
    """Digits and dots (or an IPv6 shape) that do not make an address: a typo, not a host."""
    looks_like_ip = all(ch.isdigit() or ch == "." for ch in entry) or ":" in entry
    if not looks_like_ip:
        return False
    try:
        ipaddress.ip_address(entry.strip("[]"))
    except ValueError:
        return True
    return False


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings, turning every problem into a one-line ConfigError."""
    data: dict[str, Any] = {}
    path = Path(config_file) if config_file is not None else None
    if path is not None:
        data = _read_toml(path)
    cls = Settings
    if data:
        cls = cast(
            type[Settings],
            type("FileSettings", (Settings,), {"file_values": MappingProxyType(data)}),
        )
    try:
        return cls(**overrides)
    except SettingsError as exc:  # a value the environment source could not even parse
        raise ConfigError(f"invalid setting: {exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        message = str(err["msg"]).removeprefix("Value error, ")
        if not err["loc"]:  # a check across settings
            raise ConfigError(f"invalid settings: {message}") from exc
        name = str(err["loc"][0])
        got = f" (got {err.get('input')!r})" if repr(err.get("input")) not in message else ""
        raise ConfigError(f"invalid setting {_origin(name, data, path, overrides)}: "
                          f"{message}{got}") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file not found: {path}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"configuration file {path} is a directory: give the TOML file "
                          "inside it") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"configuration file {path} is not UTF-8 text (byte {exc.start}): "
                          "save it as UTF-8") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration file {path} is not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - set(Settings.model_fields))
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r} in {path}")
    return data


def _origin(name: str, data: Mapping[str, Any], path: Path | None,
            overrides: Mapping[str, Any]) -> str:
    """Name a setting as the operator wrote it: the variable, or the key of the TOML file."""
    env = f"JARIDA_{name.upper()}"
    if name not in overrides and env not in {k.upper() for k in os.environ} and name in data:
        return f"{name} in {path}"
    return env
