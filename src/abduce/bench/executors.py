"""Executors solve jobs somewhere and hand back their outcomes (a result line, or a fault of the
model server) as each job finishes.

`ProcessExecutor` (the default) uses worker processes on this machine; `RayExecutor` uses a
Ray cluster, local or remote. Each worker (a thread, a process's thread, a Ray actor) builds
one solver and keeps it (a model loads once), and the driver alone writes the results file.
"""

from __future__ import annotations

import importlib.util
import itertools
import logging
import multiprocessing
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from functools import partial
from multiprocessing.managers import BaseManager
from pathlib import Path
from typing import Any, Protocol

from abduce.agent import Solver
from abduce.bench.jobs import Job, Outcome, attempt
from abduce.errors import ExecutorError

SolverFactory = Callable[[], Solver]
Stop = Callable[[], bool]


def never() -> bool:
    return False


class Executor(Protocol):
    """Solves jobs and yields each one's outcome as it finishes. Once `stop()` is true it
    starts no more jobs, yields the outcomes of those already running, and ends."""

    def run(
        self, jobs: list[Job], make_solver: SolverFactory, seed: int, stop: Stop = never
    ) -> Iterator[Outcome]: ...


class ProcessExecutor:
    """Solves jobs here, one at a time or `concurrency` at once in threads (each thread with
    its own solver), or in `workers` spawned processes that each solve up to `concurrency` at
    once in the same way.

    Threads suffice to keep that many model calls in flight: a thread waiting on the model's
    server holds no lock, and the programs it checks run in the sandbox's own processes.
    """

    def __init__(self, workers: int = 1, concurrency: int = 1) -> None:
        self.workers = workers
        self.concurrency = concurrency

    def run(
        self, jobs: list[Job], make_solver: SolverFactory, seed: int, stop: Stop = never
    ) -> Iterator[Outcome]:
        if not jobs:
            return
        if self.workers > 1 and len(jobs) > 1:
            yield from _in_processes(jobs, make_solver, seed, stop, self.workers, self.concurrency)
        elif self.concurrency > 1:
            connect = partial(_here, make_solver)
            yield from _in_threads(jobs, connect, seed, stop, self.concurrency)
        else:
            solver = make_solver()
            for job in jobs:
                if stop():
                    return
                yield attempt(solver, job, seed)


Attempt = Callable[[Job, int], Outcome]


def _here(make_solver: SolverFactory) -> Attempt:
    return partial(attempt, make_solver())


def _in_threads(
    jobs: list[Job], connect: Callable[[], Attempt], seed: int, stop: Stop, threads: int
) -> Iterator[Outcome]:
    """The jobs solved by `threads` threads, each with the solver `connect()` gives it on
    its first job."""
    local = threading.local()

    def solve(job: Job) -> Outcome:
        if not hasattr(local, "attempt"):
            local.attempt = connect()
        solved: Attempt = local.attempt
        return solved(job, seed)

    pool = ThreadPoolExecutor(threads, thread_name_prefix="solver")
    try:
        yield from _until_stopped([pool.submit(solve, job) for job in jobs], stop)
    finally:
        pool.shutdown(wait=False)  # interrupted: no waiting here for the jobs still running


def _until_stopped(futures: list[Future[Outcome]], stop: Stop) -> Iterator[Outcome]:
    """Each outcome as its job finishes. Once `stop()` is true, the jobs not yet started are
    cancelled and those running finish and are yielded; an exception (a bug) ends the run."""
    try:
        for future in as_completed(futures):
            if future.cancelled():
                continue
            yield future.result()
            if stop():
                for other in futures:
                    other.cancel()
    finally:
        for other in futures:
            other.cancel()


def _in_processes(
    jobs: list[Job], make_solver: SolverFactory, seed: int, stop: Stop, workers: int, threads: int
) -> Iterator[Outcome]:
    """The jobs solved in `workers` spawned processes, up to `threads` at once in each: here, a
    thread per job in flight calls its process, where a thread of its own solves the job
    with a solver of its own."""
    with ExitStack() as processes:
        with ThreadPoolExecutor(workers) as starting:  # each imports abduce: seconds
            started = list(starting.map(_start_worker, [os.getpid()] * workers))
        for worker in started:
            processes.enter_context(worker)  # shut down on the way out, interrupted or not
        each = itertools.cycle(started)  # thread k of the run calls process k mod workers

        def connect() -> Attempt:
            return next(each).Solving(make_solver).attempt

        yield from _in_threads(jobs, connect, seed, stop, workers * threads)


