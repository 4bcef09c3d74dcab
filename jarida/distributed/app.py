"""The broker and the two actors of distributed mode, built from the settings.

`poll` (queue `<prefix>.feeds`) polls one feed; `article` (queue `<prefix>.articles`)
fetches, extracts and stores one page; `image` (queue `<prefix>.images`) fetches,
checks and stores the picture a stored article names. Dramatiq acknowledges a message only after
its actor returned, that is after its effect is committed; a message whose actor
raised is retried `message_max_retries` times with growing back-off, then moved to
the queue's dead letters (`jarida queue status`, `jarida queue retry`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import dramatiq
from dramatiq import Actor, Broker

from jarida.distributed import images, tasks
from jarida.distributed.broker import Queues, make_broker, queues
from jarida.settings import Settings

log = logging.getLogger("jarida.worker")
# A message's run may take this long (a slow page plus extraction), then it fails.
ACTOR_TIME_LIMIT_MS = 5 * 60 * 1000
MIN_BACKOFF_MS = 1000
MAX_BACKOFF_MS = 60_000


@dataclass
class DistributedApp:
    settings: Settings
    broker: Broker
    queues: Queues
    poll: Actor[..., Any]
    article: Actor[..., Any]
    image: Actor[..., Any]
    runtime: tasks.Runtime | None = None

    def send_poll(self, feed_id: int, *, booked: bool = False, delay_ms: int = 0) -> None:
        self.poll.send_with_options(args=(feed_id, booked), delay=delay_ms or None)

    def send_article(self, payload: dict[str, Any], *, delay_ms: int = 0) -> None:
        self.article.send_with_options(args=(payload,), delay=delay_ms or None)

    def send_image(self, payload: dict[str, Any], *, delay_ms: int = 0) -> None:
        self.image.send_with_options(args=(payload,), delay=delay_ms or None)

    def worker_runtime(self) -> tasks.Runtime:
        if self.runtime is None:
            self.runtime = tasks.Runtime(self.settings, send_poll=self.send_poll,
                                         send_article=self.send_article,
                                         send_image=self.send_image)
        return self.runtime

    def close(self) -> None:
        self.broker.close()


def build_app(settings: Settings, broker: Broker | None = None) -> DistributedApp:
    """The broker (declared queues included) and the actors, registered on it."""
    broker = broker or make_broker(settings)
    names = queues(settings)
    options: dict[str, Any] = {
        "broker": broker, "max_retries": settings.message_max_retries,
        "min_backoff": MIN_BACKOFF_MS, "max_backoff": MAX_BACKOFF_MS,
        "time_limit": ACTOR_TIME_LIMIT_MS,
    }
    holder: list[DistributedApp] = []

    def poll(feed_id: int, booked: bool = False) -> None:
        outcome = tasks.poll_message(holder[0].worker_runtime(), feed_id, booked)
        log.debug("poll", extra={"outcome": outcome, "feed": feed_id})

    def article(payload: dict[str, Any]) -> None:
        outcome = tasks.article_message(holder[0].worker_runtime(), payload)
        log.debug("article", extra={"outcome": outcome, "url": payload["entry"]["url"]})

    def image(payload: dict[str, Any]) -> None:
        outcome = images.image_message(holder[0].worker_runtime(), payload)
        log.debug("image", extra={"outcome": outcome, "url": payload["url"]})

    poll_actor: Actor[..., Any] = dramatiq.actor(
        actor_name=f"{settings.queue_prefix}_poll", queue_name=names.feeds, **options)(poll)
    article_actor: Actor[..., Any] = dramatiq.actor(
        actor_name=f"{settings.queue_prefix}_article", queue_name=names.articles,
        **options)(article)
    image_actor: Actor[..., Any] = dramatiq.actor(
        actor_name=f"{settings.queue_prefix}_image", queue_name=names.images,
        **options)(image)
    app = DistributedApp(settings, broker, names, poll_actor, article_actor, image_actor)
    holder.append(app)
    return app
