"""Blocking an image and every copy of it, restoring, confirming (a ban), and new arrivals.

A copy is the same file (same SHA-256) or a picture whose perceptual hash is within
`image_copy_distance` bits, found through the hash's indexed bands.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from jarida.media.phash import bands, distance
from jarida.settings import Settings
from jarida.storage import blocking as store
from jarida.storage import images as image_store


def similar_shas(conn: Connection, sha256s: Sequence[str], max_distance: int) -> set[str]:
    """These pictures and every stored picture within `max_distance` of one of them."""
    found = set(sha256s)
    for sha, phash in store.media_hashes(conn, list(sha256s)).items():
        found.add(sha)
        for other, other_hash in image_store.similar_media(conn, phash, bands(phash)):
            if distance(phash, other_hash) <= max_distance:
                found.add(other)
    return found


def _shas_of(conn: Connection, image_ids: Sequence[int]) -> list[str]:
    shas = []
    for image_id in image_ids:
        state = store.image_state(conn, image_id)
        if state is not None and state.sha256:
            shas.append(state.sha256)
    return shas


def block_with_copies(conn: Connection, settings: Settings, image_ids: Sequence[int],
                      reason: str, review: str | None, *, copy_reason: str = "copy") -> int:
    """Block the images and every copy of their pictures elsewhere; how many were blocked."""
    changed = store.block_images(conn, image_ids, reason, review)
    copies = similar_shas(conn, _shas_of(conn, image_ids), settings.image_copy_distance)
    others = store.images_with_media(conn, sorted(copies), blocked=False)
    return changed + store.block_images(conn, others, copy_reason)


def restore_with_copies(conn: Connection, settings: Settings, image_id: int) -> None:
    """Show the image again, and the copies that were blocked only because of it."""
    copies = similar_shas(conn, _shas_of(conn, [image_id]), settings.image_copy_distance)
    others = [i for i in store.copies_blocked_for(conn, sorted(copies)) if i != image_id]
    store.unblock_images(conn, [image_id], review="restored")
    store.unblock_images(conn, others, review=None)


def ban_image(conn: Connection, settings: Settings, image_id: int, actor: str) -> bool:
    """Ban the image's picture for ever and block every copy; False if it was never stored."""
    shas = _shas_of(conn, [image_id])
    hashes = store.media_hashes(conn, shas)
    for sha, phash in hashes.items():
        store.ban_hash(conn, phash, sha, image_id, actor)
    block_with_copies(conn, settings, [image_id], "moderator", None, copy_reason="banned")
    return bool(hashes)


def arrival_verdict(conn: Connection, settings: Settings, sha256: str, phash: str
                    ) -> str | None:
    """Why a newly stored picture must be blocked at once ('banned' or 'copy'), or None."""
    limit = settings.image_copy_distance
    if any(distance(phash, banned) <= limit for banned in store.banned_phashes(conn)):
        return "banned"
    copies = similar_shas(conn, [sha256], limit) | {sha256}
    if store.images_with_media(conn, sorted(copies), blocked=True):
        return "copy"
    return None
