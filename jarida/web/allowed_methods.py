"""A route class for paths that take several methods, each through its own route.

Starlette answers a method a path does not take with 405 and the `Allow` of the first
route whose path matched, so `PATCH /x` and `DELETE /x` declared as two routes would
answer `GET /x` with `Allow: PATCH` alone. Routes of this class name every method of
every route of this class on the same path.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from fastapi.routing import APIRoute
from starlette.types import Receive, Scope, Send

_METHODS: dict[str, set[str]] = {}  # path format -> every method its routes take


class SharedPathRoute(APIRoute):
    def __init__(self, path: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(path, *args, **kwargs)
        _METHODS.setdefault(self.path_format, set()).update(self.methods or ())

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.methods and scope["method"] not in self.methods:
            allowed = ", ".join(sorted(_METHODS.get(self.path_format, self.methods)))
            raise HTTPException(405, headers={"Allow": allowed})
        await super().handle(scope, receive, send)
