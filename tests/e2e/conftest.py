"""The sample news web, crawled once for every end-to-end test module."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from jarida.demo import DemoWeb
from jarida.pipeline.demo_run import crawl_demo, demo_settings
from jarida.settings import Settings
from jarida.storage import Database


@pytest.fixture(scope="package")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoWeb, Database,
                                                                          Settings, Any]]:
    tmp: Path = tmp_path_factory.mktemp("demo")
    base = Settings(database_url=f"sqlite:///{tmp}/demo.db", extract_workers=1,
                    media_dir=str(tmp / "media"))
    settings = demo_settings(base, explicit_database=True)
    web = DemoWeb(seed=7, drip_delay=0.01)
    web.start()
    db = Database.open(settings.database_url)
    db.upgrade()
    console = Console(quiet=True)
    report = asyncio.run(crawl_demo(settings, db, web.sources(), console))
    yield web, db, settings, report
    db.close()
    web.stop()
