"""Fetch, check, re-encode and store the images the crawler registered as pending.

During a crawl pass, `fetch_image` is called for each pending URL by the pass's image
pump (jarida.pipeline.image_pump), inside that host's turn in the crawl's scheduler;
`fetch_pending_images` fetches a batch of them on its own (outside any crawl pass). Every
image URL is fetched through the crawler's own Fetcher (SSRF guard, robots.txt, per-host
pacing, size cap), processed off the event loop (`process_image`, CPU work: in the
extraction pool when one is given, else in a thread), written to the media store, then
recorded. A refused
image (not a raster image, a polyglot, a bomb, truncated) is marked failed for good; a
network failure is retried at the next crawls (at most 3 attempts). A picture whose
perceptual hash is banned, or that copies a blocked one, is blocked on arrival.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.media.checks import ImageRefused
from jarida.media.phash import bands
from jarida.media.process import ImageJob, Processed, process_image
from jarida.media.store import MediaStore
from jarida.moderation.blocking import arrival_verdict
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import blocking as block_store
from jarida.storage import images as image_store

_T = TypeVar("_T")


class JobRunner(Protocol):
    """Something that runs a picklable top-level function off the event loop
    (jarida.pipeline.extraction.ExtractorPool)."""

    def run(self, fn: Callable[[ImageJob], Processed], job: ImageJob
            ) -> Awaitable[Processed]: ...


@dataclass
class ImageReport:
    fetched: int = 0
    stored: int = 0
    refused: int = 0
    failed: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)


def image_job(data: bytes, settings: Settings) -> ImageJob:
    return ImageJob(data=data, widths=tuple(settings.image_widths),
                    max_bytes=settings.image_max_bytes, max_pixels=settings.image_max_pixels,
                    jpeg=settings.image_jpeg)


DbCall = Callable[[Callable[[Connection], _T]], Awaitable[_T]]
# A turn to fetch from a host (the crawl's host queues, jarida.pipeline.scheduler), or None.
HostTurn = Callable[[str], AbstractAsyncContextManager[object]]


async def fetch_pending_images(fetcher: Fetcher, db: Database, pool: JobRunner | None,
                               settings: Settings, *, limit: int | None = None
                               ) -> ImageReport:
    """Fetch and store up to `limit` pending image URLs (settings.image_fetch_limit)."""
    report = ImageReport()
    pending = await _db(db, lambda c: image_store.pending_images(
        c, limit or settings.image_fetch_limit))
    if not pending:
        return report
    store = MediaStore(settings.media_dir)
    # No global slot is taken here: each fetch waits for its host in the pacer, which
    # counts only requests in flight against crawl_concurrency (a slot taken before
    # the host's turn would let a few slow hosts hold every slot).
    await asyncio.gather(*(fetch_image(item, fetcher, pool, settings, store, report,
                                       lambda fn: _db(db, fn)) for item in pending))
    return report


@dataclass(frozen=True)
class ImageOutcome:
    """What one fetch of a URL gave, to record for rows of that URL that came later."""

    processed: Processed | None  # stored (renditions without their bytes), or
    error: str = ""  # why not
    final: bool = False

    def apply(self, conn: Connection, settings: Settings, ids: Sequence[int]) -> None:
        if self.processed is not None:
            record_image(conn, settings, ids, self.processed)
        else:
            image_store.mark_images_failed(conn, ids, self.error, final=self.final)


async def fetch_image(item: image_store.PendingImage, fetcher: Fetcher,
                      pool: JobRunner | None, settings: Settings, store: MediaStore,
                      report: ImageReport, db: DbCall[object], turn: HostTurn | None = None,
                      ) -> ImageOutcome:
    """Fetch one pending URL (inside `turn(host)` when given), check, re-encode, store and
    record it for all its rows; its outcome is added to `report` and returned."""
    headers = {"Accept": "image/webp,image/*"}
    if turn is None:
        result = await fetcher.fetch(item.url, headers=headers)
    else:
        async with turn(urlsplit(item.url).hostname or ""):
            result = await fetcher.fetch(item.url, headers=headers)
    if not result.ok:
        report.failed += 1
        report.errors.append(f"{item.url}: {result.error}")
        outcome = ImageOutcome(None, str(result.error), result.error_kind in ("ssrf", "robots"))
        await db(lambda c: outcome.apply(c, settings, item.ids))
        return outcome
    report.fetched += 1
    try:
        job = image_job(result.body, settings)
        processed = await (pool.run(process_image, job) if pool is not None
                           else asyncio.to_thread(process_image, job))
    except ImageRefused as exc:
        reason = f"refused: {exc}"
        report.refused += 1
        report.errors.append(f"{item.url}: {reason}")
        outcome = ImageOutcome(None, reason, final=True)
        await db(lambda c: outcome.apply(c, settings, item.ids))
        return outcome
    await asyncio.to_thread(write_renditions, store, processed)
    verdict = await db(lambda c: record_image(c, settings, item.ids, processed))
    report.stored += 1
    report.blocked += verdict is not None
    return ImageOutcome(replace(processed, renditions=dict.fromkeys(processed.renditions, b"")))


def write_renditions(store: MediaStore, processed: Processed) -> None:
    for (width, ext), data in processed.renditions.items():
        store.put(processed.sha256, width, ext, data)


def record_image(conn: Connection, settings: Settings, ids: Sequence[int],
                 processed: Processed) -> str | None:
    """The picture's stored renditions recorded for these image rows (its files written
    first, `write_renditions`); blocked at once when banned or a copy of a blocked one:
    the verdict, or None."""
    formats = sorted({ext for _, ext in processed.renditions}, key=lambda e: e != "webp")
    image_store.save_media(
        conn, sha256=processed.sha256, width=processed.width, height=processed.height,
        widths=processed.widths, formats=formats, phash=processed.phash,
        bands=bands(processed.phash),
    )
    image_store.mark_images_stored(conn, ids, processed.sha256)
    verdict = arrival_verdict(conn, settings, processed.sha256, processed.phash)
    if verdict is not None:
        block_store.block_images(conn, ids, verdict)
    block_store.bump_changes(conn)  # pages now show the image (or its placeholder)
    return verdict


async def _db(db: Database, fn: Callable[[Connection], _T]) -> _T:
    def run() -> _T:
        with db.write() as conn:
            return fn(conn)

    return await asyncio.to_thread(run)
