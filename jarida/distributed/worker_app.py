"""The module `dramatiq` loads in each worker process (`jarida worker` starts it).

The settings come from the environment (and the file `jarida --config` named, passed
as JARIDA_WORKER_CONFIG_FILE). A worker process exits when the process that started
it dies (`pipeline/orphans.py`), so a SIGKILLed `jarida worker` leaves nothing behind, and
imports the extraction stack and opens its runtime (hooks, database, Redis) before its
threads start.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import sys

import dramatiq

from jarida.distributed.app import build_app
from jarida.logs import configure_logging
from jarida.pipeline.orphans import exit_with_parent
from jarida.settings import load_settings

CONFIG_ENV = "JARIDA_WORKER_CONFIG_FILE"

settings = load_settings(os.environ.get(CONFIG_ENV) or None)
configure_logging(settings.log_level, settings.log_format)
app = build_app(settings)
broker = app.broker
dramatiq.set_broker(broker)
if multiprocessing.parent_process() is not None:  # a worker process, not the master
    # A crash in a C extension (SIGSEGV, SIGABRT) prints every thread's Python stack to
    # the worker's standard error before the process dies: the one clue a native fault
    # leaves. The process's own stderr, not Dramatiq's logging pipe (`sys.stderr` here),
    # whose reader, the master process, stops as soon as a worker process dies.
    faulthandler.enable(file=sys.__stderr__ or sys.stderr, all_threads=True)
    exit_with_parent()
    # The extraction stack imported and its models loaded once, here, before the worker
    # threads start: threads racing through the same first imports can hang.
    import jarida.pipeline.build
    import jarida.pipeline.warmup  # noqa: F401

    # The hooks (copies, stories, mentions) imported, the database and Redis connected:
    # before the first message, not during it (about 2 s of CPU otherwise paid by the
    # first messages of each process).
    app.worker_runtime().warm()
    if settings.metrics_port is not None:  # the first process to bind serves every one's sum
        from jarida.metrics import serve_metrics_if_free

        serve_metrics_if_free(settings.metrics_port, settings.metrics_address)
