"""Where the unsolved tasks are, by what their train pairs do, for one or more results files.

A task falls in the first kind it fits (the order of KINDS). The background is each input's
most common colour. Prints a Markdown table for RESULTS.md: for each file, unsolved / of.

    python benchmarks/unsolved_kinds.py RESULTS.jsonl [MORE.jsonl ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from abduce.bench.results import read_results
from abduce.tasks import Task
from abduce.tasks.arc import find_arc_task

Pair = tuple[np.ndarray, np.ndarray]


def _background(grid: np.ndarray) -> int:
    values, counts = np.unique(grid, return_counts=True)
    return int(values[counts.argmax()])


def _same_shape(pairs: list[Pair]) -> bool:
    return all(i.shape == o.shape for i, o in pairs)


def _added(pairs: list[Pair]) -> bool:
    """Every input cell off the background kept, and some background cells painted."""
    return _same_shape(pairs) and all(
        np.array_equal(o[i != _background(i)], i[i != _background(i)]) for i, o in pairs
    )


def _recoloured(pairs: list[Pair]) -> bool:
    return _same_shape(pairs) and all(
        np.array_equal(i != _background(i), o != _background(i)) for i, o in pairs
    )


def _removed(pairs: list[Pair]) -> bool:
    """Some input cells turned to background, the rest kept."""
    return _same_shape(pairs) and all(
        np.array_equal(o[o != _background(i)], i[o != _background(i)]) for i, o in pairs
    )


def _moved(pairs: list[Pair]) -> bool:
    return _same_shape(pairs) and all(
        Counter(i.ravel().tolist()) == Counter(o.ravel().tolist()) for i, o in pairs
    )


def _smaller(pairs: list[Pair]) -> bool:
    return all(o.size < i.size for i, o in pairs)


def _larger(pairs: list[Pair]) -> bool:
    return all(o.size > i.size for i, o in pairs)


KINDS: list[tuple[str, Callable[[list[Pair]], bool]]] = [
    (
        "output sizes that differ in kind between pairs",
        lambda pairs: 0 < sum(i.shape == o.shape for i, o in pairs) < len(pairs),
    ),
    ("same shape, input kept and cells added (lines, rays, fills, patterns)", _added),
    ("same shape, same cells recoloured", _recoloured),
    ("same shape, cells removed", _removed),
    ("same shape, cells moved", _moved),
    ("same shape, other edits", _same_shape),
    (
        "smaller output (selection, cropping, counting)",
        lambda p: all(o.size < i.size for i, o in p),
    ),
    ("larger output (tiling, construction)", lambda p: all(o.size > i.size for i, o in p)),
    ("other sizes", lambda pairs: True),
]


def kind(task: Task) -> str:
    """The first kind whose test the task's train pairs pass."""
    pairs = [(np.array(e.input), np.array(e.known_output())) for e in task.train]
    return next(name for name, fits in KINDS if fits(pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, nargs="+")
    args = parser.parse_args()
    counts: list[tuple[Counter[str], Counter[str]]] = []
    for path in args.results:
        unsolved: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for line in read_results(path):
            name = kind(line.task or find_arc_task(line.source_id))  # older lines lack it
            total[name] += 1
            unsolved[name] += not line.solved
        counts.append((unsolved, total))
    print("| kind of task | " + " | ".join(f"unsolved / of: {p.name}" for p in args.results) + " |")
    print("|---|" + "---:|" * len(args.results))
    for name, _ in KINDS:
        cells = [f"{unsolved[name]} / {total[name]}" for unsolved, total in counts]
        if any(total[name] for _, total in counts):
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
