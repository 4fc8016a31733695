"""Resumable benchmark runs: one JSON line per finished task, appended and flushed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from abduce.agent import Solver
from abduce.bench.executors import Executor, ProcessExecutor
from abduce.bench.jobs import Job
from abduce.tasks import Task


def finished_ids(path: Path) -> set[str]:
    """Task ids already recorded in a results file (a torn last line is ignored)."""
    return {line["task_id"] for line in read_results(path)}


def read_results(path: Path) -> list[dict]:
    """Every complete line of a results file."""
    if not path.exists():
        return []
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            line = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(line, dict) and "task_id" in line:
            lines.append(line)
    return lines


def run_tasks(
    jobs: Iterable[Job | Task],
    make_solver: Callable[[], Solver],
    out: Path,
    seed: int,
    *,
    executor: Executor | None = None,
    on_result: Callable[[dict], None] = lambda _: None,
) -> list[dict]:
    """Solve every job not yet in `out`, appending one line per job as soon as it finishes.

    The executor solves the jobs (worker processes, or Ray); this process alone writes the
    file, in the order the jobs finish, so killing it at any moment loses no recorded line.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    done = finished_ids(out)
    jobs = [job if isinstance(job, Job) else Job(task=job) for job in jobs]
    todo = [job for job in jobs if job.key not in done]
    results = []
    with out.open("a", encoding="utf-8") as sink:
        if _ends_mid_line(out):
            sink.write("\n")  # close a line torn by a killed run
        for line in (executor or ProcessExecutor()).run(todo, make_solver, seed):
            sink.write(json.dumps(line) + "\n")
            sink.flush()
            os.fsync(sink.fileno())
            results.append(line)
            on_result(line)
    return results


def _ends_mid_line(path: Path) -> bool:
    with path.open("rb") as results:
        if results.seek(0, os.SEEK_END) == 0:
            return False
        results.seek(-1, os.SEEK_END)
        return results.read(1) != b"\n"
