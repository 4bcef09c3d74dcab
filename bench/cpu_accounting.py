"""Where the CPU of a distributed run goes: per process role, and what PostgreSQL waits on.

`CpuAccount` snapshots the user+system CPU seconds of every process on the machine at
the start and at the end of a measured span and sums the difference per role: the
worker processes (the tree under one pid), the broker (RabbitMQ's `beam.smp`),
Redis, PostgreSQL's backends, nginx, and everything else (other users of the
machine: the load the figures were measured under). With `track=True` a thread also
samples, every `TRACK_EVERY_S`, the processes under the root pid (split into the root
itself, a multiprocessing fork server and its children, the rest of the tree) and the
PostgreSQL backends serving them (by client port), keeping the last figure of each: a
crawl that exits at the end, with its extraction workers and database backends, is then
counted too (to within one sampling period). With `lean=True` a mark reads only the
processes that had a role at the start, not the whole machine. A `WaitSampler` thread reads
`pg_stat_activity` every 50 ms and counts the wait events of the workers' own
backends (matched by client port) that are active, so a lock that serialises the
writers shows as `Lock:*` samples.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import create_engine, text

ROLES = ("workers", "broker", "redis", "postgres", "nginx", "others")
TRACK_EVERY_S = 0.2


def _role(proc: psutil.Process, workers: set[int]) -> str:
    if proc.pid in workers:
        return "workers"
    try:
        name = proc.name()
    except psutil.Error:
        return "others"
    if name.startswith("beam") or name in ("epmd", "erl_child_setup", "inet_gethost"):
        return "broker"
    if name.startswith("redis"):
        return "redis"
    if name.startswith("postgres"):
        return "postgres"
    if name.startswith("nginx"):
        return "nginx"
    return "others"


def _tree(pid: int) -> set[int]:
    try:
        root = psutil.Process(pid)
        return {pid, *(c.pid for c in root.children(recursive=True))}
    except psutil.Error:
        return set()


def _cpu_by_pid(procs: Iterable[psutil.Process] | None = None
                ) -> dict[int, tuple[float, psutil.Process]]:
    """CPU seconds of `procs` (every process on the machine when None), by pid."""
    seen: dict[int, tuple[float, psutil.Process]] = {}
    for proc in psutil.process_iter() if procs is None else procs:
        try:
            t = proc.cpu_times()
            seen[proc.pid] = (t.user + t.system, proc)
        except psutil.Error:
            continue
    return seen


def _schedstat(pid: int) -> dict[int, tuple[int, int]]:
    """Per thread of `pid`: ns on a CPU, ns runnable but waiting for one (the kernel's
    /proc/PID/task/TID/schedstat)."""
    out: dict[int, tuple[int, int]] = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            run, wait, _ = (int(x) for x in (task / "schedstat").read_text().split())
        except (OSError, ValueError):
            continue
        out[int(task.name)] = (run, wait)
    return out


def _threads(pids: set[int]) -> dict[int, dict[int, tuple[int, int]]]:
    return {pid: _schedstat(pid) for pid in pids}


def busiest_thread(before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]],
                   wall: float) -> dict[str, float]:
    """The thread that ran most (a worker process's Dramatiq worker thread): seconds on
    a CPU, seconds runnable but waiting for a CPU (the machine's load), and the rest,
    asleep (network, broker, database, locks)."""
    best = (0, 0)
    for tid, (run, wait) in after.items():
        r0, w0 = before.get(tid, (0, 0))
        if run - r0 > best[0]:
            best = (run - r0, wait - w0)
    on_cpu, runnable = best[0] / 1e9, best[1] / 1e9
    return {"on_cpu_s": round(on_cpu, 2), "runnable_waiting_s": round(runnable, 2),
            "asleep_s": round(max(0.0, wall - on_cpu - runnable), 2)}


def _tree_roles(pid: int) -> dict[int, str]:
    """The processes under `pid` by role: `root` (pid itself), `forkserver` (a
    multiprocessing fork server), `forked` (its children: the inline crawler's extraction
    workers), `children` (the rest: Dramatiq's worker processes)."""
    try:
        root = psutil.Process(pid)
        kids = root.children(recursive=True)
    except psutil.Error:
        return {}
    roles = {pid: "root"}
    servers: set[int] = set()
    for kid in kids:  # the server; its forks inherit its command line
        try:
            if kid.ppid() == pid and "forkserver" in " ".join(kid.cmdline()):
                servers.add(kid.pid)
        except psutil.Error:
            continue
    for kid in kids:
        try:
            parent = kid.ppid()
        except psutil.Error:
            continue
        roles[kid.pid] = ("forkserver" if kid.pid in servers
                          else "forked" if parent in servers else "children")
    return roles


class Tracker(threading.Thread):
    """The last CPU figure seen of each process of a tree and of its PostgreSQL
    backends, sampled every `TRACK_EVERY_S` (processes that exit keep their last)."""

    def __init__(self, root: int, pg_url: str | None) -> None:
        super().__init__(daemon=True)
        self._root = root
        self._engine = create_engine(pg_url, pool_size=1) if pg_url else None
        self._done = threading.Event()
        self.last: dict[int, tuple[float, str]] = {}  # pid -> (cpu s, role)
        self.first: dict[int, float] = {}  # pid -> cpu s when first seen (if at start)
        self._roles: dict[int, str] = {}
        self._mapped = 0.0

    def _map(self) -> None:
        """Which processes to sample (re-read every second: it costs more than a sample)."""
        roles = _tree_roles(self._root)
        ports = _ports_of(roles)
        if self._engine is not None and ports:
            with self._engine.connect() as conn:
                rows = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE client_port "
                                         "= ANY(:ports)"), {"ports": sorted(ports)}).all()
            for (backend,) in rows:
                roles[int(backend)] = "postgres_backends"
        self._roles.update(roles)
        self._mapped = time.monotonic()

    def sample(self, *, initial: bool = False) -> None:
        if initial or time.monotonic() - self._mapped > 1.0:
            self._map()
        for pid, role in list(self._roles.items()):
            try:
                t = psutil.Process(pid).cpu_times()
            except psutil.Error:
                continue
            cpu = t.user + t.system
            if initial:
                self.first[pid] = cpu
            self.last[pid] = (cpu, role)

    def run(self) -> None:
        while not self._done.wait(TRACK_EVERY_S):
            self.sample()

    def stop(self) -> dict[str, float]:
        self._done.set()
        self.join(5)
        self.sample()
        if self._engine is not None:
            self._engine.dispose()
        out: defaultdict[str, float] = defaultdict(float)
        for pid, (cpu, role) in self.last.items():
            out[role] += cpu - self.first.get(pid, 0.0)
        return {k: round(v, 2) for k, v in sorted(out.items())}


@dataclass
class CpuAccount:
    """CPU seconds per role over a span; `workers_pid` is the `jarida worker` process."""

    workers_pid: int
    track: bool = False
    pg_url: str | None = None
    # Lean: a mark reads only the processes that had a role other than "others" at the
    # start (the workers, the broker, Redis, PostgreSQL, nginx), not every process on
    # the machine. With the tracker and the wait sampler also off, the benchmark's own
    # CPU over a run fell from about 10 % of a core to about 2.5 % (2026-12-03), CPU
    # that a run keeping both cores busy would otherwise lose.
    lean: bool = False
    _watched: dict[int, psutil.Process] = field(default_factory=dict)
    _tracker: Tracker | None = None
    _start: dict[int, tuple[float, psutil.Process]] = field(default_factory=dict)
    _wall: float = 0.0
    _load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    _self: float = 0.0
    _end: tuple[dict[int, tuple[float, psutil.Process]], float, float] | None = None
    _sched_start: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict)
    _sched_end: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict)

    def start(self) -> None:
        self._sched_start = _threads(_tree(self.workers_pid))
        self._start = _cpu_by_pid()
        if self.lean:
            workers = _tree(self.workers_pid)
            self._watched = {pid: proc for pid, (_, proc) in self._start.items()
                             if _role(proc, workers) != "others"}
        self._wall = time.monotonic()
        self._self = time.process_time()
        if self.track:
            self._tracker = Tracker(self.workers_pid, self.pg_url)
            self._tracker.sample(initial=True)
            self._tracker.start()

    def mark(self) -> None:
        """The span ends here unless marked again (the last page stored, not the wait
        that shows no more are coming)."""
        self._end = (_cpu_by_pid(self._watched.values() if self.lean else None), time.monotonic(),
                     time.process_time())
        self._sched_end = _threads(set(self._sched_start))

    def stop(self) -> dict[str, Any]:
        if self._end is None:
            self.mark()
        assert self._end is not None
        end, ended, own = self._end
        wall = ended - self._wall
        workers = _tree(self.workers_pid)
        per_role: defaultdict[str, float] = defaultdict(float)
        per_worker: dict[int, float] = {}
        for pid, (cpu, proc) in end.items():
            before = self._start.get(pid)
            used = cpu - (before[0] if before is not None else 0.0)
            if pid == os.getpid():
                per_role["bench"] += own - self._self
                continue
            role = _role(proc, workers)
            per_role[role] += used
            if role == "workers" and used > 0.05:
                per_worker[pid] = round(used, 2)
        if self.lean:  # this process and the rest of the machine are not read at a mark
            per_role["bench"] = own - self._self
        threads = {pid: busiest_thread(self._sched_start[pid], self._sched_end.get(pid, {}),
                                       wall)
                   for pid in self._sched_start if pid in per_worker}
        tracked = self._tracker.stop() if self._tracker is not None else None
        return {"wall_s": round(wall, 2), "worker_thread": threads,
                **({"tracked_cpu_s": tracked} if tracked is not None else {}),
                "cpu_s": {k: round(v, 2) for k, v in per_role.items()},
                "cpu_per_worker_process_s": per_worker,
                "machine_cpu_s": round(wall * (psutil.cpu_count() or 1), 2),
                "loadavg_at_end": [round(x, 2) for x in os.getloadavg()]}


