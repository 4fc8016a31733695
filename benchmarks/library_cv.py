"""The learned library's effect, by cross-validation: on ARC-AGI-1 training (5 folds by task
id, as in prior_cv.py) or on the generator families (`--families`: one fold per family).

Each task is searched with a library learned from the corpus without its fold's programs (on
training the families' programs are always in; on the families, every ARC program is), and
without any library, at the same budget: a fixed number of evaluations (no clock), or the
same seconds (`--seconds`). The prior is the same in both arms (`--prior`; uniform by default,
so that no prior trained on a task's own solution helps it). A task is solved when one of the
first two candidates answers every test input exactly. Prints Markdown for RESULTS.md.

    python benchmarks/library_cv.py [--evaluations 20000 | --seconds S] [--folds 5]
                                    [--families [--per-family 20]] [--prior uniform]
                                    [--limit N] [--workers 2] [--out F]
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
from abduce.programs.library.learn import corpus_tasks
from abduce.programs.search import search
from abduce.programs.search.corpus import ARC_SOURCE, FAMILY_SOURCE, Entry, load_corpus
from abduce.programs.search.learned import learned_prior
from abduce.programs.search.vocabulary import Vocabulary
from abduce.tasks import Task, load_arc
from abduce.tasks.generate import FAMILIES, generate

Row = dict[str, Any]
Job = tuple[Task, int, argparse.Namespace]  # a task, its fold, the budget
_VOCABULARIES: list[Vocabulary] = []


def _start(libraries: list[Library]) -> None:
    _VOCABULARIES.extend(library_vocabulary(library) for library in libraries)


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


def _run(job: Job) -> Row:
    task, fold, args = job
    return {
        "task_id": task.id,
        "fold": fold,
        "without": _solved(task, None, args),
        "with": _solved(task, _VOCABULARIES[fold], args),
    }


def _folds(
    args: argparse.Namespace, corpus: list[Entry]
) -> tuple[list[str], list[Job], list[list[Entry]]]:
    """Each fold's label, the jobs, and each fold's corpus (without the fold's programs)."""
    if args.families:
        labels = list(FAMILIES)
        jobs = [
            (generate(name, seed), fold, args)
            for fold, name in enumerate(labels)
            for seed in range(args.per_family)
        ]
        kept = [
            [e for e in corpus if e.source != FAMILY_SOURCE or e.task != name] for name in labels
        ]
        return labels, jobs, kept
    tasks = load_arc("training")
    fold_of = folds(list(tasks), args.folds)
    ids = sorted(tasks, key=lambda task_id: (fold_of[task_id], task_id))
    if args.limit is not None:
        ids = sorted(random.Random(1).sample(sorted(tasks), args.limit))
    jobs = [(tasks[task_id], fold_of[task_id], args) for task_id in ids]
    kept = [
        [e for e in corpus if e.source != ARC_SOURCE or fold_of[e.task] != fold]
        for fold in range(args.folds)
    ]
    return [str(fold) for fold in range(args.folds)], jobs, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=None, help="a clock instead")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--families", action="store_true", help="one fold per family")
    parser.add_argument("--per-family", type=int, default=20)
    parser.add_argument("--prior", choices=["uniform", "learned"], default="uniform")
    parser.add_argument("--limit", type=int, default=None, help="search only N training tasks")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="per-task JSON lines")
    args = parser.parse_args()

    labels, jobs, corpora = _folds(args, load_corpus())
    known = corpus_tasks()
    libraries = [learn(corpus, known) for corpus in corpora]
    started = time.monotonic()
    with Pool(args.workers, initializer=_start, initargs=(libraries,)) as pool:
        rows = list(pool.imap_unordered(_run, jobs))
    wall = time.monotonic() - started
    if args.out:
        args.out.write_text("".join(json.dumps(row) + "\n" for row in rows))
    budget = f"{args.seconds} s" if args.seconds else f"max_evaluations={args.evaluations}"
    suite = "the generator families" if args.families else "ARC-AGI-1 training"
    sizes = ", ".join(str(len(library.functions)) for library in libraries)
    without, with_ = solved(rows, "without"), solved(rows, "with")
    used = sum(row["with"]["solved"] and row["with"]["uses_library"] for row in rows)
    print("\n".join([
        f"{len(labels)}-fold CV library, {suite}, {len(rows)} tasks, {budget}, prior "
        f"{args.prior}, wall {wall:.0f} s; functions in each fold's library: {sizes}",
        "",
        *fold_table(rows, labels, "without", "with"),
        "",
        f"with / without = {with_} / {without} = {with_ / max(without, 1):.2f}; {used} of "
        "the tasks solved with the library call a learned function",
    ]))  # fmt: skip


if __name__ == "__main__":
    main()
