"""`jarida queue status` and `jarida queue retry`: the broker's queues, read and replayed.

For each queue: messages ready, delayed (waiting for their time: a busy host, a
retry's back-off; those a worker already holds in memory are not counted), dead
letters (failed `message_max_retries` times), and the age of the oldest ready
message. Dead letters are the broker's own (Dramatiq's `<queue>.XQ`); replaying one
enqueues it again with its retry count reset, then removes it from the dead letters
(a crash in between replays it twice, which the idempotent actors absorb).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from dramatiq import Broker, Message
from dramatiq.common import dq_name, xq_name

from jarida.distributed.broker import Queues
from jarida.metrics.live import QueueStat


@dataclass(frozen=True)
class QueueStatus:
    name: str
    ready: int
    delayed: int
    dead: int
    oldest_age_seconds: float | None  # the oldest ready message; None when none is ready

    def as_dict(self) -> dict[str, Any]:
        return {"queue": self.name, "ready": self.ready, "delayed": self.delayed,
                "dead": self.dead, "oldest_age_seconds": self.oldest_age_seconds}


def _age(message: Message[Any] | None) -> float | None:
    if message is None:
        return None
    return round(max(0.0, time.time() - message.message_timestamp / 1000.0), 3)


def _is_rabbitmq(broker: Broker) -> bool:
    return type(broker).__name__ == "RabbitmqBroker"


def queue_status(broker: Broker, queues: Queues) -> list[QueueStatus]:
    """Depth, delayed, dead letters and oldest age of every queue of distributed mode."""
    if _is_rabbitmq(broker):
        return [_rabbit_status(broker, q) for q in queues.all]
    return [_redis_status(broker, q) for q in queues.all]


def retry_dead_letters(broker: Broker, queues: Queues, limit: int | None = None) -> int:
    """Enqueue the dead letters again (retries reset); how many were replayed."""
    replay = _rabbit_retry if _is_rabbitmq(broker) else _redis_retry
    done = 0
    for name in queues.all:
        done += replay(broker, name, None if limit is None else limit - done)
        if limit is not None and done >= limit:
            break
    return done


def _fresh(message: Message[Any]) -> Message[Any]:
    options = {k: v for k, v in message.options.items()
               if k not in ("retries", "traceback", "eta", "redis_message_id")}
    return message.copy(options=options, queue_name=message.queue_name.removesuffix(".DQ"))


# -- RabbitMQ ---------------------------------------------------------------------------
def _rabbit_status(broker: Any, name: str) -> QueueStatus:
    broker.declare_queue(name)
    ready, delayed, dead = broker.get_queue_message_counts(name)
    return QueueStatus(name, ready, delayed, dead, _age(_rabbit_peek(broker, name)))


def _rabbit_peek(broker: Any, name: str) -> Message[Any] | None:
    """The head of the queue, put back where it was (RabbitMQ keeps its position)."""
    channel = broker.channel
    method, _, body = channel.basic_get(queue=name, auto_ack=False)
    if method is None:
        return None
    try:
        return Message.decode(body)
    finally:
        channel.basic_nack(method.delivery_tag, requeue=True)


def _rabbit_retry(broker: Any, name: str, limit: int | None) -> int:
    broker.declare_queue(name)
    channel, done = broker.channel, 0
    while limit is None or done < limit:
        method, _, body = channel.basic_get(queue=xq_name(name), auto_ack=False)
        if method is None:
            break
        broker.enqueue(_fresh(Message.decode(body)))
        channel.basic_ack(method.delivery_tag)
        done += 1
    return done


# -- Redis ------------------------------------------------------------------------------
def _redis_status(broker: Any, name: str) -> QueueStatus:
    client, ns = broker.client, broker.namespace
    head = client.lindex(f"{ns}:{name}", 0)
    message = None
    if head is not None:
        data = client.hget(f"{ns}:{name}.msgs", head)
        message = Message.decode(data) if data is not None else None
    return QueueStatus(name, int(client.llen(f"{ns}:{name}")),
                       int(client.llen(f"{ns}:{dq_name(name)}")),
                       int(client.zcard(f"{ns}:{xq_name(name)}")), _age(message))


def _redis_retry(broker: Any, name: str, limit: int | None) -> int:
    client, ns = broker.client, broker.namespace
    dead = f"{ns}:{xq_name(name)}"
    ids = client.zrange(dead, 0, -1 if limit is None else max(0, limit - 1))
    done = 0
    for message_id in ids:
        data = client.hget(f"{dead}.msgs", message_id)
        if data is not None:
            broker.enqueue(_fresh(Message.decode(data)))
            done += 1
        client.zrem(dead, message_id)
        client.hdel(f"{dead}.msgs", message_id)
    return done


def queue_stats(broker: Broker, names: Queues) -> list[QueueStat]:
    """`queue_status` as the metrics want it (read at each scrape)."""
    return [QueueStat(queue=r.name, messages=r.ready, oldest_age_seconds=r.oldest_age_seconds
                      or 0.0, dead_letters=r.dead, delayed=r.delayed)
            for r in queue_status(broker, names)]
