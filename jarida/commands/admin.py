"""`jarida admin`: accounts of the admin area (create users, issue and revoke API tokens)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from jarida.accounts.passwords import WeakPassword
from jarida.accounts.service import ROLES, AccountError, create_user, issue_api_token
from jarida.commands.common import app_context
from jarida.context import UserError
from jarida.storage import accounts as store
from jarida.storage import audit

app = typer.Typer(help="Accounts of the admin area and API tokens.", no_args_is_help=True)


def _password(password_file: Path | None) -> str:
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UserError(f"cannot read {password_file}: {exc.strerror or exc}") from None
        if not lines or not lines[0]:
            raise UserError(f"{password_file} holds no password on its first line")
        return lines[0]
    first = typer.prompt("Password", hide_input=True)
    if typer.prompt("Again", hide_input=True) != first:
        raise UserError("the two passwords differ")
    return str(first)


@app.command("create-user")
def create_user_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option("--role", help="admin, moderator or analyst.")],
    password_file: Annotated[Path | None, typer.Option(
        "--password-file", help="Read the password from the first line of this file "
        "instead of a prompt.")] = None,
) -> None:
    """Create an account; the password is read from a prompt or --password-file."""
    if role not in ROLES:
        raise UserError(f"--role must be one of {', '.join(ROLES)}")
    password = _password(password_file)
    db = app_context(ctx).database()
    try:
        with db.write() as conn:
            create_user(conn, name, role, password, datetime.now(UTC))
            audit.record(conn, "command line", "user.created", f"user:{name}", f"role {role}")
    except (AccountError, WeakPassword) as exc:
        raise UserError(str(exc)) from None
    typer.echo(f"created {role} {name}")


@app.command("create-token")
def create_token_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user the token acts for.")],
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "api",
) -> None:
    """Issue an API token (Authorization: Bearer ...); it is shown once, stored hashed."""
    db = app_context(ctx).database()
    with db.write() as conn:
        user = store.user_by_name(conn, name)
        if user is None:
            raise UserError(f"no user {name!r}")
        token = issue_api_token(conn, user.id, label, datetime.now(UTC))
        audit.record(conn, "command line", "token.issued", f"user:{name}", label)
    typer.echo(token)


@app.command("revoke-token")
def revoke_token_command(
    ctx: typer.Context,
    token_id: Annotated[int, typer.Argument(help="The token's id (`jarida admin tokens`).")],
) -> None:
    """Revoke an API token at once."""
    db = app_context(ctx).database()
    with db.write() as conn:
        if not store.revoke_api_token(conn, token_id, datetime.now(UTC)):
            raise UserError(f"no active token with id {token_id}")
        audit.record(conn, "command line", "token.revoked", f"token:{token_id}")
    typer.echo(f"revoked token {token_id}")


@app.command("tokens")
def list_tokens_command(ctx: typer.Context) -> None:
    """API tokens: id, user, label, created, last used, revoked."""
    db = app_context(ctx).database()
    with db.read() as conn:
        for row in store.all_api_tokens(conn):
            typer.echo("\t".join(str(v) if v is not None else "-" for v in row))
