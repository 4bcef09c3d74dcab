"""`jarida extract`: run the crawler's own extractor on saved pages or live URLs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from jarida.commands.common import app_context
from jarida.context import UserError

if TYPE_CHECKING:
    from jarida.model import Extracted
    from jarida.pipeline.extraction import ExtractJob
    from jarida.settings import Settings

out = Console(highlight=False)


async def _fetch_all(
    settings: Settings, urls: list[str]
) -> dict[str, tuple[str, str] | UserError]:
    """Each URL's (final URL, page text), or the error that kept it from being fetched."""
    from jarida.crawl.fetcher import Fetcher

    pages: dict[str, tuple[str, str] | UserError] = {}
    async with Fetcher.from_settings(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    for url, result in zip(urls, results, strict=True):
        pages[url] = ((result.final_url, result.text()) if result.ok
                      else UserError(f"cannot fetch {url}: {result.error}"))
    return pages


def _read(item: str, fetched: dict[str, tuple[str, str] | UserError],
          base_url: str | None) -> tuple[str, str]:
    """(URL, HTML) of one input: a fetched URL or a saved file."""
    from jarida.crawl.encoding import decode, detect_encoding
    from jarida.extract import read_html_file

    if item in fetched:
        found = fetched[item]
        if isinstance(found, UserError):
            raise found
        return found
    path = Path(item)
    try:
        raw = read_html_file(path)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return base_url or path.resolve().as_uri(), decode(raw, detect_encoding(raw, None))


def _job(url: str, html: str, settings: Settings) -> ExtractJob:
    from jarida.pipeline.extraction import ExtractJob

    return ExtractJob(body=html, url=url, timezone=settings.timezone, fallback=None,
                      source_name=None, languages=())


def register(root: typer.Typer) -> None:
    @root.command("extract")
    def extract(
        ctx: typer.Context,
        inputs: Annotated[list[str], typer.Argument(help="HTML files (.gz too) or http(s) URLs.")],
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
        = False,
        base_url: Annotated[str | None, typer.Option(
            "--base-url", help="Address the files were saved from (for links and images).")]
        = None,
    ) -> None:
        """Extract title, text, date, author, image and language, as the crawler does.

        Every input gives one result (one JSON object per line with --json); an input
        that cannot be read or fetched gives its error in place and the others go on
        (exit status 1 when any failed)."""
        from jarida.extract import extract_to_json
        from jarida.pipeline.extraction import run_job

        settings = app_context(ctx).settings
        urls = [i for i in inputs if i.startswith(("http://", "https://"))]
        fetched = asyncio.run(_fetch_all(settings, urls)) if urls else {}
        failed = 0
        for item in inputs:
            try:
                url, html = _read(item, fetched, base_url)
            except UserError as exc:
                failed += 1
                if as_json:
                    typer.echo(json.dumps({"input": item, "error": str(exc)}, ensure_ascii=False))
                else:
                    typer.echo(f"error: {exc}", err=True)
                continue
            result = run_job(_job(url, html, settings))
            if as_json:
                typer.echo(json.dumps({"input": item, **extract_to_json(result)},
                                      ensure_ascii=False))
            else:
                _show(result)
        if failed:
            raise typer.Exit(1)


def _show(result: Extracted) -> None:
    out.rule(result.title or "(no title)")
    out.print(f"url: {result.url}\npublished: {result.published}\nauthor: {result.author}\n"
              f"language: {result.language}\nimage: {result.image}\n")
    out.print(result.text or "(no text)", markup=False)
