"""Broker throughput for docs/scaling.md: persistent messages through the local RabbitMQ
and Redis with Dramatiq's own brokers, enqueued then consumed and acknowledged.

Messages are the size of distributed mode's (an id and a few fields, ~300 bytes: page
bodies never travel through the broker). One producer, then one consumer thread per
broker, so the figure is a floor for one client, not the broker's ceiling.

    python -m bench.broker_rate [--messages 5000]
"""

from __future__ import annotations

import argparse
import threading
import time
from typing import Any

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.worker import Worker

QUEUE = "jarida-bench-rate"


def _measure(broker: Any, n: int) -> tuple[float, float]:
    dramatiq.set_broker(broker)
    done = threading.Event()
    seen = [0]

    @dramatiq.actor(queue_name=QUEUE, max_retries=0, broker=broker)
    def article(feed_id: int, url: str, priority: int) -> None:
        seen[0] += 1
        if seen[0] >= n:
            done.set()

    broker.declare_queue(QUEUE)
    broker.flush(QUEUE)
    started = time.perf_counter()
    for k in range(n):
        article.send(k % 1000, f"https://outlet-{k % 1000}.example/2026/12/02/article-{k}.html", 1)
    sent = time.perf_counter() - started
    worker = Worker(broker, worker_threads=1, worker_timeout=100)
    started = time.perf_counter()
    worker.start()
    done.wait(600)
    consumed = time.perf_counter() - started
    worker.stop()
    broker.flush(QUEUE)
    broker.close()
    return n / sent, n / consumed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--rabbitmq", default="amqp://guest:guest@127.0.0.1:5672/")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    args = parser.parse_args()
    for name, broker in (("RabbitMQ", RabbitmqBroker(url=args.rabbitmq)),
                         ("Redis", RedisBroker(url=args.redis))):
        enqueue, consume = _measure(broker, args.messages)
        print(f"{name}: {args.messages} messages, enqueue {enqueue:,.0f}/s, "
              f"consume and ack {consume:,.0f}/s (one thread each)")


if __name__ == "__main__":
    main()
