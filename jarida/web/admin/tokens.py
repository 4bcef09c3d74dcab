"""API tokens for the JSON API's account-only routes (monitoring): `Authorization: Bearer`.

Tokens are issued with `jarida admin create-token NAME`, stored as SHA-256 hashes, and
revoked with `jarida admin revoke-token ID`; a disabled user's tokens stop working.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from jarida.accounts.service import api_token_user
from jarida.storage.accounts import UserRow
from jarida.web.deps import app_state

router = APIRouter(prefix="/api", tags=["api"])
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="jarida"'}


async def api_user(request: Request, roles: Sequence[str]) -> UserRow:
    """The account behind the request's bearer token; 401 without a valid one, 403 when its
    role is not among `roles`."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "An API token is required (Authorization: Bearer ...).",
                            headers=_CHALLENGE)
    database = app_state(request).database

    def lookup() -> UserRow | None:
        with database.write() as conn:
            return api_token_user(conn, token.strip(), datetime.now(UTC))

    user = await run_in_threadpool(lookup)
    if user is None:
        raise HTTPException(401, "This API token is not valid or was revoked.",
                            headers=_CHALLENGE)
    if user.role not in roles:
        raise HTTPException(403, "This account's role does not allow it.")
    return user


class Account(BaseModel):
    name: str
    role: str


@router.get("/account", response_model=Account, summary="The account of this API token",
            responses={401: {"description": "No valid token."}})
async def account(request: Request) -> Account:
    user = await api_user(request, ("admin", "moderator", "analyst"))
    return Account(name=user.name, role=user.role)
