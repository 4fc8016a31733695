"""Executors solve jobs somewhere and hand back their result lines as each job finishes.

`ProcessExecutor` (the default) uses worker processes on this machine; `RayExecutor` uses a
Ray cluster, local or remote. Each worker builds one solver and keeps it (a model loads
once), and the driver alone writes the results file.
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Protocol

from abduce.agent import Solver
from abduce.bench.jobs import Job, solve_job
from abduce.bench.results import ResultLine
from abduce.errors import ExecutorError

SolverFactory = Callable[[], Solver]


class Executor(Protocol):
    """Solves jobs and yields one result line per job, in the order they finish."""

    def run(
        self, jobs: list[Job], make_solver: SolverFactory, seed: int
    ) -> Iterator[ResultLine]: ...


class ProcessExecutor:
    """Solves jobs here (one worker) or in `workers` spawned processes."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def run(self, jobs: list[Job], make_solver: SolverFactory, seed: int) -> Iterator[ResultLine]:
        if not jobs:
            return
        if self.workers <= 1 or len(jobs) <= 1:
            solver = make_solver()
            yield from (solve_job(solver, job, seed) for job in jobs)
            return
        spawn = multiprocessing.get_context("spawn")  # no forking of this process's threads
        with ProcessPoolExecutor(
            self.workers,
            mp_context=spawn,
            initializer=_start_worker,
            initargs=(make_solver, os.getpid()),
        ) as pool:
            futures = [pool.submit(_solve_in_worker, job, seed) for job in jobs]
            yield from _until_first_error(futures)


def _until_first_error(futures: list[Future[ResultLine]]) -> Iterator[ResultLine]:
    """Each line as its job finishes. A job that raises (a model server's fault) stops the run:
    the jobs not yet started are cancelled, those running finish and are yielded, and then
    the first error is raised."""
    first: BaseException | None = None
    for future in as_completed(futures):
        if future.cancelled():
            continue
        error = future.exception()
        if error is None:
            yield future.result()
        elif first is None:
            first = error
            for other in futures:
                other.cancel()
    if first is not None:
        raise first


_worker_solver: Solver | None = None


def _start_worker(make_solver: SolverFactory, parent: int) -> None:
    global _worker_solver
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    _worker_solver = make_solver()


def _exit_with(parent: int) -> None:
    """End this worker when its parent is gone: a killed driver must leave no workers behind
    (they would wait on the task queue forever, since every worker holds its write end).
    `parent` is the driver's pid as it passed it: it may be gone before this worker starts."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _solve_in_worker(job: Job, seed: int) -> ResultLine:
    assert _worker_solver is not None, "the worker's initializer builds its solver"
    return solve_job(_worker_solver, job, seed)


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

    def run(self, jobs: list[Job], make_solver: SolverFactory, seed: int) -> Iterator[ResultLine]:
        if not jobs:
            return
        if self.address not in (None, "auto"):
            _check_reachable(self.address)
            _use_cluster_token()
        import ray
        from ray.util import ActorPool

        try:
            ray.init(
                address=self.address,
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
            yield from pool.map_unordered(lambda worker, job: worker.solve.remote(job, seed), jobs)
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

    def solve(self, job: Job, seed: int) -> ResultLine:
        return solve_job(self.solver, job, seed)
