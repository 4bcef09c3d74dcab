"""`/healthz` (the process answers) and `/readyz` (it can serve: the database answers,
and in distributed mode the broker too), for load balancers, orchestrators and
supervisors. Never cached."""

from __future__ import annotations

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from jarida.storage.crawl_passes import crawl_health
from jarida.storage.failures import describe
from jarida.web.deps import app_state

router = APIRouter()
_NO_STORE = {"Cache-Control": "no-store"}


@router.get("/healthz", include_in_schema=False)
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers=_NO_STORE)


@router.get("/readyz", include_in_schema=False)
async def readyz(request: Request) -> JSONResponse:
    """200 when the database answers; the crawl's health is reported, not judged (a
    site keeps serving what it has while its crawler is down)."""
    database = app_state(request).database
    broker_url = app_state(request).settings.broker_url

    def check() -> dict[str, object]:
        with database.read() as conn:
            health = crawl_health(conn)
        return {
            "last_pass_at": health.last_pass_at.isoformat() if health.last_pass_at else None,
            "last_success_at": (health.last_success_at.isoformat()
                                if health.last_success_at else None),
            "consecutive_failures": health.consecutive_failures,
            "last_error": health.last_error,
        }

    try:
        with anyio.fail_after(5):
            crawl = await anyio.to_thread.run_sync(check)
    except Exception as exc:
        return JSONResponse({"status": "unavailable", "database": describe(exc)},
                            status_code=503, headers=_NO_STORE)
    body: dict[str, object] = {"status": "ok", "database": "ok", "crawl": crawl}
    if broker_url:  # distributed mode: the workers and the scheduler need the broker
        from jarida.distributed.broker import check_broker

        try:
            with anyio.fail_after(5):
                await anyio.to_thread.run_sync(check_broker, broker_url)
        except Exception as exc:
            return JSONResponse({"status": "unavailable", "database": "ok",
                                 "broker": describe(exc) or type(exc).__name__},
                                status_code=503, headers=_NO_STORE)
        body["broker"] = "ok"
    return JSONResponse(body, headers=_NO_STORE)
