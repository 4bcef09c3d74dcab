"""The broker, the queues and the Redis of distributed mode, from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis
from dramatiq import Broker

from jarida.context import UserError
from jarida.settings import Settings

# Messages of the feeds queue poll one feed; those of the articles queue fetch one page.
FEEDS, ARTICLES = "feeds", "articles"


class NotDistributed(UserError):
    """Distributed mode asked for without a broker, or on SQLite."""


@dataclass(frozen=True)
class Queues:
    feeds: str
    articles: str

    @property
    def all(self) -> tuple[str, str]:
        return (self.feeds, self.articles)


def queues(settings: Settings) -> Queues:
    return Queues(f"{settings.queue_prefix}.{FEEDS}", f"{settings.queue_prefix}.{ARTICLES}")


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


def _redis_broker(url: str, namespace: str) -> Broker:
    from dramatiq.brokers.redis import RedisBroker

    class RecoveringRedisBroker(RedisBroker):  # type: ignore[misc]
        """Dramatiq's Redis broker, plus: a consumer that (re)starts first hands back the
        messages this worker had fetched and not acknowledged on that queue.

        When the connection to Redis breaks, Dramatiq's consumer thread starts again
        and forgets the delayed messages it held in memory; Redis still lists them as
        this (living) worker's, so without this they would wait for the worker to
        die. Messages a thread is still running come back too: they run twice, which
        the idempotent actors absorb."""

        def consume(self, queue_name: str, prefetch: int = 1, timeout: int = 5000) -> Any:
            key = f"{self.namespace}:__acks__.{self.broker_id}.{queue_name}"
            stale = self.client.smembers(key)
            if stale:
                self.do_requeue(queue_name, *stale)
            return super().consume(queue_name, prefetch, timeout)

    broker: Broker = RecoveringRedisBroker(url=url, namespace=namespace)  # type: ignore[no-untyped-call]
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
