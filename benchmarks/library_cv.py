"""The learned library's effect, by 5-fold cross-validation on ARC-AGI-1 training.

Tasks are split into folds by task id as in prior_cv.py; each task is searched with a library
learned from the corpus without its fold's programs (the generator families' programs are
always in), and without any library, at the same budget: a fixed number of evaluations (no
clock), or the same seconds (`--seconds`). The prior is the same in both arms (`--prior`;
uniform by default, so that no prior trained on a task's own solution helps it). A task is
solved when one of the first two candidates answers every test input exactly. Prints
Markdown for RESULTS.md.

    python benchmarks/library_cv.py [--evaluations 20000 | --seconds S] [--folds 5]
                                    [--prior uniform] [--limit N] [--workers 2] [--out F]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from prior_cv import fold_table, folds, solved

from abduce.programs.library import Library, learn, library_vocabulary
from abduce.programs.search import search
from abduce.programs.search.corpus import ARC_SOURCE, load_corpus
from abduce.programs.search.learned import learned_prior
from abduce.programs.search.vocabulary import Vocabulary
from abduce.tasks import Task, load_arc
from abduce.tasks.generate import FAMILIES, generate

Row = dict[str, Any]
_VOCABULARIES: list[Vocabulary] = []
_TASKS: dict[str, Task] = {}


def _start(libraries: list[Library]) -> None:
    _VOCABULARIES.extend(library_vocabulary(library) for library in libraries)
    _TASKS.update(load_arc("training"))


def _solved(task: Task, vocabulary: Vocabulary | None, args: argparse.Namespace) -> Row:
    prior = learned_prior(task) if args.prior == "learned" else None
    found = search(
        task,
        seconds=args.seconds,
        max_evaluations=None if args.seconds else args.evaluations,
        prior=prior,
        vocabulary=vocabulary,
    )
    answers = [example.output for example in task.test]
    top = found.candidates[:2]
    learned = set(vocabulary.definitions) if vocabulary else set()
    return {
        "solved": any(c.test_outputs == answers for c in top),
        "evaluations": found.evaluations,
        "uses_library": any(name in c.source for c in top for name in learned),
    }


def _run(job: tuple[str, int, argparse.Namespace]) -> Row:
    task_id, fold, args = job
    task = _TASKS[task_id]
    return {
        "task_id": task_id,
        "fold": fold,
        "without": _solved(task, None, args),
        "with": _solved(task, _VOCABULARIES[fold], args),
    }


def _table(rows: list[Row], libraries: list[Library], args: argparse.Namespace, wall: float) -> str:
    budget = f"{args.seconds} s" if args.seconds else f"max_evaluations={args.evaluations}"
    sizes = ", ".join(str(len(library.functions)) for library in libraries)
    lines = [
        f"5-fold CV library, ARC-AGI-1 training, {len(rows)} tasks, {budget}, "
        f"prior {args.prior}, wall {wall:.0f} s; functions per fold's library: {sizes}",
        "",
        *fold_table(rows, args.folds, "without", "with"),
    ]
    without, with_ = solved(rows, "without"), solved(rows, "with")
    ratio = with_ / without if without else float("nan")
    used = sum(r["with"]["solved"] and r["with"]["uses_library"] for r in rows)
    lines += [
        "",
        f"with / without = {with_} / {without} = {ratio:.2f}; {used} of the tasks solved "
        "with the library call a learned function",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=None, help="a clock instead")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--prior", choices=["uniform", "learned"], default="uniform")
    parser.add_argument("--limit", type=int, default=None, help="search only N tasks")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="per-task JSON lines")
    args = parser.parse_args()

    tasks = load_arc("training")
    fold_of = folds(list(tasks), args.folds)
    corpus = load_corpus()
    known = {**tasks, **{name: generate(name, 0) for name in FAMILIES}}
    libraries = [
        learn([e for e in corpus if e.source != ARC_SOURCE or fold_of[e.task] != fold], known)
        for fold in range(args.folds)
    ]
    ids = sorted(tasks, key=lambda task_id: (fold_of[task_id], task_id))
    if args.limit is not None:
        ids = sorted(random.Random(1).sample(sorted(tasks), args.limit))
    jobs = [(task_id, fold_of[task_id], args) for task_id in ids]
    started = time.monotonic()
    with Pool(args.workers, initializer=_start, initargs=(libraries,)) as pool:
        rows = list(pool.imap_unordered(_run, jobs))
    wall = time.monotonic() - started
    if args.out:
        args.out.write_text("".join(json.dumps(row) + "\n" for row in rows))
    print(_table(rows, libraries, args, wall))


if __name__ == "__main__":
    main()
