"""The alerts of the monitoring JSON API (issue 14): the alert rules (subscriptions: which
alerts go to which webhook or address, for which subject or saved query), the saved
queries, and the alert history with each alert's deliveries. Analysts and admins, with an
API token, like the rest of `/api/watch`. Collections take GET and POST (`/rules`,
`/queries`), their members PATCH and DELETE (`/rules/{id}`, `/queries/{name}`);
`SharedPathRoute` makes a 405 name every method of a path. The first paths of this API
(`new-rule`, `new-query`, `rules/{id}/remove`) still answer, marked deprecated."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from jarida.alerts import subscriptions as subs
from jarida.alerts import views
from jarida.alerts.views import alert_data, query_data, rule_data
from jarida.storage import alerts as store
from jarida.storage import audit
from jarida.storage.accounts import UserRow
from jarida.watch.analysis import NotFound
from jarida.web.admin.tokens import api_user
from jarida.web.allowed_methods import SharedPathRoute
from jarida.web.deps import interface
from jarida.web.query import NO_NUL
from jarida.web.watch_api import ANALYSTS, ANSWERS, api_db, listing

router = APIRouter(prefix="/api/watch/alerts", tags=["monitoring"], responses=ANSWERS,
                   route_class=SharedPathRoute)
Ident = Annotated[int, Path(ge=1, le=2**31 - 1)]
Text = Annotated[str | None, Query(pattern=NO_NUL, max_length=120)]
RULE_FIELDS = ("target", "rules", "subject", "query", "mode", "language", "active")
HISTORY_COLUMNS = ("id", "rule", "created_at", "subject", "headline")


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be JSON") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    unknown = sorted(set(body) - set(RULE_FIELDS))
    if unknown:
        raise HTTPException(400, f"unknown field(s): {', '.join(unknown)}")
    return body


def _rule_fields(body: dict[str, Any]) -> dict[str, Any]:
    """The body's fields, typed, for subscriptions.subscribe / edit."""
    rules = body.get("rules", list(subs.RULES))
    if isinstance(rules, str):
        rules = [r.strip() for r in rules.split(",") if r.strip()]
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise HTTPException(400, "rules must be a list of rule names")
    fields: dict[str, Any] = {"rules": rules}
    for name in ("target", "subject", "query", "mode", "language"):
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise HTTPException(400, f"{name} must be a string")
        fields[name] = value
    if not isinstance(body.get("active", True), bool):
        raise HTTPException(400, "active must be true or false")
    return fields


def _audit(conn: Connection, user: UserRow, action: str, target: str) -> None:
    audit.record(conn, user.name, f"alerts.{action}", target)


@router.get("", summary="The alert history, newest first, with each alert's deliveries")
async def history(request: Request, rule: Text = None, subject: Text = None,
                  before: Annotated[int | None, Query(ge=1, le=2**31 - 1,
                                                      description="Alerts older than this "
                                                      "id (the next page).")] = None,
                  format: Text = None, limit: int = Query(50, ge=1, le=200)) -> Response:
    """`headline` is in the language of `Accept-Language` (or the `lang` cookie)."""
    await api_user(request, ANALYSTS)
    gettext = interface(request).gettext
    rows = await api_db(request, lambda conn: [alert_data(i, gettext) for i in views.history(
        conn, limit=limit, rule=rule, subject=subject, before=before)])
    more = len(rows) == limit
    return listing(rows, HISTORY_COLUMNS, format, "alerts",
                   {"next_before": rows[-1]["id"] if rows and more else None})


@router.get("/rules", summary="The alert rules (subscriptions); secrets are never shown")
async def list_rules(request: Request, format: Text = None) -> Response:
    await api_user(request, ANALYSTS)

    def read(conn: Connection) -> list[dict[str, Any]]:
        known = views.rules(conn)
        return [rule_data(s, known) for s in known.subscriptions]

    rows = await api_db(request, read)
    if format == "csv":
        rows = [{**r, "rules": ",".join(r["rules"])} for r in rows]
    return listing(rows, ("id", "channel", "target", "rules", "subject", "query", "mode",
                          "language", "active", "created_at"), format, "alert-rules")


@router.post("/rules", summary="Add an alert rule", status_code=201)
@router.post("/new-rule", summary="Add an alert rule (former path of POST /rules)",
             status_code=201, deprecated=True)
async def create_rule(request: Request) -> Response:
    """Body: {"target": webhook URL or e-mail address, "rules": ["spike", "negative",
    "new_outlet", "query"] (default all), "subject": slug, "query": saved query name,
    "mode": "immediate" | "digest", "language": "fr" | "ar" | "es" | "en"}. The answer
    holds the webhook's signing `secret`, shown this once."""
    user = await api_user(request, ANALYSTS)
    fields = _rule_fields(await _body(request))
    if not fields["target"]:
        raise HTTPException(400, "target is required")

    def write(conn: Connection) -> dict[str, Any]:
        created = subs.subscribe(conn, target=fields["target"], rules=fields["rules"],
                                 subject=fields["subject"], query=fields["query"],
                                 mode=fields["mode"] or "immediate",
                                 language=fields["language"] or "fr", now=datetime.now(UTC))
        _audit(conn, user, "rule.add", f"subscription:{created.id}")
        known = views.rules(conn)
        sub = store.subscription_by_id(conn, created.id)
        assert sub is not None
        return {**rule_data(sub, known), "secret": created.secret}

    return JSONResponse(await api_db(request, write, write=True), status_code=201)


