"""What a worker does with one image message: fetch, check, re-encode and store a picture.

The inline crawler fetches the images its pass registered at the end of the pass
(`media/ingest.py`); a worker sends one `image` message per stored article that names
one, after the article is committed. The message carries the image URL only. The
actor takes the image host's turn from the same `FleetPacer` as pages (a busy host
sends the message back with a delay, no thread sleeps), then does what the inline
crawler does with one image: `process_image` (in the worker's thread: a worker
process is already one of many), the renditions written to the media store
(`JARIDA_MEDIA_DIR`, which every worker machine and the web must share), the picture
recorded and moderated on arrival (`record_image`).

Idempotent: the image rows still pending for the URL are read first, and a message
claims its URL in Redis (with expiry, so a killed worker's claim lapses) while it
works, and a URL whose picture is already stored for an earlier article is recorded
without a fetch, so a message delivered twice, or two articles sharing one picture,
fetch and store it once; the media store's files are named by content. A network failure is
tried again with back-off through the broker up to `IMAGE_ATTEMPTS` attempts (the
inline crawler's count); a refused picture (not an image, a bomb, a polyglot) fails
for good at once.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import asdict, dataclass, replace
from typing import Any

from jarida.crawl.result import FetchResult
from jarida.crawl.retry import backoff_delay
from jarida.distributed.tasks import Runtime
from jarida.media.checks import ImageRefused
from jarida.media.ingest import image_job, record_image, write_renditions
from jarida.media.process import process_image
from jarida.media.store import MediaStore
from jarida.pipeline.stages import host_of
from jarida.storage import images as image_store

IMAGE_ATTEMPTS = 3  # as `storage.images.pending_images`: then the image stays failed
CLAIMED_WAIT_MS = 1000  # a picture another message is fetching: look again this much later
# Deletes the picture's claim if it is still this message's (a lapsed claim may be another's).
_RELEASE = ("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            "return redis.call('DEL', KEYS[1]) end return 0")
ACCEPT = {"Accept": "image/webp,image/*"}


@dataclass(frozen=True)
class ImageMessage:
    """One picture to fetch: what the image actor's message carries (JSON)."""

    url: str
    attempt: int = 0
    booked: bool = False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def image_message(rt: Runtime, payload: dict[str, Any]) -> str:
    """Fetch, process and store one image; the outcome, for logs and tests."""
    msg = ImageMessage(**payload)
    token = uuid.uuid4().hex
    claim = _claim_key(rt, msg.url)
    if not rt.redis.set(claim, token, nx=True, px=int(rt.settings.host_slot_seconds * 1000)):
        # Another message of the same picture (two articles share it) is at work: come
        # back once it is done, and find nothing pending.
        rt.send_image(msg.as_json(), delay_ms=CLAIMED_WAIT_MS)
        return "claimed"
    try:  # claimed first, then read: what is pending now stays so until we are done
        pending = rt.read(lambda c: image_store.pending_image(c, msg.url, IMAGE_ATTEMPTS))
        if pending is None:
            return "done"  # stored, failed for good, or unknown: nothing to do
        known = rt.read(lambda c: image_store.stored_picture_of(c, msg.url))
        if known is not None:  # an earlier article's copy of this URL: no second fetch
            rt.write(lambda c: image_store.mark_images_stored(c, pending.ids, known))
            return "stored:known"
        return _fetch_and_store(rt, msg, pending, token)
    finally:
        rt.redis.eval(_RELEASE, 1, claim, token)


def _claim_key(rt: Runtime, url: str) -> str:
    return f"{rt.settings.queue_prefix}:image:{hashlib.sha256(url.encode()).hexdigest()}"


def _fetch_and_store(rt: Runtime, msg: ImageMessage, pending: image_store.PendingImage,
                     token: str) -> str:
    host = host_of(msg.url)
    wait = rt.acquire(host, token, booked=msg.booked)
    if wait:
        rt.send_image(replace(msg, booked=True).as_json(), delay_ms=wait)
        return "waiting"
    result: FetchResult = rt.turn(host, token,
                                  lambda: rt.fetcher().fetch(msg.url, headers=ACCEPT))
    if result.retry_after:
        rt.pacer.defer(host, result.retry_after)
    if not result.ok:
        final = result.error_kind in ("ssrf", "robots")
        error = str(result.error)
        rt.write(lambda c: image_store.mark_images_failed(c, pending.ids, error, final=final))
        if not final and msg.attempt + 1 < IMAGE_ATTEMPTS:
            wait_s = max(result.retry_after or 0.0,
                          backoff_delay(msg.attempt, rt.settings.retry_max_wait, rt.rng))
            rt.send_image(replace(msg, attempt=msg.attempt + 1, booked=False).as_json(),
                          delay_ms=max(1, int(wait_s * 1000)))
            return "retrying"
        return "failed"
    try:
        processed = process_image(image_job(result.body, rt.settings))
    except ImageRefused as exc:
        reason = f"refused: {exc}"
        rt.write(lambda c: image_store.mark_images_failed(c, pending.ids, reason, final=True))
        return "refused"
    write_renditions(MediaStore(rt.settings.media_dir), processed)
    verdict = rt.write(lambda c: record_image(c, rt.settings, pending.ids, processed))
    return "stored" if verdict is None else f"stored:{verdict}"
