"""Distributed crawling against the inline crawler, on one local web of many hosts.

The web is `bench/hostweb.py`: `--hosts` outlets on loopback addresses behind nginx
(real pages of the shared corpora, an RSS feed and a robots.txt each), with an
access log in milliseconds from which politeness is read. Every run starts from a
fresh PostgreSQL schema, crawls the same pages, and counts pages stored per second
of crawl (process start-up excluded on both sides: the inline crawler's own timer;
for the workers, from the scheduler's enqueue, once their consumers are up, to the
last page stored). Two shapes, because they measure different things:

- *paced* (the gap `--gap`, 1 s): what a news crawl is: bound by politeness (N hosts
  allow N/gap pages a second), not by the CPU. Compares `jarida crawl --once` with
  two worker processes (`--threads` each), and checks politeness in nginx's log.
- *cpu* (gap 0): extraction-bound, where processes pay: one worker process (one
  thread) against two (one thread each).

Each paced run also reads where its seconds went from nginx's log
(`bench/gap_excess.py`: each host's excess over the gap, per step). `--code DIR` runs
the crawlers (inline and workers) on another checkout's `jarida` (e.g. main's), and
`--rounds N` alternates the paced shape N times, so old and new code can be compared in
one run on a loaded machine.

    python -m bench.distributed [--hosts 40] [--pages 10] [--broker rabbitmq|redis]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, func, select, text

from bench.common import RESULTS, ROOT, machine, replace_section, run_python, today
from bench.cpu_accounting import CpuAccount, WaitSampler
from bench.crawl_hosts import _politeness, _sources_file
from bench.gap_excess import gap_excess
from bench.hostweb import HostWeb, host_web

BROKERS = {"rabbitmq": "amqp://guest:guest@127.0.0.1:5672/%2F",
           "redis": "redis://127.0.0.1:6379/12"}
POLITENESS_REDIS = "redis://127.0.0.1:6379/12"


# The checkout whose `jarida` the crawlers run (`--code`): this one unless told.
CODE = {"root": str(ROOT)}
# Settings given to the worker processes only (`--worker-setting NAME=VALUE`).
WORKER_SETTINGS: dict[str, str] = {}


@contextmanager
def fresh_schema(pg_url: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in pg_url else "?"
    try:
        yield f"{pg_url}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _env(db_url: str, gap: float, broker: str | None, prefix: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JARIDA_")}
    env.update({
        "PYTHONPATH": CODE["root"], "JARIDA_DATABASE_URL": db_url,
        "JARIDA_PRIVATE_NETWORK_ALLOWLIST": '["127.0.0.0/8"]',
        "JARIDA_HOST_DELAY_SECONDS": str(gap), "JARIDA_IMAGE_FETCH_LIMIT": "0",
        "JARIDA_QUEUE_PREFIX": prefix, "JARIDA_POLITENESS_REDIS_URL": POLITENESS_REDIS,
    })
    if broker is not None:
        env["JARIDA_BROKER_URL"] = BROKERS[broker]
        env.update({f"JARIDA_{k.upper()}": v for k, v in WORKER_SETTINGS.items()})
    return env


def _paced_report(web: HostWeb, gap: float, workdir: Path) -> dict[str, Any]:
    """Politeness and where the seconds went, from nginx's log (kept in `workdir`)."""
    kept = workdir / "access.log"
    kept.write_bytes(web.log.read_bytes())
    return {**_politeness(web, gap), "access_log": str(kept),
            "gap_excess": gap_excess(kept, gap) if gap > 0 else {}}


def _prepare(web: HostWeb, env: dict[str, str], workdir: Path) -> None:
    sources = workdir / "sources.yaml"
    _sources_file(web, sources)
    run_python(["-m", "jarida", "init"], env)
    run_python(["-m", "jarida", "sources", "import", str(sources)], env)


_ENGINES: dict[str, Any] = {}


def _stored(db_url: str) -> int:
    """Articles stored (one engine per database, kept: the bench's own CPU stays small)."""
    from jarida.storage.tables import articles

    engine = _ENGINES.get(db_url)
    if engine is None:
        engine = _ENGINES[db_url] = create_engine(db_url, pool_size=1)
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


