"""The alert pages of the monitoring area (issue 14): `/veille/alertes` shows the alert
history and the alert rules (who receives which alerts), and lets an analyst add, edit,
pause and remove rules and saved queries with plain forms carrying the session's CSRF
token (no JavaScript needed). Registered before `/veille/{slug}`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy import Connection

from jarida.alerts import subscriptions as subs
from jarida.alerts import views
from jarida.alerts.subscriptions import MODES, RULES, BadSubscription
from jarida.storage import alerts as store
from jarida.storage import audit
from jarida.storage import watch_subjects as subject_store
from jarida.storage.alerts import Subscription
from jarida.web.admin.auth import MAX_FORM, Admin, Forbidden, csrf_ok, current_admin, see_other
from jarida.web.admin.pages import on_database, private_page
from jarida.web.deps import interface
from jarida.web.story_views import language_name

router = APIRouter(prefix="/veille/alertes", include_in_schema=False)
ANALYSTS = ("admin", "analyst")
HOME = "/veille/alertes"
LANGUAGES = ("fr", "ar", "es", "en")


async def _form(request: Request, admin: Admin) -> dict[str, list[str]]:
    """The posted form, every value of each field (the rules are checkboxes); 403 without
    the session's CSRF token."""
    raw = (await request.body())[:MAX_FORM]
    parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    form = {k: [v.replace("\x00", "") for v in values] for k, values in parsed.items()}
    if not csrf_ok(admin.csrf, {"csrf": form.get("csrf", [""])[0]}):
        raise Forbidden()
    return form


def _one(form: dict[str, list[str]], name: str) -> str:
    return form.get(name, [""])[0].strip()


def _rule_fields(form: dict[str, list[str]]) -> dict[str, Any]:
    return {"target": _one(form, "target"), "rules": form.get("rules", []),
            "subject": _one(form, "subject") or None, "query": _one(form, "query") or None,
            "mode": _one(form, "mode") or "immediate",
            "language": _one(form, "language") or "fr"}


async def _save_edit(request: Request, write: Callable[[Connection], bool], missing: str,
                     refused: Callable[[str], Awaitable[Response]], saved: str) -> Response:
    """The end of an edit form (a rule, a saved query): `write` returns whether the thing
    edited exists. Saved: back to the alerts page at `saved`; refused by the checks: the
    form again, kept, with the reason (`refused`); gone meanwhile: 404 `missing`."""
    try:
        done = await on_database(request, write, write=True)
    except BadSubscription as exc:
        return await refused(str(exc))
    if not done:
        raise HTTPException(404, missing)
    return see_other(saved)


def _labels(request: Request) -> dict[str, str]:
    """The pages' words for rules, modes, channels, states, and languages by name."""
    ui = interface(request)
    _ = ui.gettext
    return {**{code: language_name(code, ui.lang) for code in LANGUAGES},
            "spike": _("Mention spike"), "negative": _("Negative tone surge"),
            "new_outlet": _("New outlet"), "query": _("Saved query"), "test": _("Test alert"),
            "immediate": _("Immediately"), "digest": _("Daily digest"),
            "webhook": _("Webhook"), "email": _("E-mail"), "pending": _("pending"),
            "sent": _("sent"), "failed": _("failed")}


async def _home(request: Request, admin: Admin, status: int = 200, **extra: Any
                ) -> Response:
    params = request.query_params
    rule = params.get("rule", "")
    subject = params.get("subject", "")
    gettext = interface(request).gettext

    def read(conn: Connection) -> dict[str, Any]:
        return {"history": [(i, views.headline(i.alert, gettext)) for i in views.history(
                    conn, limit=100, rule=rule if rule in (*RULES, "test") else None,
                    subject=subject or None)],
                "known": views.rules(conn), "subjects": subject_store.list_subjects(conn)}

    context = await on_database(request, read)
    form = extra.pop("form", None) or {"rules": list(RULES), "mode": "immediate",
                                       "language": interface(request).lang}
    return private_page(request, admin, "watch/alerts.html", status, rule=rule,
                        subject=subject, rule_names=RULES, modes=MODES, mail_languages=LANGUAGES,
                        labels=_labels(request), form=form, **context, **extra)


@router.get("")
async def home(request: Request) -> Response:
    return await _home(request, await current_admin(request, ANALYSTS))


@router.post("/regles")
async def create_rule(request: Request) -> Response:
    """A new rule; its webhook signing secret is shown on the page that answers, once."""
    admin = await current_admin(request, ANALYSTS)
    fields = _rule_fields(await _form(request, admin))

    def write(conn: Connection) -> subs.Created:
        created = subs.subscribe(conn, now=datetime.now(UTC), **fields)
        audit.record(conn, admin.user.name, "alerts.rule.add", f"subscription:{created.id}")
        return created

    try:
        created = await on_database(request, write, write=True)
    except BadSubscription as exc:
        return await _home(request, admin, 400, error=str(exc), form=fields)
    return await _home(request, admin, 201, created=created)


def _as_form(sub: Subscription, known: views.Rules) -> dict[str, Any]:
    return {"target": sub.target, "rules": list(sub.rules), "subject": sub.subject,
            "query": known.query_name(sub.query_id), "mode": sub.mode,
            "language": sub.language, "active": sub.active}


