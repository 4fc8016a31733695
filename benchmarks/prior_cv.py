"""The learned prior's effect, by 5-fold cross-validation on ARC-AGI-1 training.

Tasks are split into folds by task id; each task is searched with a prior trained on the
corpus without its fold's programs (the generator families' programs are always in), and with
the uniform prior, at the same fixed number of evaluations (no clock, so the counts do not
depend on the machine). A task is solved when one of the first two candidates answers every
test input exactly. Prints Markdown for RESULTS.md.

    python benchmarks/prior_cv.py [--evaluations 20000] [--folds 5] [--limit N]
                                  [--workers 2] [--mix 0.5] [--out per_task.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from abduce.programs.search import search
from abduce.programs.search.corpus import ARC_SOURCE, load_corpus
from abduce.programs.search.learned import Weights, train
from abduce.programs.search.prior import Prior
from abduce.tasks import Task, load_arc

Row = dict[str, Any]  # a task's line: its id, fold, and each prior's outcome


_WEIGHTS: list[Weights] = []
_TASKS: dict[str, Task] = {}


def folds(ids: list[str], count: int, seed: int = 0) -> dict[str, int]:
    """Each task id's fold: a seeded shuffle of the sorted ids, dealt round-robin."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return {task_id: index % count for index, task_id in enumerate(order)}


def _start(weights: list[Weights]) -> None:
    _WEIGHTS.extend(weights)
    _TASKS.update(load_arc("training"))


def _solved(task: Task, prior: Prior | None, evaluations: int) -> dict[str, object]:
    found = search(task, seconds=None, max_evaluations=evaluations, prior=prior)
    answers = [example.output for example in task.test]
    solved = any(c.test_outputs == answers for c in found.candidates[:2])
    return {"solved": solved, "evaluations": found.evaluations, "seconds": found.seconds}


def _run(job: tuple[str, int, int]) -> Row:
    task_id, fold, evaluations = job
    task = _TASKS[task_id]
    return {
        "task_id": task_id,
        "fold": fold,
        "uniform": _solved(task, None, evaluations),
        "learned": _solved(task, _WEIGHTS[fold].prior(task), evaluations),
    }


def solved(rows: list[Row], arm: str, unless: str | None = None) -> int:
    """Tasks the `arm` solves (and the arm `unless` does not)."""
    return sum(bool(r[arm]["solved"]) and not (unless and r[unless]["solved"]) for r in rows)


def fold_table(rows: list[Row], labels: list[str], first: str, second: str) -> list[str]:
    """Markdown rows: per fold (row["fold"] indexes `labels`) and in all, the tasks each arm
    solves, and only it."""
    lines = [
        f"| fold | tasks | {first} | {second} | only {first} | only {second} |",
        "|---|---|---|---|---|---|",
    ]
    for fold, label in [*enumerate(labels), (None, "all")]:
        subset = [row for row in rows if fold is None or row["fold"] == fold]
        lines.append(
            f"| {label} | {len(subset)} | {solved(subset, first)} | {solved(subset, second)} | "
            f"{solved(subset, first, second)} | {solved(subset, second, first)} |"
        )
    return lines


def _table(rows: list[Row], args: argparse.Namespace, wall: float) -> str:
    lines = [
        f"5-fold CV prior, ARC-AGI-1 training, {len(rows)} tasks, "
        f"max_evaluations={args.evaluations}, mix={args.mix}, wall {wall:.0f} s",
        "",
        *fold_table(rows, [str(fold) for fold in range(args.folds)], "uniform", "learned"),
    ]
    uniform, learned = solved(rows, "uniform"), solved(rows, "learned")
    ratio = learned / uniform if uniform else float("nan")
    both = [row for row in rows if row["uniform"]["solved"] and row["learned"]["solved"]]
    spent = {
        kind: statistics.median(row[kind]["evaluations"] for row in both) if both else 0
        for kind in ("uniform", "learned")
    }
    lines += [
        "",
        f"learned / uniform = {learned} / {uniform} = {ratio:.2f}; median evaluations on the "
        f"{len(both)} tasks both solve: uniform {spent['uniform']:.0f}, "
        f"learned {spent['learned']:.0f}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=20_000)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="search only N tasks")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mix", type=float, default=0.5, help="weight of uniform")
    parser.add_argument("--out", type=Path, default=None, help="per-task JSON lines")
    args = parser.parse_args()

    tasks = load_arc("training")
    fold_of = folds(list(tasks), args.folds)
    corpus = load_corpus()
    weights = [
        train(
            [e for e in corpus if e.source != ARC_SOURCE or fold_of[e.task] != fold],
            tasks,
            mix=args.mix,
        )
        for fold in range(args.folds)
    ]
    ids = sorted(tasks, key=lambda task_id: (fold_of[task_id], task_id))
    if args.limit is not None:
        ids = sorted(random.Random(1).sample(sorted(tasks), args.limit))
    jobs = [(task_id, fold_of[task_id], args.evaluations) for task_id in ids]
    started = time.monotonic()
    with Pool(args.workers, initializer=_start, initargs=(weights,)) as pool:
        rows = list(pool.imap_unordered(_run, jobs))
    wall = time.monotonic() - started
    if args.out:
        args.out.write_text("".join(json.dumps(row) + "\n" for row in rows))
    print(_table(rows, args, wall))


if __name__ == "__main__":
    main()
