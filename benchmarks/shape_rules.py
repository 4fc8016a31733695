"""How well the output-size rules predict the test outputs' shapes of ARC-AGI-1 training tasks.

Reads task JSON only (no search), so it takes seconds. Counts each test output as predicted
rightly, wrongly, or not at all: over all test outputs, over those whose task changes the
shape in some train pair, and by the kind of rule used (see `abduce.programs.search.shapes`).
Prints Markdown for RESULTS.md.

    PYTHONPATH=src python benchmarks/shape_rules.py
"""

from __future__ import annotations

from collections import Counter

from abduce.programs.search.shapes import KINDS, shape_rule
from abduce.tasks import Task
from abduce.tasks.arc import load_arc

VERDICTS = ("right", "wrong", "not at all")


def verdicts(task: Task) -> list[tuple[str, str]]:
    """(kind of rule used, verdict) for each test output of `task`."""
    rule = shape_rule(task)
    found = []
    for index, example in enumerate(task.test):
        output = example.known_output()
        shape = rule.shapes[index] if rule else None
        if rule is None or shape is None:
            found.append(("none", "not at all"))
        else:
            right = shape == (len(output), len(output[0]))
            found.append((rule.kind, "right" if right else "wrong"))
    return found


def changes_shape(task: Task) -> bool:
    return any(_shape(e.input) != _shape(e.known_output()) for e in task.train)


def _shape(grid: list[list[int]]) -> tuple[int, int]:
    return len(grid), len(grid[0])


def main() -> None:
    tasks = load_arc("training")
    overall: Counter[str] = Counter()
    changing: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    for task in tasks.values():
        for kind, verdict in verdicts(task):
            overall[verdict] += 1
            changing[verdict] += changes_shape(task)
            by_kind[kind, verdict] += 1
    print(f"ARC-AGI-1 training: {len(tasks)} tasks, {sum(overall.values())} test outputs\n")
    print("| predicted | all test outputs | of tasks that change the shape |")
    print("|---|---:|---:|")
    for verdict in VERDICTS:
        print(f"| {verdict} | {overall[verdict]} | {changing[verdict]} |")
    print("\n| rule used | right | wrong |")
    print("|---|---:|---:|")
    for kind in KINDS:
        print(f"| {kind} | {by_kind[kind, 'right']} | {by_kind[kind, 'wrong']} |")


if __name__ == "__main__":
    main()
