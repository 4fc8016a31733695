"""Enumerative search over the grid DSL: find programs that reproduce every train pair.

>>> from abduce.tasks import Task
>>> pair = {"input": [[1, 1, 2], [3, 3, 3]], "output": [[2, 1, 1], [3, 3, 3]]}
>>> test = {"input": [[3, 4, 4], [5, 5, 6]]}
>>> task = Task.model_validate({"id": "t", "train": [pair], "test": [test]})
>>> found = search(task, seconds=10)
>>> found.candidates[0].description, found.candidates[0].test_outputs
('flip the grid left to right', [[[4, 4, 3], [6, 5, 5]]])
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cache

from abduce.programs import dsl
from abduce.programs.dsl import Color, Grid, Integer, Objects
from abduce.programs.search.enumerate import Enumerator, Node, OutOfBudget
from abduce.programs.search.expr import Expr, describe, literal, to_python
from abduce.programs.search.learn import learn_color_map, learn_object_colors
from abduce.programs.search.vocabulary import Primitive, primitives, searchable
from abduce.tasks import Task

MAX_COST = 8  # e.g. three primitives and two literal arguments


@dataclass
class Candidate:
    """A program that reproduces every train output, and its answers for the test inputs."""

    expr: Expr
    test_outputs: list[list[list[int]]]
    source: str = ""
    description: str = ""


@dataclass
class SearchResult:
    """What a search found, simplest first, and what it cost."""

    candidates: list[Candidate] = field(default_factory=list)
    evaluations: int = 0
    levels: int = 0  # cost levels completed or started
    seconds: float = 0.0
    stopped: str = ""


@cache
def _primitives() -> tuple[dict[str, Primitive], list[Primitive]]:
    found = primitives(dsl)
    return found, searchable(found)


def search(task: Task, *, seconds: float = 10.0, max_evaluations: int = 2_000_000) -> SearchResult:
    """Enumerate DSL programs level by level until one reproduces every train pair."""
    started = time.monotonic()
    found, vocabulary = _primitives()
    inputs = [Grid(example.input) for example in task.train + task.test]
    wanted = tuple(Grid(example.output) for example in task.train)
    enumerator = Enumerator(
        inputs,
        vocabulary,
        _literals(task),
        max_evaluations=max_evaluations,
        deadline=started + seconds,
    )
    result = SearchResult()
    candidates: dict[tuple, Candidate] = {}
    start = enumerator.start
    _check(start, wanted, candidates)
    try:
        while not candidates and result.levels < MAX_COST:
            result.levels += 1
            for kind, node in enumerator.level():
                if kind is Grid:
                    _check(node, wanted, candidates)
                elif kind == Objects:
                    _check_objects(start, node, wanted, candidates)
        result.stopped = "found" if candidates else "searched every level"
    except OutOfBudget:
        result.stopped = "budget spent"
    phrases = {name: primitive.phrase for name, primitive in found.items()}
    for candidate in candidates.values():
        candidate.source = to_python(candidate.expr)
        candidate.description = describe(candidate.expr, phrases)
    result.candidates = sorted(candidates.values(), key=lambda c: _cost(c.expr))
    result.evaluations = enumerator.evaluations
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _check(node: Node, wanted: tuple[Grid, ...], candidates: dict[tuple, Candidate]) -> None:
    """Record `node` (or `node` plus a learned final step) if it explains every train pair."""
    train = node.values[: len(wanted)]
    tests = node.values[len(wanted) :]
    if train == wanted:
        _record(node.expr, tests, candidates)
        return
    table = learn_color_map(train, wanted)
    if table is not None:
        mapped = tuple(dsl.apply_color_map(grid, table) for grid in tests)
        _record(Expr("apply_color_map", (node.expr, literal(table))), mapped, candidates)


def _check_objects(
    start: Node, node: Node, wanted: tuple[Grid, ...], candidates: dict[tuple, Candidate]
) -> None:
    """Record the input with `node`'s objects recoloured by a learned feature table."""
    learned = learn_object_colors(start.values, node.values, wanted)
    if learned is None:
        return
    feature, table = learned
    canvases, objects = start.values[len(wanted) :], node.values[len(wanted) :]
    tests = tuple(
        dsl.recolor_objects(canvas, objs, feature, table)
        for canvas, objs in zip(canvases, objects, strict=True)
    )
    args = (start.expr, node.expr, literal(feature), literal(table))
    _record(Expr("recolor_objects", args), tests, candidates)


def _record(expr: Expr, tests: tuple[Grid, ...], candidates: dict[tuple, Candidate]) -> None:
    if tests not in candidates:  # distinct predictions only; the first is the simplest
        candidates[tests] = Candidate(expr, [grid.to_list() for grid in tests])


def _cost(expr: Expr) -> float:
    """Simplest first: fewer steps, then smaller learned tables (each entry fits the examples
    a little more closely)."""
    entries = sum(
        len(arg.literal) for arg in expr.args if arg.is_literal and isinstance(arg.literal, tuple)
    )
    return expr.cost + 0.25 * entries


def _literals(task: Task) -> dict[object, list[object]]:
    """Constants the search may pass: the task's colours, and small or observed numbers."""
    grids = [e.input for e in task.train + task.test] + [e.output for e in task.train]
    colors = sorted({cell for grid in grids for row in grid for cell in row})
    numbers = {1, 2, 3}
    for example in task.train:
        (h, w), (oh, ow) = _shape(example.input), _shape(example.output)
        numbers.update(n for a, b in ((oh, h), (ow, w), (h, oh), (w, ow)) if (n := a // b) > 1)
    return {
        Color: [Color(c) for c in colors],
        Integer: [Integer(n) for n in sorted(numbers)],
        bool: [False, True],
    }


def _shape(grid: list[list[int]]) -> tuple[int, int]:
    return len(grid), len(grid[0])