async def _edit_page(request: Request, admin: Admin, rule_id: int, status: int = 200,
                     **extra: Any) -> Response:
    def read(conn: Connection) -> dict[str, Any] | None:
        sub = store.subscription_by_id(conn, rule_id)
        if sub is None:
            return None
        known = views.rules(conn)
        return {"sub": sub, "known": known, "subjects": subject_store.list_subjects(conn),
                "form": extra.pop("form", None) or _as_form(sub, known)}

    context = await on_database(request, read)
    if context is None:
        raise HTTPException(404, interface(request).gettext("No such alert rule."))
    return private_page(request, admin, "watch/alert_rule.html", status, rule_names=RULES,
                        modes=MODES, mail_languages=LANGUAGES, labels=_labels(request),
                        **context, **extra)


@router.get("/regles/{rule_id}")
async def edit_page(request: Request, rule_id: int) -> Response:
    return await _edit_page(request, await current_admin(request, ANALYSTS), rule_id)


@router.post("/regles/{rule_id}")
async def edit_rule(request: Request, rule_id: int) -> Response:
    admin = await current_admin(request, ANALYSTS)
    form = await _form(request, admin)
    fields = {**_rule_fields(form), "active": _one(form, "active") == "1"}

    def write(conn: Connection) -> bool:
        done = subs.edit(conn, rule_id, **fields)
        if done:
            audit.record(conn, admin.user.name, "alerts.rule.edit", f"subscription:{rule_id}")
        return done

    return await _save_edit(
        request, write, interface(request).gettext("No such alert rule."),
        lambda error: _edit_page(request, admin, rule_id, 400, error=error, form=fields),
        f"{HOME}#rule-{rule_id}")


@router.post("/regles/{rule_id}/supprimer")
async def remove_rule(request: Request, rule_id: int) -> Response:
    admin = await current_admin(request, ANALYSTS)
    await _form(request, admin)

    def write(conn: Connection) -> bool:
        gone = store.remove_subscription(conn, rule_id)
        if gone:
            audit.record(conn, admin.user.name, "alerts.rule.remove",
                         f"subscription:{rule_id}")
        return gone

    if not await on_database(request, write, write=True):
        raise HTTPException(404, interface(request).gettext("No such alert rule."))
    return see_other(f"{HOME}#rules")


@router.post("/requetes")
async def add_query(request: Request) -> Response:
    admin = await current_admin(request, ANALYSTS)
    form = await _form(request, admin)
    name, text, language = _one(form, "name"), _one(form, "search"), _one(form, "language")

    def write(conn: Connection) -> None:
        subs.add_query(conn, name, text, language or None, datetime.now(UTC))
        audit.record(conn, admin.user.name, "alerts.query.add", f"query:{name}")

    try:
        await on_database(request, write, write=True)
    except BadSubscription as exc:
        return await _home(request, admin, 400, query_error=str(exc))
    return see_other(f"{HOME}#queries")


@router.post("/requetes/supprimer")
async def remove_query(request: Request) -> Response:
    admin = await current_admin(request, ANALYSTS)
    name = _one(await _form(request, admin), "name")

    def write(conn: Connection) -> bool:
        gone = store.remove_query(conn, name)
        if gone:
            audit.record(conn, admin.user.name, "alerts.query.remove", f"query:{name}")
        return gone

    if not await on_database(request, write, write=True):
        raise HTTPException(404, interface(request).gettext("No such saved query."))
    return see_other(f"{HOME}#queries")


async def _query_page(request: Request, admin: Admin, query_id: int, status: int = 200,
                      **extra: Any) -> Response:
    saved = await on_database(request, lambda conn: store.query_by_id(conn, query_id))
    if saved is None:
        raise HTTPException(404, interface(request).gettext("No such saved query."))
    form = extra.pop("form", None) or {"name": saved.name, "search": saved.query,
                                       "language": saved.language or ""}
    return private_page(request, admin, "watch/alert_query.html", status, saved=saved,
                        form=form, mail_languages=LANGUAGES, labels=_labels(request), **extra)


@router.get("/requetes/{query_id}")
async def edit_query_page(request: Request, query_id: int) -> Response:
    return await _query_page(request, await current_admin(request, ANALYSTS), query_id)


@router.post("/requetes/{query_id}")
async def edit_query(request: Request, query_id: int) -> Response:
    """Rename a saved query or change its search words or language (the rules limited to
    it follow it); checked as a new query is, the form kept on an error."""
    admin = await current_admin(request, ANALYSTS)
    form = await _form(request, admin)
    fields = {"name": _one(form, "name"), "search": _one(form, "search"),
              "language": _one(form, "language")}

    def write(conn: Connection) -> bool:
        before = subs.edit_query(conn, query_id, fields["name"], fields["search"],
                                 fields["language"] or None)
        if before is not None:
            audit.record(conn, admin.user.name, "alerts.query.edit",
                         f"query:{fields['name']}", subs.query_change(before))
        return before is not None

    return await _save_edit(
        request, write, interface(request).gettext("No such saved query."),
        lambda error: _query_page(request, admin, query_id, 400, error=error, form=fields),
        f"{HOME}#query-{query_id}")
