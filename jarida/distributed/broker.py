"""The broker, the queues and the Redis of distributed mode, from the settings."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import redis
from dramatiq import Broker

from jarida.context import UserError
from jarida.settings import Settings

# Messages of the feeds queue poll one feed; those of the articles queue fetch one page;
# those of the images queue fetch, check and store one article image.
FEEDS, ARTICLES, IMAGES = "feeds", "articles", "images"


class NotDistributed(UserError):
    """Distributed mode asked for without a broker, or on SQLite."""


@dataclass(frozen=True)
class Queues:
    feeds: str
    articles: str
    images: str

    @property
    def all(self) -> tuple[str, str, str]:
        return (self.feeds, self.articles, self.images)


def queues(settings: Settings) -> Queues:
    prefix = settings.queue_prefix
    return Queues(f"{prefix}.{FEEDS}", f"{prefix}.{ARTICLES}", f"{prefix}.{IMAGES}")


def require_distributed(settings: Settings) -> str:
    """The broker URL, or a one-line refusal (no broker, or an SQLite database)."""
    if not settings.broker_url:
        raise NotDistributed("distributed mode needs JARIDA_BROKER_URL (amqp://… for "
                             "RabbitMQ or redis://… for Redis); `jarida run` crawls on one "
                             "machine without it")
    if settings.database_url.startswith("sqlite:"):
        raise NotDistributed("distributed mode needs PostgreSQL (JARIDA_DATABASE_URL="
                             "postgresql+psycopg://…): SQLite is one file on one machine, "
                             "which workers on other machines cannot share")
    return settings.broker_url


def is_rabbitmq(url: str) -> bool:
    return url.startswith(("amqp://", "amqps://"))


def make_broker(settings: Settings) -> Broker:
    """The Dramatiq broker `JARIDA_BROKER_URL` names (queues not declared yet)."""
    url = require_distributed(settings)
    if is_rabbitmq(url):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        # Publisher confirms: `send` returns once RabbitMQ has the message (persistent,
        # in a durable queue), so a feed claimed in the database is never lost in transit.
        return RabbitmqBroker(url=url, confirm_delivery=True)
    return _redis_broker(url, settings.queue_prefix)


# Dramatiq's Redis broker hands a dead worker's unacknowledged messages back once its
# heartbeat is this old (Dramatiq's default: 60 s). A worker process heartbeats from a
# thread of its own every HEARTBEAT_EVERY_S, busy or not (Dramatiq's own heartbeat is a
# side effect of fetching, which stops while every prefetched message is running), so
# a short timeout only ever catches a dead process.
HEARTBEAT_TIMEOUT_MS = 8000
HEARTBEAT_EVERY_S = 1.0
# Of a million broker commands, how many also look for dead workers and requeue their
# messages (Dramatiq's default, 1,000, looks about every 100 s per idle consumer).
MAINTENANCE_CHANCE = 100_000


def _redis_broker(url: str, namespace: str) -> Broker:
    from dramatiq.brokers.redis import RedisBroker

    class RecoveringRedisBroker(RedisBroker):  # type: ignore[misc]
        """Dramatiq's Redis broker, plus:

        - A consumer that (re)starts first hands back the messages this worker had
          fetched and not acknowledged on that queue. When the connection to Redis
          breaks, Dramatiq's consumer thread starts again and forgets the delayed
          messages it held in memory; Redis still lists them as this (living) worker's,
          so without this they would wait for the worker to die. Messages a thread is
          still running come back too: they run twice, which the idempotent actors
          absorb.
        - A heartbeat thread, started with the first consumer, so that a SIGKILLed
          worker's messages come back within about HEARTBEAT_TIMEOUT_MS, not 60 s."""

        def __init__(self, **options: Any) -> None:
            super().__init__(**options)  # type: ignore[no-untyped-call]
            self._beating: threading.Thread | None = None
            self._stop_beating = threading.Event()

        def consume(self, queue_name: str, prefetch: int = 1, timeout: int = 5000) -> Any:
            key = f"{self.namespace}:__acks__.{self.broker_id}.{queue_name}"
            stale = self.client.smembers(key)
            if stale:
                self.do_requeue(queue_name, *stale)
            if self._beating is None:
                self._beating = threading.Thread(target=self._beat, daemon=True,
                                                 name="jarida-heartbeat")
                self._beating.start()
            return super().consume(queue_name, prefetch, timeout)

        def _beat(self) -> None:
            key = f"{self.namespace}:__heartbeats__"
            while not self._stop_beating.wait(HEARTBEAT_EVERY_S):
                try:  # Redis's clock would be better, but Dramatiq scores with the worker's
                    self.client.zadd(key, {self.broker_id: int(time.time() * 1000)})
                except redis.RedisError:
                    continue  # Redis away: the consumers reconnect, the beat resumes

        def close(self) -> None:
            self._stop_beating.set()
            super().close()

    broker: Broker = RecoveringRedisBroker(  # type: ignore[no-untyped-call]
        url=url, namespace=namespace, heartbeat_timeout=HEARTBEAT_TIMEOUT_MS,
        maintenance_chance=MAINTENANCE_CHANCE)
    return broker


def politeness_client(settings: Settings) -> redis.Redis:
    """The Redis of the fleet's politeness and robots.txt cache."""
    url = settings.politeness_redis_url
    if url is None and settings.broker_url and not is_rabbitmq(settings.broker_url):
        url = settings.broker_url
    if url is None:
        raise NotDistributed("with a RabbitMQ broker, set JARIDA_POLITENESS_REDIS_URL "
                             "(redis://…): per-host politeness is shared through Redis")
    return redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5,
                                health_check_interval=30, retry_on_timeout=True)


def check_broker(url: str, timeout: float = 3.0) -> None:
    """Raise when the broker does not answer (a connection opened and closed)."""
    if is_rabbitmq(url):
        import pika

        params = pika.URLParameters(url)
        params.socket_timeout = timeout
        params.blocked_connection_timeout = timeout
        params.connection_attempts = 1
        pika.BlockingConnection(params).close()
        return
    client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()