def run_inline(web: HostWeb, pg_url: str, workdir: Path, gap: float) -> dict[str, Any]:
    with fresh_schema(pg_url) as db_url:
        env = _env(db_url, gap, None, "inline")
        _prepare(web, env, workdir)
        web.log.write_text("")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        crawl = subprocess.Popen([sys.executable, "-m", "jarida", "crawl", "--once", "--json"],
                                 env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        # CPU per role from the crawl's first request (its start-up excluded, as the
        # workers' is) to its exit: the crawl process, its extraction workers (and their
        # fork server), its PostgreSQL backends, and the machine's other roles.
        account = CpuAccount(crawl.pid, track=True, pg_url=pg_url)
        while crawl.poll() is None and not web.log.stat().st_size:
            time.sleep(0.02)
        account.start()
        out, err = crawl.communicate(timeout=3600)
        account.mark()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if crawl.returncode != 0:
            raise RuntimeError(f"jarida crawl failed: {err.strip()[-2000:]}")
        report = json.loads(out)
        stored = _stored(db_url)
        # The crawl and its extraction processes (waited for), start-up included.
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return {"stored": stored, "seconds": round(report["seconds"], 2),
                "pages_per_s": round(stored / report["seconds"], 2),
                "crawl_cpu_s_with_startup": round(cpu, 2), "cpu_accounting": account.stop(),
                **_paced_report(web, gap, workdir)}


def _consumers_ready(env: dict[str, str], processes: int) -> bool:
    """Each worker process has a consumer on the feeds queue (RabbitMQ), or, on Redis,
    has sent its first heartbeat."""
    from jarida.distributed.broker import make_broker, queues
    from jarida.settings import Settings

    settings = Settings(database_url=env["JARIDA_DATABASE_URL"],
                        broker_url=env["JARIDA_BROKER_URL"],
                        queue_prefix=env["JARIDA_QUEUE_PREFIX"])
    broker: Any = make_broker(settings)
    try:
        if type(broker).__name__ == "RabbitmqBroker":
            name = queues(settings).feeds
            reply = broker._declare_queue(name)  # idempotent; the reply counts consumers
            return int(reply.method.consumer_count) >= processes
        beats = broker.client.zcard(f"{settings.queue_prefix}:__heartbeats__")
        return int(beats) >= processes
    finally:
        broker.close()


def _script_calls() -> int:
    """Lua script calls Redis has run (every database; the pacer's take, release and
    extend are one each, so the figure's growth over a run counts busy-host refusals)."""
    import redis

    client = redis.Redis.from_url(POLITENESS_REDIS)
    try:
        stats = client.info("commandstats")
        return sum(int(stats.get(f"cmdstat_{c}", {}).get("calls", 0))
                   for c in ("evalsha", "eval"))
    finally:
        client.close()


def run_distributed(web: HostWeb, pg_url: str, workdir: Path, gap: float, broker: str,
                    processes: int, threads: int, *, diagnose: bool = True
                    ) -> dict[str, Any]:
    """`diagnose`: also sample PostgreSQL's wait events and the tree's processes during
    the run (`WaitSampler`, `CpuAccount(track=True)`). They cost about a tenth of a
    core (measured), which a run keeping both cores busy loses: the cpu shape runs
    without them, so its figures are the crawler's, not its measurement's."""
    from jarida.distributed.app import build_app
    from jarida.distributed.scheduler import enqueue_due
    from jarida.settings import Settings
    from jarida.storage import Database

    prefix = f"bench{uuid.uuid4().hex[:8]}"
    with fresh_schema(pg_url) as db_url:
        env = _env(db_url, gap, broker, prefix)
        _prepare(web, env, workdir)
        expected = len(web.hosts) * web.pages_per_host
        worker_log = (workdir / "worker.log").open("wb")
        worker = subprocess.Popen(
            [sys.executable, "-m", "jarida", "worker", "--processes", str(processes),
             "--threads", str(threads)], env=env, cwd=CODE["root"], start_new_session=True,
            stdout=worker_log, stderr=worker_log)
        settings = Settings(database_url=db_url, broker_url=BROKERS[broker],
                            queue_prefix=prefix, politeness_redis_url=POLITENESS_REDIS)
        app = build_app(settings)
        db = Database.open(db_url)
        try:
            deadline = time.monotonic() + 120
            while not _consumers_ready(env, processes):
                if time.monotonic() > deadline or worker.poll() is not None:
                    raise RuntimeError("the workers did not start")
                time.sleep(0.3)
            web.log.write_text("")
            account = CpuAccount(worker.pid, track=diagnose, pg_url=pg_url,
                                 lean=not diagnose)
            sampler = WaitSampler(pg_url, worker.pid) if diagnose else None
            account.start()
            if sampler is not None:
                sampler.start()
            scripts = _script_calls()
            started = time.monotonic()
            enqueue_due(db, app.send_poll, owner="bench", now=datetime.now(UTC))
            stored, last_change, last = 0, time.monotonic(), -1
            while stored < expected and time.monotonic() - last_change < 60:
                time.sleep(0.1)
                stored = _stored(db_url)
                if stored != last:
                    last, last_change = stored, time.monotonic()
                    account.mark()
            seconds = last_change - started
            scripts = _script_calls() - scripts
            cpu = account.stop()
            if sampler is not None:
                cpu["postgres_waits"] = sampler.stop()
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(30)
            worker_log.close()
            engine = _ENGINES.pop(db_url, None)
            if engine is not None:
                engine.dispose()
            db.close()
            _cleanup(app)
        return {"processes": processes, "threads": threads, "stored": stored,
                "worker_log": str(workdir / "worker.log"),
                "seconds": round(seconds, 2), "pages_per_s": round(stored / seconds, 2),
                "redis_script_calls": scripts, "cpu_accounting": cpu,
                **_paced_report(web, gap, workdir)}


def _cleanup(app: Any) -> None:
    import redis

    try:
        if type(app.broker).__name__ == "RabbitmqBroker":
            for name in app.queues.all:
                for q in (name, f"{name}.DQ", f"{name}.XQ"):
                    app.broker.channel.queue_delete(q)
        else:
            for name in app.queues.all:
                app.broker.flush(name)
    finally:
        client = redis.Redis.from_url(POLITENESS_REDIS)
        for key in client.scan_iter(match=f"{app.settings.queue_prefix}:*"):
            client.delete(key)
        app.close()


def _paced_round(web: HostWeb, args: argparse.Namespace, tmp: Any,
                 flip: bool) -> dict[str, Any]:
    """One paced comparison: inline, then two worker processes on this checkout's code
    and (`--against`) on the other's, in alternating order from round to round."""
    paced: dict[str, Any] = {"gap_s": args.gap,
                             "inline": run_inline(web, args.postgres, tmp(), args.gap)}
    codes = [("distributed_2p", str(ROOT))]
    if args.against:
        codes.append(("distributed_2p_against", str(Path(args.against).resolve())))
        if flip:
            codes.reverse()
    for name, root in codes:
        CODE["root"] = root
        try:
            paced[name] = run_distributed(web, args.postgres, tmp(), args.gap, args.broker,
                                          2, args.threads)
        finally:
            CODE["root"] = str(ROOT)
        paced[name]["code"] = root
        paced[f"ratio_{name}"] = round(paced[name]["pages_per_s"]
                                       / paced["inline"]["pages_per_s"], 2)
    paced["ratio"] = paced["ratio_distributed_2p"]
    return paced


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=40)
    parser.add_argument("--pages", type=int, default=10, help="article pages per host")
    parser.add_argument("--gap", type=float, default=1.0, help="the paced shape's gap (s)")
    parser.add_argument("--threads", type=int, default=16,
                        help="threads per worker process in the paced shape")
    parser.add_argument("--broker", choices=sorted(BROKERS), default="rabbitmq")
    parser.add_argument("--shape", choices=("paced", "cpu", "both"), default="both")
    parser.add_argument("--code", help="run the crawlers on this checkout's jarida")
    parser.add_argument("--against", help="paced shape: also run the workers on this "
                        "checkout's jarida (e.g. main's), alternating with this one")
    parser.add_argument("--rounds", type=int, default=1, help="paced shape: repeat")
    parser.add_argument("--worker-setting", action="append", default=[],
                        metavar="NAME=VALUE", help="a setting for the worker processes "
                        "only (both codes), e.g. write_linger_seconds=0.2")
    parser.add_argument("--diagnose-cpu", action="store_true",
                        help="cpu shape: sample PostgreSQL's waits and the process tree "
                        "during the runs too (costs the machine's CPU; a comparison run)")
    parser.add_argument("--postgres", default=os.environ.get("JARIDA_TEST_POSTGRES_URL"),
                        help="PostgreSQL URL (a schema is made and dropped per run)")
    args = parser.parse_args()
    if not args.postgres:
        raise SystemExit("give --postgres or set JARIDA_TEST_POSTGRES_URL")
    if args.code:
        CODE["root"] = str(Path(args.code).resolve())
    for item in args.worker_setting:
        name, _, value = item.partition("=")
        WORKER_SETTINGS[name.strip()] = value.strip()
    import tempfile

    started = datetime.now(UTC)
    result: dict[str, Any] = {"date": today(), "machine": machine(),
                              "load_at_start": _load(), "hosts": args.hosts,
                              "pages_per_host": args.pages, "broker": args.broker}
    with host_web(args.hosts, args.pages) as web:
        def tmp() -> Path:
            return Path(tempfile.mkdtemp(prefix="jarida-bench-dist-"))

        if args.shape in ("paced", "both"):
            rounds = []
            for i in range(args.rounds):
                paced = _paced_round(web, args, tmp, flip=i % 2 == 1)
                rounds.append(paced)
                print(json.dumps({"paced": paced, "load": _load()}), flush=True)
            result["paced"] = rounds[-1]
            if len(rounds) > 1:
                result["paced_rounds"] = rounds
        if args.shape in ("cpu", "both"):
            cpu = {
                "gap_s": 0.0,
                "diagnosed": args.diagnose_cpu,
                "one_process": run_distributed(web, args.postgres, tmp(), 0.0, args.broker,
                                               1, 1, diagnose=args.diagnose_cpu),
                "two_processes": run_distributed(web, args.postgres, tmp(), 0.0,
                                                 args.broker, 2, 1,
                                                 diagnose=args.diagnose_cpu),
            }
            cpu["inline"] = run_inline(web, args.postgres, tmp(), 0.0)
            cpu["ratio"] = round(cpu["two_processes"]["pages_per_s"]
                                 / cpu["one_process"]["pages_per_s"], 2)
            cpu["ratio_to_inline"] = round(cpu["two_processes"]["pages_per_s"]
                                           / cpu["inline"]["pages_per_s"], 2)
            result["cpu"] = cpu
            print(json.dumps({"cpu": cpu}), flush=True)
    result["load_at_end"] = _load()
    result["load"] = f"{result['load_at_start']} at start, {result['load_at_end']} at end"
    result["utc"] = f"{started:%H:%M}-{datetime.now(UTC):%H:%M} UTC"
    if (args.shape != "both" or args.against or args.code or args.worker_setting
            or args.diagnose_cpu):
        return  # a partial or comparison run: printed, not written into the docs
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "distributed.json").write_text(json.dumps(result, indent=2))
    replace_section("distributed", _markdown(result))
    print(json.dumps(result, indent=2))


