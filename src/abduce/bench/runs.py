"""Resumable benchmark runs: one JSON line per finished task, appended and flushed."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from abduce.agent import Solution, Solver
from abduce.agent.prompts import prompt_hash
from abduce.tasks import Task


def finished_ids(path: Path) -> set[str]:
    """Task ids already recorded in a results file (a torn last line is ignored)."""
    if not path.exists():
        return set()
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            ids.add(json.loads(line)["task_id"])
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
    return ids


def record(solution: Solution, seed: int) -> dict:
    """The JSON line for one finished task."""
    return {
        "task_id": solution.task_id,
        "solved": solution.correct,
        "passed_train": solution.passed_train,
        "attempts": solution.attempts,
        "hypothesis": solution.hypothesis,
        "program": solution.program,
        "stopped": solution.stopped,
        "llm_calls": solution.llm_calls,
        "tokens_in": solution.tokens_in,
        "tokens_out": solution.tokens_out,
        "seconds": solution.seconds,
        "model": solution.model,
        "seed": seed,
        "prompt_hash": prompt_hash(),
    }


def run_tasks(
    tasks: Iterable[Task],
    make_solver: Callable[[], Solver],
    out: Path,
    seed: int,
    *,
    workers: int = 1,
    on_result: Callable[[dict], None] = lambda _: None,
) -> list[dict]:
    """Solve every task not yet in `out`, appending one line per task as soon as it finishes.

    With several workers, each is a process with its own solver (`make_solver` must then
    pickle); this process alone writes the file, in the order the tasks finish.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    done = finished_ids(out)
    todo = [task for task in tasks if task.id not in done]
    results = []
    with out.open("a", encoding="utf-8") as sink:
        if _ends_mid_line(out):
            sink.write("\n")  # close a line torn by a killed run
        for solution in _solutions(todo, make_solver, workers):
            line = record(solution, seed)
            sink.write(json.dumps(line) + "\n")
            sink.flush()
            os.fsync(sink.fileno())
            results.append(line)
            on_result(line)
    return results


def _solutions(
    tasks: list[Task], make_solver: Callable[[], Solver], workers: int
) -> Iterator[Solution]:
    if workers <= 1 or len(tasks) <= 1:
        solver = make_solver()
        yield from (solver.solve(task) for task in tasks)
        return
    spawn = multiprocessing.get_context("spawn")  # no forking of this process's threads
    with ProcessPoolExecutor(
        workers, mp_context=spawn, initializer=_start_worker, initargs=(make_solver,)
    ) as pool:
        futures = [pool.submit(_solve_in_worker, task) for task in tasks]
        for future in as_completed(futures):
            yield future.result()


_worker_solver: Solver | None = None


def _start_worker(make_solver: Callable[[], Solver]) -> None:
    global _worker_solver
    _worker_solver = make_solver()


def _solve_in_worker(task: Task) -> Solution:
    return _worker_solver.solve(task)


def _ends_mid_line(path: Path) -> bool:
    with path.open("rb") as results:
        if results.seek(0, os.SEEK_END) == 0:
            return False
        results.seek(-1, os.SEEK_END)
        return results.read(1) != b"\n"
