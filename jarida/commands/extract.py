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


async def _fetch_all(settings: Settings, urls: list[str]) -> dict[str, tuple[str, str]]:
    from jarida.crawl.fetcher import Fetcher

    pages: dict[str, tuple[str, str]] = {}
    async with Fetcher.from_settings(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    for url, result in zip(urls, results, strict=True):
        if not result.ok:
            raise UserError(f"cannot fetch {url}: {result.error}")
        pages[url] = (result.final_url, result.text())
    return pages


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
        """Extract title, text, date, author, image and language, as the crawler does."""
        from jarida.crawl.encoding import decode, detect_encoding
        from jarida.extract import extract_to_json, read_html_file
        from jarida.pipeline.extraction import run_job

        settings = app_context(ctx).settings
        urls = [i for i in inputs if i.startswith(("http://", "https://"))]
        fetched = asyncio.run(_fetch_all(settings, urls)) if urls else {}
        for item in inputs:
            if item in fetched:
                url, html = fetched[item]
            else:
                path = Path(item)
                try:
                    raw = read_html_file(path)
                except OSError as exc:
                    raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
                html = decode(raw, detect_encoding(raw, None))
                url = base_url or path.resolve().as_uri()
            result = run_job(_job(url, html, settings))
            if as_json:
                typer.echo(json.dumps(extract_to_json(result), ensure_ascii=False))
            else:
                _show(result)


def _show(result: Extracted) -> None:
    out.rule(result.title or "(no title)")
    out.print(f"url: {result.url}\npublished: {result.published}\nauthor: {result.author}\n"
              f"language: {result.language}\nimage: {result.image}\n")
    out.print(result.text or "(no text)", markup=False)
