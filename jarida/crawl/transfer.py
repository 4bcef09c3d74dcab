"""The network exchange itself: one GET, streamed, within a time limit and a size cap."""

from __future__ import annotations

import asyncio
import ssl

import httpx

from jarida.crawl.body import BodyDecodingError, BodyTooLarge, BoundedBody
from jarida.crawl.conditional import body_hash
from jarida.crawl.encoding import detect_encoding, is_textual
from jarida.crawl.pacing import mark_answered
from jarida.crawl.redirects import REDIRECT_STATUSES
from jarida.crawl.request import FetchRequest
from jarida.crawl.result import FetchResult, failure
from jarida.crawl.ssrf import SsrfRefused

ACCEPT_ENCODING = "gzip, deflate, br"


class Transfer:
    """Terminal handler: sends the request with httpx and reads the body safely."""

    def __init__(self, client: httpx.AsyncClient, *, max_bytes: int, total_timeout: float) -> None:
        self._client = client
        self._max_bytes = max_bytes
        self._total_timeout = total_timeout

    async def __call__(self, request: FetchRequest) -> FetchResult:
        url = request.url
        try:
            async with asyncio.timeout(self._total_timeout):
                return await self._exchange(request)
        except TimeoutError:
            return failure(url, "timeout", f"no complete response within {self._total_timeout:g} s")
        except BodyTooLarge as exc:
            return failure(url, "too_large", str(exc))
        except BodyDecodingError as exc:
            return failure(url, "decoding", str(exc))
        except SsrfRefused as exc:
            return failure(url, "ssrf", str(exc))
        except httpx.TimeoutException as exc:
            return failure(url, "network", f"{type(exc).__name__}: {exc or 'timed out'}")
        except httpx.InvalidURL as exc:
            return failure(url, "url", f"invalid URL: {exc}")
        except (httpx.TransportError, OSError) as exc:
            refusal = _certificate_refusal(exc)
            if refusal is not None:
                return failure(url, "tls", f"TLS certificate rejected: {refusal.verify_message}"
                               f" ({refusal.reason or 'verification failed'})")
            return failure(url, "network", f"{type(exc).__name__}: {exc}".strip(": "))

    async def _exchange(self, request: FetchRequest) -> FetchResult:
        limit = request.max_bytes or self._max_bytes
        headers = {"Accept-Encoding": ACCEPT_ENCODING, **request.headers}
        sent = self._client.build_request("GET", request.url, headers=headers)
        response = await self._client.send(sent, stream=True)
        mark_answered()  # the host's gap runs from here (jarida.crawl.pacing)
        try:
            status = response.status_code
            declared = response.headers.get("content-length", "")
            encoding_header = response.headers.get("content-encoding")
            if (declared.isdigit() and int(declared) > limit and not encoding_header
                    and not request.truncate):
                raise BodyTooLarge(f"Content-Length {declared} exceeds {limit} bytes")
            reader = BoundedBody(encoding_header, limit, truncate=request.truncate)
            if status not in REDIRECT_STATUSES and status != 304:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
                    if reader.full:
                        break
            body = reader.body()
        finally:
            await response.aclose()
        return _result(request.url, response, body, truncated=reader.full)


def _certificate_refusal(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed beneath an httpx error, if that is what it was.

    Not a network hiccup: retrying cannot help until the server's certificate or
    the trusted authorities (setting `ca_bundle`) change.
    """
    seen: BaseException | None = exc
    for _ in range(8):  # httpx wraps httpcore wraps ssl: a short chain, bounded all the same
        if seen is None or isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _result(url: str, response: httpx.Response, body: bytes, *,
            truncated: bool = False) -> FetchResult:
    """Turn an httpx response and its decoded body into a FetchResult."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    content_type = headers.get("content-type")
    status = response.status_code
    error = None
    if status >= 400:
        error = f"HTTP {status} {response.reason_phrase or ''}".strip()
    return FetchResult(
        url=url,
        final_url=str(response.url),
        status=status,
        headers=headers,
        body=body,
        encoding=detect_encoding(body, content_type) if body and is_textual(content_type)
        else None,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        body_hash=body_hash(body) if status < 300 else None,
        gone=status == 410,
        error=error,
        error_kind="http" if error else None,
        http_version=response.http_version,
        truncated=truncated,
    )
