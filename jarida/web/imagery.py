"""How an article's lead image is shown: Jarida's renditions (srcset), the withdrawn
placeholder, or nothing. Readers' browsers only ever load images from this site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

MEDIA_PREFIX = "/media/"


def media_path(image_id: int, width: int, ext: str = "webp") -> str:
    """Where the image route (jarida.web.images) serves one rendition."""
    return f"{MEDIA_PREFIX}{image_id}/{width}.{ext}"


class HasLeadImage(Protocol):
    @property
    def image_id(self) -> int | None: ...
    @property
    def image_status(self) -> str | None: ...
    @property
    def image_widths(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class LeadImage:
    id: int
    blocked: bool
    widths: tuple[int, ...] = ()

    @property
    def src(self) -> str:
        return media_path(self.id, self.widths[min(1, len(self.widths) - 1)])

    @property
    def largest(self) -> str:
        return media_path(self.id, self.widths[-1])

    @property
    def srcset(self) -> str:
        return ", ".join(f"{media_path(self.id, w)} {w}w" for w in self.widths)


def lead_image(article: HasLeadImage) -> LeadImage | None:
    """The image to show (or the placeholder when blocked); None when there is none yet."""
    if article.image_id is None:
        return None
    if article.image_status == "blocked":
        return LeadImage(article.image_id, blocked=True)
    widths = tuple(int(w) for w in (article.image_widths or "").split(",") if w)
    if article.image_status != "ok" or not widths:
        return None
    return LeadImage(article.image_id, blocked=False, widths=widths)


def image_api_fields(article: HasLeadImage, base_url: str) -> dict[str, object]:
    """image_url (Jarida's largest rendition, or null), image_id and image_blocked."""
    shown = lead_image(article)
    return {
        "image_url": base_url.rstrip("/") + shown.largest if shown and not shown.blocked
        else None,
        "image_id": article.image_id,
        "image_blocked": bool(shown and shown.blocked),
    }