@router.patch("/rules/{rule_id}", summary="Change an alert rule (the fields given)")
async def edit_rule(request: Request, rule_id: Ident) -> Response:
    """The fields of POST, any of them, and `active` (false pauses the rule); the signing
    secret stays the same."""
    user = await api_user(request, ANALYSTS)
    body = await _body(request)
    given = _rule_fields(body)

    def write(conn: Connection) -> dict[str, Any]:
        known = views.rules(conn)
        sub = store.subscription_by_id(conn, rule_id)
        if sub is None:
            raise NotFound(f"no alert rule {rule_id}")
        now = rule_data(sub, known)
        merged = {k: (given[k] if k in body else now[k]) for k in given}
        subs.edit(conn, rule_id, target=merged["target"], rules=merged["rules"],
                  subject=merged["subject"], query=merged["query"], mode=merged["mode"],
                  language=merged["language"], active=body.get("active", sub.active))
        _audit(conn, user, "rule.edit", f"subscription:{rule_id}")
        changed = store.subscription_by_id(conn, rule_id)
        assert changed is not None
        return rule_data(changed, known)

    return JSONResponse(await api_db(request, write, write=True))


@router.delete("/rules/{rule_id}", summary="Remove an alert rule (its alerts stay)",
               status_code=204, responses={204: {"description": "Removed."}})
@router.delete("/rules/{rule_id}/remove", summary="Remove an alert rule (former path of "
               "DELETE /rules/{id})", status_code=204, deprecated=True,
               responses={204: {"description": "Removed."}})
async def remove_rule(request: Request, rule_id: Ident) -> Response:
    user = await api_user(request, ANALYSTS)

    def write(conn: Connection) -> bool:
        gone = store.remove_subscription(conn, rule_id)
        if gone:
            _audit(conn, user, "rule.remove", f"subscription:{rule_id}")
        return gone

    if not await api_db(request, write, write=True):
        raise HTTPException(404, f"no alert rule {rule_id}")
    return Response(status_code=204)


@router.get("/queries", summary="Saved queries (searches that raise `query` alerts)")
async def list_queries(request: Request) -> Response:
    await api_user(request, ANALYSTS)
    rows = await api_db(request, lambda conn: [query_data(q) for q in
                                               store.list_queries(conn)])
    return JSONResponse({"items": rows})


QUERY_FIELDS = ("name", "query", "language")
QueryName = Annotated[str, Path(pattern=NO_NUL, max_length=100)]


async def _query_body(request: Request) -> dict[str, Any]:
    """A saved query's fields from a JSON object; 400 on anything else."""
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be JSON") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    unknown = sorted(set(body) - set(QUERY_FIELDS))
    if unknown:
        raise HTTPException(400, f"unknown field(s): {', '.join(unknown)}")
    if not all(isinstance(body.get(k, ""), str) for k in ("name", "query")) or not isinstance(
            body.get("language", ""), str | None):
        raise HTTPException(400, "name, query and language must be strings")
    return body


@router.post("/queries", summary="Save a query", status_code=201)
@router.post("/new-query", summary="Save a query (former path of POST /queries)",
             status_code=201, deprecated=True)
async def create_query(request: Request) -> Response:
    """Body: {"name": ..., "query": search words and "phrases", "language": optional}."""
    user = await api_user(request, ANALYSTS)
    body = await _query_body(request)

    def write(conn: Connection) -> dict[str, Any]:
        subs.add_query(conn, body.get("name", ""), body.get("query", ""),
                       body.get("language") or None, datetime.now(UTC))
        saved = store.query_by_name(conn, body["name"].strip())
        assert saved is not None
        _audit(conn, user, "query.add", f"query:{saved.name}")
        return query_data(saved)

    return JSONResponse(await api_db(request, write, write=True), status_code=201)


@router.patch("/queries/{name}", summary="Change a saved query (the fields given)")
async def edit_query(request: Request, name: QueryName) -> Response:
    """Any of POST's fields: a new `name`, `query` or `language` (null or "" for any). The
    rules limited to the query follow it; checked as a new query is."""
    user = await api_user(request, ANALYSTS)
    body = await _query_body(request)

    def write(conn: Connection) -> dict[str, Any]:
        saved = store.query_by_name(conn, name)
        if saved is None:
            raise NotFound(f"no saved query {name!r}")
        subs.edit_query(conn, saved.id, body.get("name", saved.name),
                        body.get("query", saved.query),
                        body.get("language", saved.language))
        changed = store.query_by_id(conn, saved.id)
        assert changed is not None
        audit.record(conn, user.name, "alerts.query.edit", f"query:{changed.name}",
                     subs.query_change(saved))
        return query_data(changed)

    return JSONResponse(await api_db(request, write, write=True))


@router.delete("/queries/{name}", summary="Remove a saved query and the rules limited to it",
               status_code=204, responses={204: {"description": "Removed."}})
async def remove_query(request: Request, name: QueryName) -> Response:
    user = await api_user(request, ANALYSTS)

    def write(conn: Connection) -> bool:
        gone = store.remove_query(conn, name)
        if gone:
            _audit(conn, user, "query.remove", f"query:{name}")
        return gone

    if not await api_db(request, write, write=True):
        raise HTTPException(404, f"no saved query {name!r}")
    return Response(status_code=204)
