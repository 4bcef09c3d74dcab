"""The WebSub callback: the hub verifies our intent (GET) and pushes content (POST)."""

from __future__ import annotations

from datetime import UTC, datetime

import anyio.to_thread
from fastapi import APIRouter, Request, Response

from jarida.web.deps import app_state
from jarida.websub.callback import Answer, receive_content, verify_intent

router = APIRouter()

MAX_PUSH_BYTES = 2 * 1024 * 1024  # a feed document; more is refused unread


def _reply(answer: Answer) -> Response:
    return Response(answer.body, status_code=answer.status, media_type="text/plain",
                    headers={"Cache-Control": "no-store"})


@router.get("/websub/{token}", include_in_schema=False)
async def websub_verify(token: str, request: Request) -> Response:
    state = app_state(request)
    params = {k: v for k, v in request.query_params.items() if k.startswith("hub.")}
    answer = await anyio.to_thread.run_sync(
        verify_intent, state.database, token, params, datetime.now(UTC), state.settings)
    return _reply(answer)


@router.post("/websub/{token}", include_in_schema=False)
async def websub_content(token: str, request: Request) -> Response:
    state = app_state(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_PUSH_BYTES:
        return _reply(Answer(413, "body too large"))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_PUSH_BYTES:
            return _reply(Answer(413, "body too large"))
    headers = {k.lower(): v for k, v in request.headers.items()}
    answer = await anyio.to_thread.run_sync(
        receive_content, state.database, token, bytes(body), headers, datetime.now(UTC))
    return _reply(answer)