class _Solving:
    """In a worker process: one solver, solving the jobs one thread of the run sends it."""

    def __init__(self, make_solver: SolverFactory) -> None:
        self.solver = make_solver()

    def attempt(self, job: Job, seed: int) -> Outcome:
        try:
            return attempt(self.solver, job, seed)
        except Exception as error:  # a bug: sent back without its traceback, so in a note
            error.add_note(traceback.format_exc())
            raise


class _Worker(BaseManager):
    """A worker process, serving each thread of the run that calls it on a thread of its own."""

    Solving: Callable[[SolverFactory], _Solving]  # a proxy, in fact


_Worker.register("Solving", _Solving)


def _start_worker(parent: int) -> _Worker:
    worker = _Worker(ctx=multiprocessing.get_context("spawn"))  # no forking of our threads
    worker.start(_exit_with_parent, (parent,))
    return worker


def _exit_with_parent(parent: int) -> None:
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker when its parent is gone: a killed driver must leave no workers behind.
    `parent` is the driver's pid as it passed it: it may be gone before this worker starts."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class RayExecutor:
    """Solves jobs on Ray actors, one solver each, one CPU each.

    `address=None` starts a private local Ray instance with `workers` CPUs; `"auto"` or
    `"HOST:PORT"` joins a running cluster (`ray start --head`), whose machines must have abduce
    installed, and uses `workers` actors (default: one per CPU of the cluster).
    """

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        if importlib.util.find_spec("ray") is None:
            raise ExecutorError("the Ray executor needs Ray: pip install 'abduce[ray]'")
        self.workers = workers
        self.address = address

    def run(
        self, jobs: list[Job], make_solver: SolverFactory, seed: int, stop: Stop = never
    ) -> Iterator[Outcome]:
        if not jobs:
            return
        if self.address not in (None, "auto"):
            _check_reachable(self.address)
            _use_cluster_token()
        import ray
        from ray.util import ActorPool

        try:
            ray.init(  # no address: a private instance, even where a cluster is running
                address=self.address or "local",
                num_cpus=self.workers if self.address is None else None,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
        except ConnectionError as error:
            reason = f"cannot reach the Ray cluster at {self.address}: {str(error).splitlines()[0]}"
            raise ExecutorError(reason) from None
        try:
            # Ray leaves cluster_resources unannotated.
            resources = ray.cluster_resources()  # type: ignore[no-untyped-call]
            count = self.workers or int(resources.get("CPU", 1))
            actor = ray.remote(num_cpus=1)(_RayWorker)
            actors = [actor.remote(make_solver) for _ in range(min(count, len(jobs)))]
            pool = ActorPool(actors)
            waiting = jobs[::-1]

            def solve(worker: Any, job: Job) -> Any:
                return worker.solve.remote(job, seed)

            while waiting and pool.has_free():  # type: ignore[no-untyped-call]
                pool.submit(solve, waiting.pop())
            while pool.has_next():  # type: ignore[no-untyped-call]
                yield pool.get_next_unordered()
                if stop():
                    waiting.clear()
                elif waiting:
                    pool.submit(solve, waiting.pop())
        finally:
            ray.shutdown()


def _check_reachable(address: str) -> None:
    """Fail at once, in one line, where Ray would retry an unreachable HOST:PORT for minutes."""
    host, _, port = address.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except (OSError, ValueError) as error:
        raise ExecutorError(f"cannot reach the Ray cluster at {address}: {error}") from None


def _use_cluster_token() -> None:
    """Send the token `ray start` made (~/.ray/auth_token or $RAY_AUTH_TOKEN) to HOST:PORT too.

    Ray reads it by itself only for `address="auto"`; a cluster without token authentication
    is joined the same way with RAY_AUTH_MODE=disabled.
    """
    has_token = "RAY_AUTH_TOKEN" in os.environ or (Path.home() / ".ray" / "auth_token").exists()
    if has_token:
        os.environ.setdefault("RAY_AUTH_MODE", "token")


class _RayWorker:
    """A Ray actor holding one solver."""

    def __init__(self, make_solver: SolverFactory) -> None:
        self.solver = make_solver()

    def solve(self, job: Job, seed: int) -> Outcome:
        return attempt(self.solver, job, seed)
