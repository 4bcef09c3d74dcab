"""`jarida watch alerts`: run the alert rules and deliveries, history, subscriptions,
saved queries, test deliveries."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Connection

from jarida.alerts.dispatch import dispatch
from jarida.alerts.enqueue import queue_test
from jarida.alerts.service import run_alerts
from jarida.alerts.subscriptions import RULES, BadSubscription, add_query, subscribe
from jarida.commands.common import app_context
from jarida.context import CommandFailed, UserError
from jarida.storage import alerts as store

app = typer.Typer(help="Monitoring alerts: rules, deliveries, subscriptions.",
                  no_args_is_help=True)
out = Console(highlight=False)



def _moment(at: str | None) -> datetime | None:
    if at is None:
        return None
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        raise UserError(f"--at {at!r} is not an ISO date and time "
                        "(e.g. 2026-11-20T15:30+00:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@app.command("run")
def run_command(
    ctx: typer.Context,
    at: Annotated[str | None, typer.Option(
        "--at", help="Evaluate as if it were this time (ISO 8601; default now).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tally as JSON.")] = False,
) -> None:
    """Evaluate the rules once, record new alerts, queue digests, send what is due."""
    context = app_context(ctx)
    report = asyncio.run(run_alerts(context.database(), context.settings, now=_moment(at)))
    tally = {"found": report.found, "created": report.created, "digests": report.digests,
             "sent": report.delivery.sent, "retrying": report.delivery.retrying,
             "failed": report.delivery.failed}
    if as_json:
        typer.echo(json.dumps(tally))
    else:
        typer.echo(", ".join(f"{k} {v}" for k, v in tally.items()))
        for error in report.delivery.errors:
            typer.echo(f"  {error}", err=True)


@app.command("list")
def list_command(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array.")] = False,
) -> None:
    """The latest alerts and the state of their deliveries."""
    with app_context(ctx).database().read() as conn:
        history = store.alert_history(conn, limit=limit)
        states = {a.id: [(d.channel, d.target, d.state, d.attempts)
                         for d in store.deliveries(conn, alert_id=a.id)] for a in history}
    if as_json:
        typer.echo(json.dumps([{
            "id": a.id, "rule": a.rule, "created_at": a.created_at.isoformat(),
            "details": a.details,
            "deliveries": [dict(zip(("channel", "target", "state", "attempts"), d,
                                    strict=True)) for d in states[a.id]],
        } for a in history], ensure_ascii=False))
        return
    table = Table("id", "rule", "created", "about", "deliveries")
    for a in history:
        about = a.details.get("subject_name") or a.details.get("query") or ""
        table.add_row(str(a.id), a.rule, f"{a.created_at:%Y-%m-%d %H:%M}", str(about),
                      ", ".join(f"{c} {s}" for c, _, s, _ in states[a.id]))
    out.print(table)


@app.command("subscribe")
def subscribe_command(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Webhook URL (http/https) or e-mail address.")],
    rules: Annotated[str, typer.Option(
        "--rules", help=f"Comma-separated, among {', '.join(RULES)}.")] = ",".join(RULES),
    subject: Annotated[str | None, typer.Option("--subject", help="Only this subject.")] = None,
    query: Annotated[str | None, typer.Option("--query", help="Only this saved query.")
                     ] = None,
    digest: Annotated[bool, typer.Option("--digest", help="One message a day.")] = False,
    language: Annotated[str, typer.Option("--language", help="fr, ar, es or en.")] = "fr",
) -> None:
    """Subscribe a webhook or an address; prints the webhook's signing secret once."""
    try:
        with app_context(ctx).database().write() as conn:
            created = subscribe(conn, target=target, rules=[r.strip() for r in rules.split(",")
                                                            if r.strip()],
                                subject=subject, query=query,
                                mode="digest" if digest else "immediate", language=language,
                                now=datetime.now(UTC))
    except BadSubscription as exc:
        raise UserError(str(exc)) from None
    typer.echo(f"subscription {created.id}")
    typer.echo(f"signing secret (HMAC-SHA256 key, shown once): {created.secret}")


@app.command("subscriptions")
def subscriptions_command(ctx: typer.Context) -> None:
    """List subscriptions (secrets are not shown)."""
    with app_context(ctx).database().read() as conn:
        subs = store.list_subscriptions(conn)
    table = Table("id", "channel", "target", "rules", "subject", "mode", "language")
    for s in subs:
        table.add_row(str(s.id), s.channel, s.target, ",".join(s.rules), s.subject or "*",
                      s.mode, s.language)
    out.print(table)


def _remove(ctx: typer.Context, remover: Callable[[Connection], bool], what: str) -> None:
    with app_context(ctx).database().write() as conn:
        if not remover(conn):
            raise UserError(f"no {what}")
    typer.echo(f"removed {what}")


@app.command("unsubscribe")
def unsubscribe_command(ctx: typer.Context, subscription: int) -> None:
    """Delete a subscription (its alerts stay in the history)."""
    _remove(ctx, lambda conn: store.remove_subscription(conn, subscription),
            f"subscription {subscription}")


@app.command("query-add")
def query_add_command(
    ctx: typer.Context, name: str,
    query: Annotated[str, typer.Argument(help="Search words and \"phrases\".")],
    language: Annotated[str | None, typer.Option("--language")] = None,
) -> None:
    """Save a search: articles published from now on that match it raise `query` alerts."""
    try:
        with app_context(ctx).database().write() as conn:
            add_query(conn, name, query, language, datetime.now(UTC))
    except BadSubscription as exc:
        raise UserError(str(exc)) from None
    typer.echo(f"saved query {name}")


@app.command("query-remove")
def query_remove_command(ctx: typer.Context, name: str) -> None:
    """Delete a saved query and the subscriptions limited to it."""
    _remove(ctx, lambda conn: store.remove_query(conn, name), f"saved query {name!r}")


@app.command("test")
def test_command(ctx: typer.Context, subscription: int) -> None:
    """Send a test alert to one subscription now and say how it went."""
    context = app_context(ctx)
    db = context.database()
    with db.write() as conn:
        if queue_test(conn, subscription, datetime.now(UTC)) is None:
            raise UserError(f"no subscription {subscription}")
    report = asyncio.run(dispatch(db, context.settings))
    if report.errors:
        raise CommandFailed("; ".join(report.errors))
    typer.echo(f"sent {report.sent}")
