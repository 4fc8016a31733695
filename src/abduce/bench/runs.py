"""Resumable benchmark runs: one JSON line per finished task, appended and flushed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from abduce.agent import Solver
from abduce.bench.executors import Executor, ProcessExecutor
from abduce.bench.jobs import Fault, Job
from abduce.bench.limits import Guard, Limits
from abduce.bench.results import ResultLine, finished_ids
from abduce.tasks import Task


def run_tasks(
    jobs: Iterable[Job | Task],
    make_solver: Callable[[], Solver],
    out: Path,
    seed: int,
    *,
    executor: Executor | None = None,
    limits: Limits | None = None,
    on_result: Callable[[ResultLine], None] = lambda _: None,
    on_fault: Callable[[Fault], None] = lambda _: None,
) -> list[ResultLine]:
    """Solve every job not yet in `out`, appending one line per job as soon as it finishes.

    The executor solves the jobs (worker processes, or Ray); this process alone writes the
    file, in the order the jobs finish, so killing it at any moment loses no recorded line.
    Each line records its cost at the `limits`' price. A job the model server's fault stopped
    is not written: the run stops after `limits.max_faults` of them in a row, or before its
    cost would pass `limits.max_cost`, and then raises why (ModelServerError,
    CostLimitReached), as it does at the end when some job faulted. The same call resumes.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    done = finished_ids(out)
    queue = [job if isinstance(job, Job) else Job(task=job) for job in jobs]
    todo = [job for job in queue if job.key not in done]
    guard = Guard(limits or Limits(), len(todo))
    results = []
    with out.open("a", encoding="utf-8") as sink:
        if _ends_mid_line(out):
            sink.write("\n")  # close a line torn by a killed run
        run = (executor or ProcessExecutor()).run(todo, make_solver, seed, guard.stopped)
        for outcome in run:
            guard.add(outcome)
            if isinstance(outcome, Fault):
                on_fault(outcome)
                continue
            line = outcome.model_copy(update={"cost": round(guard.cost(outcome), 6)})
            sink.write(line.to_json() + "\n")
            sink.flush()
            os.fsync(sink.fileno())
            results.append(line)
            on_result(line)
    if (error := guard.error()) is not None:
        raise error
    return results


def _ends_mid_line(path: Path) -> bool:
    with path.open("rb") as results:
        if results.seek(0, os.SEEK_END) == 0:
            return False
        results.seek(-1, os.SEEK_END)
        return results.read(1) != b"\n"
