"""The answer the demo site gives to one GET, before HTTP framing and fault injection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Reply:
    """Status, body and the validators the server turns into ETag/Last-Modified."""

    status: int
    body: bytes
    content_type: str
    last_modified: datetime | None = None


def html(text: str, modified: datetime | None = None) -> Reply:
    """A UTF-8 HTML page."""
    return Reply(200, text.encode("utf-8"), "text/html; charset=utf-8", modified)


def xml(text: str, kind: str, modified: datetime | None = None) -> Reply:
    """A UTF-8 XML document (feed or sitemap)."""
    return Reply(200, text.encode("utf-8"), f"{kind}; charset=utf-8", modified)


NOT_FOUND = Reply(404, b"<!DOCTYPE html><title>404</title><h1>Page introuvable</h1>",
                  "text/html; charset=utf-8")
FORBIDDEN = Reply(403, b"<!DOCTYPE html><title>403</title><h1>Acces reserve</h1>",
                  "text/html; charset=utf-8")
