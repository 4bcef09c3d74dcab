"""`jarida scheduler`, `jarida worker` and `jarida queue status|retry`: distributed mode.

All of them need JARIDA_BROKER_URL and a PostgreSQL database; without them they
refuse with one line, and `jarida run` stays the one-machine mode.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from jarida.commands.common import app_context

out = Console(highlight=False)
DELAY_PRECISION_MS = 100
queue_app = typer.Typer(help="Inspect the broker's queues; replay dead letters.",
                        no_args_is_help=True)


@queue_app.command("status")
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Messages ready, delayed and dead-lettered per queue, and the oldest one's age."""
    from jarida.distributed.broker import make_broker, queues
    from jarida.distributed.queues import queue_status

    settings = app_context(ctx).settings
    broker = make_broker(settings)
    try:
        rows = queue_status(broker, queues(settings))
    finally:
        broker.close()
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in rows], indent=2))
        return
    table = Table("queue", "ready", "delayed", "dead letters", "oldest ready (s)")
    for r in rows:
        age = "" if r.oldest_age_seconds is None else f"{r.oldest_age_seconds:.1f}"
        table.add_row(r.name, str(r.ready), str(r.delayed), str(r.dead), age)
    out.print(table)


@queue_app.command("retry")
def retry(
    ctx: typer.Context,
    limit: Annotated[int | None, typer.Option(min=1, help="Replay at most this many.")]
    = None,
) -> None:
    """Enqueue the dead-lettered messages again (their retry count reset)."""
    from jarida.distributed.broker import make_broker, queues
    from jarida.distributed.queues import retry_dead_letters

    settings = app_context(ctx).settings
    broker = make_broker(settings)
    try:
        done = retry_dead_letters(broker, queues(settings), limit)
    finally:
        broker.close()
    out.print(f"{done} dead letters enqueued again")


def register(root: typer.Typer) -> None:
    root.add_typer(queue_app, name="queue")

    @root.command("scheduler")
    def scheduler(ctx: typer.Context) -> None:
        """Enqueue every due feed for the workers (claimed first: never enqueued twice)."""
        from jarida.commands.common import start_metrics_port
        from jarida.distributed.app import build_app
        from jarida.distributed.broker import require_distributed
        from jarida.distributed.queues import queue_stats
        from jarida.distributed.scheduler import fleet_fetcher, run_scheduler
        from jarida.distributed.websub import Maintainer

        app = app_context(ctx)
        require_distributed(app.settings)
        db = app.database()
        dist = build_app(app.settings)
        if start_metrics_port(app.settings, db) is not None:  # feeds due, and the queues:
            from jarida.metrics import watch_queues

            watch_queues(lambda: queue_stats(dist.broker, dist.queues))
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        out.print(f"scheduling into {', '.join(dist.queues.all)} (Ctrl-C to stop)")
        maintain = Maintainer(db, app.settings, lambda: fleet_fetcher(app.settings))
        try:
            sent = run_scheduler(db, lambda feed_id: dist.send_poll(feed_id), stop, maintain)
        finally:
            maintain.close()
            dist.close()
        out.print(f"stopped after enqueuing {sent} feeds")

    @root.command("worker")
    def worker(
        ctx: typer.Context,
        processes: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
        threads: Annotated[int, typer.Option(
            min=1, max=256, help="Threads per process: a thread waits for its host's turn "
            "and for its page's commit, so a paced crawl of many hosts needs many "
            "(docs/operations.md).")] = 16,
    ) -> None:
        """Run Dramatiq workers: poll feeds, fetch, extract and store articles."""
        from jarida.distributed.broker import queues, require_distributed
        from jarida.distributed.worker_app import CONFIG_ENV

        app = app_context(ctx)
        require_distributed(app.settings)
        app.database()  # the schema is checked here, once, with a one-line error
        env = dict(os.environ)
        # How often a worker moves due delayed messages (a host's turn come) to their
        # queue; Dramatiq's default, 1 s, would add up to a second to every host's gap.
        env.setdefault("dramatiq_worker_timeout", str(DELAY_PRECISION_MS))
        if app.settings.metrics_port is not None:  # one port, every process's sum
            from jarida.metrics import fresh_multiprocess_dir

            fresh_multiprocess_dir(env)
        config = ctx.find_root().params.get("config")
        if config is not None:
            env[CONFIG_ENV] = str(config)
        names = queues(app.settings)
        argv = [sys.executable, "-m", "dramatiq", "jarida.distributed.worker_app",
                "--processes", str(processes), "--threads", str(threads),
                "--queues", *names.all, "--worker-shutdown-timeout", "8000"]
        sys.stdout.flush()
        os.execve(sys.executable, argv, env)  # noqa: S606 (dramatiq's own CLI, no shell)
