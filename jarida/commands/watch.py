"""`jarida watch ...`: media monitoring — subjects, backfill, tone scores and labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jarida.commands.common import app_context
from jarida.context import UserError
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as store
from jarida.watch.backfill import backfill as run_backfill
from jarida.watch.model import KINDS, CompareSet, Subject, Term
from jarida.watch.query import QueryError, parse
from jarida.watch.registry import import_yaml, save_all
from jarida.watch.tone_link import model_scorer
from jarida.watch.yaml_io import (
    LANGUAGE,
    SLUG,
    SLUG_RULE,
    WatchFileError,
    dump_watch_yaml,
    subject_data,
)

app = typer.Typer(help="Media monitoring: watched subjects and their mentions.",
                  no_args_is_help=True)
out = Console(highlight=False, soft_wrap=True)


def _term(raw: str, exact: bool = False) -> Term:
    """"TEXT" or "xx:TEXT" (xx a language code)."""
    if len(raw) > 3 and raw[2] == ":" and LANGUAGE.match(raw[:2]):
        return Term(raw[3:].strip(), raw[:2], exact)
    return Term(raw.strip(), "", exact)


@app.command("add")
def add(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="Short name: lower-case letters, digits, -.")],
    name: Annotated[str, typer.Option("--name", help="Display name.")],
    kind: Annotated[str, typer.Option("--kind", help="brand, institution, person or topic.")
                    ] = "brand",
    alias: Annotated[list[str] | None, typer.Option(
        "--alias", help="A name of the subject; prefix a language: ar:الاسم.")] = None,
    exact: Annotated[list[str] | None, typer.Option(
        "--exact", help="A case-sensitive alias (an acronym that is also a word).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="A context that means another thing (namesake, common word).")
                       ] = None,
    query: Annotated[str | None, typer.Option(
        "--query", help='Boolean query: AND OR NOT "phrase" a NEAR/5 b.')] = None,
    language: Annotated[list[str] | None, typer.Option(
        "--language", help="Only articles in this language (repeatable).")] = None,
    source: Annotated[list[str] | None, typer.Option(
        "--source", help="Only articles of this source slug (repeatable).")] = None,
    in_set: Annotated[list[str] | None, typer.Option(
        "--set", help="Add the subject to this comparison set (created if new).")] = None,
) -> None:
    """Add a watched subject, or replace the one with this slug."""
    if not SLUG.match(slug):
        raise UserError(f"slug {slug!r}: {SLUG_RULE}")
    if kind not in KINDS:
        raise UserError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    for code in language or []:
        if not LANGUAGE.match(code):
            raise UserError(f"--language {code!r} is not a two-letter code")
    if query:
        try:
            parse(query)
        except QueryError as exc:
            raise UserError(f"--query: {exc}") from None
    aliases = tuple(_term(a) for a in alias or []) + tuple(_term(a, True) for a in exact or [])
    if not aliases and not query:
        raise UserError("give at least one --alias, --exact or a --query")
    subject = Subject(slug, name, kind, aliases, tuple(_term(e) for e in exclude or []),
                      query or None, tuple(language or []), tuple(source or []))
    db = app_context(ctx).database()
    with db.write() as conn:
        sets: list[CompareSet] = []
        for set_slug in in_set or []:
            old = store.set_by_slug(conn, set_slug)
            members = tuple(dict.fromkeys((*(old.members if old else ()), slug)))
            sets.append(CompareSet(set_slug, old.name if old else set_slug, members))
        report = save_all(conn, [subject], sets)
    verb = "added" if report.added else "updated" if report.changed else "unchanged"
    out.print(f"{verb} {slug}; run `jarida watch backfill {slug}` to match stored articles")


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List watched subjects with their mention counts."""
    from jarida.storage.watch_analysis import mention_totals

    db = app_context(ctx).database()
    with db.read() as conn:
        subjects = store.list_subjects(conn)
        totals = mention_totals(conn)
        sets = store.list_sets(conn)
    if as_json:
        data = {"subjects": [{**subject_data(s), "mentions": totals.get(s.slug, 0)}
                             for s in subjects],
                "sets": [{"slug": c.slug, "name": c.name, "members": list(c.members)}
                         for c in sets]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("slug", "name", "kind", "aliases", "mentions")
    for s in subjects:
        table.add_row(s.slug, s.name, s.kind, ", ".join(t.text for t in s.aliases),
                      str(totals.get(s.slug, 0)))
    out.print(table)
    for c in sets:
        out.print(f"set {c.slug} ({c.name}): {', '.join(c.members)}")


@app.command("remove")
def remove(ctx: typer.Context, slug: str) -> None:
    """Remove a subject and its mentions."""
    db = app_context(ctx).database()
    with db.write() as conn:
        if not store.delete_subject(conn, slug):
            raise UserError(f"no subject named {slug!r} (see `jarida watch list`)")
    out.print(f"removed {slug}")


@app.command("import")
def import_(ctx: typer.Context, path: Path) -> None:
    """Import subjects and sets from YAML: all of the file or nothing."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    db = app_context(ctx).database()
    try:
        with db.write() as conn:
            report = import_yaml(conn, text)
    except (WatchFileError, ValueError) as exc:
        raise UserError(f"{path}: {exc}; nothing imported") from None
    out.print(f"imported {path}: {report.added} added, {report.changed} changed, "
              f"{report.unchanged} unchanged, {report.sets} sets")


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
                      ] = None,
) -> None:
    """Write every subject and set as YAML (import reads it back unchanged)."""
    db = app_context(ctx).database()
    with db.read() as conn:
        text = dump_watch_yaml(store.list_subjects(conn), store.list_sets(conn))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command("backfill")
def backfill(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Argument(help="One subject (default: all).")] = None,
    no_tone: Annotated[bool, typer.Option("--no-tone",
                                          help="Store mentions unscored (see rescore).")] = False,
    batch: Annotated[int, typer.Option(min=1, max=100_000, help="Articles per batch.")] = 1000,
) -> None:
    """Match stored articles against new or edited subjects (resumable, never doubles)."""
    db = app_context(ctx).database()
    progress = Progress(TextColumn("[bold]backfill"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("article ids"), TimeElapsedColumn(), console=out,
                        disable=not out.is_terminal)
    task = progress.add_task("backfill", total=None)
    with progress:
        try:
            report = run_backfill(db, subject, batch=batch, score=not no_tone,
                                  progress=lambda d, t: progress.update(task, completed=d,
                                                                        total=t))
        except ValueError as exc:
            raise UserError(str(exc)) from None
    out.print(f"backfill: {report.subjects} subjects, {report.articles} articles read, "
              f"{report.mentions} mentions")


@app.command("rescore")
def rescore(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Argument(help="One subject (default: all).")] = None,
    unscored: Annotated[bool, typer.Option("--unscored", help="Only mentions without tone.")
                        ] = False,
) -> None:
    """Score mentions with the tone model again (corrections are kept)."""
    scorer = model_scorer()
    if scorer is None:
        raise UserError("the tone model (jarida.tone) is not installed")
    db = app_context(ctx).database()
    subject_id = None
    if subject is not None:
        with db.read() as conn:
            found = store.subject_by_slug(conn, subject)
        if found is None:
            raise UserError(f"no subject named {subject!r}")
        subject_id = found.id
    after, done = 0, 0
    while True:
        with db.write() as conn:
            batch = mention_store.mention_texts(conn, subject_id=subject_id,
                                                unscored_only=unscored, after_id=after)
            if not batch:
                break
            scores = []
            for m in batch:
                if not m.corrected:
                    tone, value = scorer(m.snippet, m.snippet[m.target_start:m.target_end],
                                         m.target_start, m.target_end, m.language[:2] or "en")
                    scores.append((m.id, tone, value))
            mention_store.set_scores(conn, scores)
        after, done = batch[-1].id, done + len(scores)
    out.print(f"rescored {done} mentions")


@app.command("export-labels")
def export_labels(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
                      ] = None,
) -> None:
    """Operators' tone corrections as JSON lines (the `watch tone` input plus "tone")."""
    db = app_context(ctx).database()
    lines, after = [], 0
    with db.read() as conn:
        while batch := mention_store.mention_texts(conn, corrected_only=True, after_id=after):
            for m in batch:
                lines.append(json.dumps({
                    "text": m.snippet, "target": m.snippet[m.target_start:m.target_end],
                    "start": m.target_start, "end": m.target_end,
                    "language": m.language[:2], "tone": m.tone, "subject": m.subject,
                    "mention_id": m.id}, ensure_ascii=False))
            after = batch[-1].id
    text = "".join(line + "\n" for line in lines)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="watch")