def _client_ports(pid: int) -> set[int]:
    return _ports_of(_tree(pid))


def _ports_of(pids: Iterable[int]) -> set[int]:
    """The local ports of these processes' connections to PostgreSQL (port 5432)."""
    ports: set[int] = set()
    for pid in pids:
        try:
            for c in psutil.Process(pid).net_connections(kind="tcp"):
                if c.raddr and c.raddr.port == 5432:
                    ports.add(c.laddr.port)
        except psutil.Error:
            continue
    return ports


class WaitSampler(threading.Thread):
    """Counts the wait events of active PostgreSQL backends every `every` seconds."""

    def __init__(self, pg_url: str, workers_pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self._workers = workers_pid
        self._ports: set[int] = set()
        self._engine = create_engine(pg_url)
        self._every = every
        self._done = threading.Event()
        self.samples = 0
        self.waits: Counter[str] = Counter()
        self.active: Counter[str] = Counter()

    def run(self) -> None:
        query = text("SELECT wait_event_type, wait_event, left(query, 60), client_port FROM "
                     "pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
                     "AND backend_type = 'client backend'")
        refreshed = 0.0
        with self._engine.connect() as conn:
            while not self._done.is_set():
                if time.monotonic() - refreshed > 1.0:  # the workers' own connections only
                    self._ports = _client_ports(self._workers)
                    refreshed = time.monotonic()
                rows = conn.execute(query).all()
                conn.commit()
                self.samples += 1
                for kind, event, sql, port in rows:
                    if port not in self._ports:
                        continue  # another session's backend (this machine is shared)
                    label = f"{kind}:{event}" if kind else "CPU"
                    self.waits[label] += 1
                    if kind == "Lock":
                        self.active[str(sql)] += 1
                time.sleep(self._every)

    def stop(self) -> dict[str, Any]:
        self._done.set()
        self.join(5)
        self._engine.dispose()
        return {"samples": self.samples, "active_backend_waits": dict(self.waits.most_common(8)),
                "lock_waiting_queries": dict(self.active.most_common(5))}
