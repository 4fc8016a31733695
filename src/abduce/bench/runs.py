"""Resumable benchmark runs: one JSON line per finished task, appended and flushed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
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
    solver: Solver,
    out: Path,
    seed: int,
    on_result: Callable[[dict], None] = lambda _: None,
) -> list[dict]:
    """Solve every task not yet in `out`, appending one line per task as soon as it finishes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    done = finished_ids(out)
    results = []
    with out.open("a", encoding="utf-8") as sink:
        if _ends_mid_line(out):
            sink.write("\n")  # close a line torn by a killed run
        for task in tasks:
            if task.id in done:
                continue
            line = record(solver.solve(task), seed)
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