def _markdown(r: dict[str, Any]) -> str:
    p, c = r["paced"], r["cpu"]
    return "\n".join([
        f"## Distributed crawling ({r['date']} {r['utc']}, {r['machine']}, {r['load']}; "
        f"{r['hosts']} hosts x {r['pages_per_host']} pages, PostgreSQL, {r['broker']})",
        "",
        "| shape | run | pages stored | seconds | pages/s | overlaps | gaps < gap |",
        "|---|---|---|---|---|---|---|",
        f"| paced (gap {p['gap_s']} s) | inline `jarida crawl --once` | "
        f"{p['inline']['stored']} | {p['inline']['seconds']} | {p['inline']['pages_per_s']} "
        f"| {p['inline']['overlaps']} | {p['inline']['short_gaps']} |",
        f"| paced (gap {p['gap_s']} s) | 2 worker processes x "
        f"{p['distributed_2p']['threads']} threads | {p['distributed_2p']['stored']} | "
        f"{p['distributed_2p']['seconds']} | {p['distributed_2p']['pages_per_s']} | "
        f"{p['distributed_2p']['overlaps']} | {p['distributed_2p']['short_gaps']} |",
        f"| cpu (gap 0) | 1 worker process x 1 thread | {c['one_process']['stored']} | "
        f"{c['one_process']['seconds']} | {c['one_process']['pages_per_s']} | | |",
        f"| cpu (gap 0) | 2 worker processes x 1 thread | {c['two_processes']['stored']} | "
        f"{c['two_processes']['seconds']} | {c['two_processes']['pages_per_s']} | | |",
        "",
        f"Distributed / inline (paced): {p['ratio']}x. Two processes / one (cpu): "
        f"{c['ratio']}x" + ("" if c.get("diagnosed") else
                            " (measured without the wait sampler and the process "
                            "tracker, whose CPU a run keeping both cores busy loses)") + ".",
        "",
        "Paced, each host's excess over the gap between two page starts (nginx's log, "
        f"mean / p90): inline {_excess(p['inline'])}, distributed "
        f"{_excess(p['distributed_2p'])}.",
    ])


def _excess(run: dict[str, Any]) -> str:
    step = run.get("gap_excess", {}).get("by_step", {}).get("page>page", {})
    if not step.get("n"):
        return "n/a"
    return f"{step['mean_ms']:.0f} / {step['p90_ms']:.0f} ms"


if __name__ == "__main__":
    main()
