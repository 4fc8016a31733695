"""Enumerative search over the grid DSL: find programs that reproduce every train pair.

Every new value is checked against the train outputs, directly or with a learned final step
(learn.py). Grid values with the outputs' shape are also kept as pieces (pieces.py): if no
program is found, the outputs are assembled as a greedy cover of pieces over a fallback,
`overlay(piece, overlay(piece, fallback))`, verified on every train pair like any program.

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from abduce.programs.dsl import Color, Grid, Integer, Objects
from abduce.programs.search import kernels
from abduce.programs.search.augment import Variant, variants
from abduce.programs.search.enumeration import Enumerator, Node, OutOfBudget
from abduce.programs.search.expr import INPUT, Expr, describe, evaluate, literal, to_python
from abduce.programs.search.learn import (
    learn_color_map,
    learn_local_rule,
    learn_object_choice,
    learn_object_colors,
    learn_overlay,
    unseen_neighbourhoods,
)
from abduce.programs.search.per_part import PerPart
from abduce.programs.search.pieces import Pieces
from abduce.programs.search.prior import Prior
from abduce.programs.search.ranking import predict_palettes, rank
from abduce.programs.search.shapes import predict_shapes as predict_shapes  # re-exported
from abduce.programs.search.shapes import shape_rule
from abduce.programs.search.sketches import Sketch, fill
from abduce.programs.search.vocabulary import Vocabulary, dsl_vocabulary
from abduce.tasks import Example, Task

MAX_COST = 8  # e.g. three primitives and two literal arguments
ATTEMPTS = 2
EXTRA_LEVELS = 2  # searched for a second attempt once a first is found
LOCAL_RULE_MAX_COST = 2  # neighbourhood tables are learned on the input and one step from it


@dataclass
class Candidate:
    """A program that reproduces every train output, and its answers for the test inputs."""

    expr: Expr
    test_outputs: list[list[list[int]]]
    source: str = ""
    description: str = ""
    votes: int = 1  # programs found that give the same answers


@dataclass
class SearchResult:
    """What a search found, simplest first, and what it cost."""

    candidates: list[Candidate] = field(default_factory=list)
    evaluations: int = 0
    levels: int = 0  # cost levels completed or started
    seconds: float = 0.0
    stopped: str = ""
    shape_rule: str = ""  # the rule that predicted the test outputs' shapes, if any


def search(
    task: Task,
    *,
    seconds: float | None = 10.0,
    max_evaluations: int | None = None,
    augment: bool = True,
    prior: Prior | None = None,
    pieces: bool = True,
    sketches: Sequence[Sketch] = (),
    vocabulary: Vocabulary | None = None,
) -> SearchResult:
    """Enumerate DSL programs level by level, cheapest first under `prior`, until one
    reproduces every train pair. `seconds` (None: no clock) and `max_evaluations` (one total
    for the task) bound the search. If every level is searched in vain first, the rest of the
    budget is shared among the task's variants (`augment`): giving them a fixed share instead
    solved fewer ARC-AGI-1 training tasks (see benchmarks/RESULTS.md). If nothing is found,
    the outputs are assembled from the task's `pieces` (see pieces.py). `sketches`' holes are
    filled with the expressions enumerated on the task itself (see sketches.py). The
    `vocabulary` is the DSL's, or that and a library of learned functions."""
    words = vocabulary or dsl_vocabulary()
    prior = words.weighted(prior)
    kernels.ready()
    started = time.monotonic()
    budget = _Budget(None if seconds is None else started + seconds, max_evaluations)
    result = SearchResult()
    kept = Pieces(*_grids(task)) if pieces else None
    candidates = _enumerate(task, budget, prior, result, words, kept, sketches=sketches)
    others = variants(task) if augment else []
    for index, variant in enumerate(others):
        if candidates or budget.spent(result):
            break
        twin = _transformed(task, variant.forward)
        share = budget.share(result, len(others) - index)
        found = _enumerate(twin, share, prior, result, words)
        candidates = {key: _mapped_back(c, variant) for key, c in found.items()}
    if kept is not None and not candidates:
        candidates = _assembled(task, kept, words)
        result.stopped = "assembled from pieces" if candidates else result.stopped
    for candidate in candidates.values():
        candidate.source = to_python(candidate.expr, words.definitions)
        candidate.description = describe(candidate.expr, words.phrases)
    rule = shape_rule(task)
    result.shape_rule = rule.name if rule else ""
    shapes: list[tuple[int, int] | None] = rule.shapes if rule else [None] * len(task.test)
    result.candidates = rank(candidates.values(), shapes, predict_palettes(task))
    result.seconds = round(time.monotonic() - started, 3)
    return result


@dataclass(frozen=True)
class _Budget:
    """A deadline (None: no clock) and evaluations (None: no count) for one search."""

    deadline: float | None
    evaluations: int | None

    def spent(self, result: SearchResult) -> bool:
        late = self.deadline is not None and time.monotonic() >= self.deadline
        return late or (self.evaluations is not None and result.evaluations >= self.evaluations)

    def share(self, result: SearchResult, parts: int) -> _Budget:
        """An equal share of what is left, among `parts` searches."""
        now = time.monotonic()
        deadline = None if self.deadline is None else now + (self.deadline - now) / parts
        left = None if self.evaluations is None else self.evaluations - result.evaluations
        return _Budget(deadline, None if left is None else left // parts)


def _enumerate(
    task: Task,
    budget: _Budget,
    prior: Prior | None,
    result: SearchResult,
    vocabulary: Vocabulary,
    pieces: Pieces | None = None,
    *,
    attempts: int = ATTEMPTS,
    nested: bool = False,
    sketches: Sequence[Sketch] = (),
) -> dict[tuple[Grid, ...], Candidate]:
    """Candidates for `task`, up to a few levels past the cheapest one that has a candidate
    of the predicted test shapes; adds to `result`'s counts and sets its stopping reason, and
    offers every Grid value to `pieces`. Values are compared on the train inputs only; the
    test inputs are run for the programs that explain every train pair. A `nested` search
    (for a per-object or per-part program) looks for no programs of its own inside."""
    goal = _Goal(task, vocabulary)
    enumerator = Enumerator(
        goal.inputs,
        vocabulary.applied,
        _literals(task),
        max_evaluations=budget.evaluations,
        deadline=budget.deadline,
        prior=prior,
    )
    goal.check(goal.start)
    for sketch in sketches:
        if sketch.hole is None:
            goal.check_sketch(sketch, goal.start)  # no hole: the sketch as it is
    holes = [sketch for sketch in sketches if sketch.hole is not None]
    per_part = None if nested else goal.per_part(enumerator, prior)
    try:
        if per_part:
            per_part.check_parts()
        found_at = None  # the level of the first candidate of the predicted shapes
        while enumerator.cost < MAX_COST and (
            found_at is None
            or (goal.fitting < attempts and enumerator.cost < found_at + EXTRA_LEVELS)
        ):
            for kind, node in enumerator.level():
                for sketch in holes:
                    if kind == sketch.hole:
                        goal.check_sketch(sketch, node)
                        enumerator.evaluations += 1
                if kind is Grid:
                    goal.check(node)
                    if pieces is not None:
                        pieces.offer(node)
                elif kind == Objects:
                    goal.check_objects(node)
                    if per_part:
                        per_part.check_objects(node)
            if goal.fitting and found_at is None:
                found_at = enumerator.cost
        result.stopped = "found" if goal.candidates else "searched every level"
    except OutOfBudget:
        result.stopped = "found" if goal.candidates else "budget spent"
    result.evaluations += enumerator.evaluations
    result.levels = max(result.levels, enumerator.cost)
    return goal.candidates


def _assembled(
    task: Task, pieces: Pieces, vocabulary: Vocabulary
) -> dict[tuple[Grid, ...], Candidate]:
    """Candidates assembled from `pieces`, recorded like any program found."""
    goal = _Goal(task, vocabulary)
    for expr in pieces.covers(vocabulary.functions):
        goal.record(expr)
    return goal.candidates


class _Goal:
    """The train outputs to reproduce; collects the programs that do, with their answers."""

    def __init__(self, task: Task, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or dsl_vocabulary()
        self.functions = self.vocabulary.functions
        self.inputs, self.wanted, self.tests = _grids(task)
        self.start = Node(Expr(INPUT), tuple(self.inputs))
        self.shapes = tuple(grid.shape for grid in self.wanted)
        self.reshapes = self.shapes != tuple(grid.shape for grid in self.inputs)
        self.candidates: dict[tuple[Grid, ...], Candidate] = {}
        self.shape_rule = shape_rule(task)  # sizes any input: `shape_rule.shapes_on(grids)`
        self.test_shapes = self.shape_rule.shapes if self.shape_rule else [None] * len(self.tests)
        self.fitting = 0  # candidates whose test outputs have the predicted shapes

    def check(self, node: Node) -> None:
        """Record `node` (or `node` and a learned colour table) if it explains every pair.
        Every final step keeps the shape, so values of other shapes are passed over."""
        if tuple(value.shape for value in node.values) != self.shapes:
            return
        if node.values == self.wanted:
            self.record(node.expr)
            return
        table = learn_color_map(node.values, self.wanted)
        if table is not None:
            self.record(Expr("apply_color_map", (node.expr, literal(table))))
        elif node.expr.cost <= LOCAL_RULE_MAX_COST:
            self._check_local_rules(node)
        if node.expr.op != INPUT:
            self._check_overlay(node)

    def _check_overlay(self, node: Node) -> None:
        """Record `node`'s cells, recoloured by a learned table, painted over the input."""
        table = learn_overlay(node.values, self.start.values, self.wanted)
        if table is not None:
            top = Expr("apply_color_map", (node.expr, literal(table))) if table else node.expr
            self.record(Expr("overlay", (top, self.start.expr)))

    def _check_local_rules(self, node: Node) -> None:
        """Record `node` and a learned neighbourhood table, if the test inputs hold no
        neighbourhood the train inputs lacked."""
        for diagonal in (False, True):
            table = learn_local_rule(node.values, self.wanted, diagonal)
            if table is None:
                continue
            try:
                tests = tuple(evaluate(node.expr, grid, self.functions) for grid in self.tests)
            except Exception:  # the program does not apply to a test input
                return
            if _all_grids(tests) and not unseen_neighbourhoods(tests, node.values, diagonal):
                args = (node.expr, literal(table), literal(diagonal))
                self.record(Expr("apply_local_rule", args))
                return

    def check_objects(self, node: Node) -> None:
        """Record the input with `node`'s objects recoloured by a learned feature table, or,
        when the outputs are smaller, the object a learned feature singles out, cut out."""
        if self.reshapes:
            self._check_object_choice(node)
            return
        learned = learn_object_colors(self.start.values, node.values, self.wanted)
        if learned is not None:
            feature, table = learned
            args = (self.start.expr, node.expr, literal(feature), literal(table))
            self.record(Expr("recolor_objects", args))

    def check_sketch(self, sketch: Sketch, node: Node) -> None:
        """Record `sketch` with its hole filled by `node`'s expression (or as it is, if it
        has none), if that reproduces every train pair."""
        filled = fill(sketch.expr, node.expr) if sketch.hole is not None else sketch.expr
        try:
            values = tuple(evaluate(filled, grid, self.functions) for grid in self.inputs)
        except Exception:  # the sketch does not apply to a train input
            return
        if values == self.wanted:
            self.record(filled)

    def _check_object_choice(self, node: Node) -> None:
        choice = learn_object_choice(self.start.values, node.values, self.wanted)
        if choice is not None:
            cut, feature, value = choice
            chosen = Expr("object_where", (node.expr, literal(feature), literal((value,))))
            args = (chosen,) if cut == "crop_object" else (chosen, self.start.expr)
            self.record(Expr(cut, args))

    def per_part(self, enumerator: Enumerator, prior: Prior | None) -> PerPart:
        """Per-object and per-part programs, by nested searches within `enumerator`'s
        budget."""

        def solve(task: Task, deadline: float | None, evaluations: int) -> tuple[Expr | None, int]:
            found = SearchResult()
            budget = _Budget(deadline, evaluations)
            candidates = _enumerate(
                task, budget, prior, found, self.vocabulary, attempts=1, nested=True
            )
            return next((c.expr for c in candidates.values()), None), found.evaluations

        args = (self.inputs, self.tests, self.wanted, self.functions, self.record, solve)
        return PerPart(*args, enumerator)

    def record(self, expr: Expr) -> None:
        """Keep `expr` if it runs on every test input and predicts something new (distinct
        predictions only; the first found is the cheapest)."""
        try:
            answers = tuple(evaluate(expr, grid, self.functions) for grid in self.tests)
        except Exception:  # the program does not apply to a test input
            return
        if not _all_grids(answers):
            return
        if answers in self.candidates:
            self.candidates[answers].votes += 1
        else:
            self.candidates[answers] = Candidate(expr, [grid.to_list() for grid in answers])
            self.fitting += all(
                shape in (None, answer.shape)
                for answer, shape in zip(answers, self.test_shapes, strict=True)
            )


def _grids(task: Task) -> tuple[list[Grid], tuple[Grid, ...], list[Grid]]:
    """The train inputs, the outputs to reproduce, and the test inputs."""
    inputs = [Grid(example.input) for example in task.train]
    wanted = tuple(Grid(example.known_output()) for example in task.train)
    return inputs, wanted, [Grid(example.input) for example in task.test]


def _all_grids(values: tuple[object, ...]) -> TypeGuard[tuple[Grid, ...]]:
    return all(isinstance(value, Grid) for value in values)


def _transformed(task: Task, forward: Expr) -> Task:
    """The task with `forward` applied to every grid."""

    def apply(grid: list[list[int]] | None) -> list[list[int]] | None:
        return None if grid is None else _grid_map(forward, grid)

    def examples(items: list[Example]) -> list[dict[str, list[list[int]] | None]]:
        return [{"input": apply(e.input), "output": apply(e.output)} for e in items]

    return Task.model_validate(
        {"id": task.id, "train": examples(task.train), "test": examples(task.test)}
    )


def _mapped_back(candidate: Candidate, variant: Variant) -> Candidate:
    outputs = [_grid_map(variant.backward, grid) for grid in candidate.test_outputs]
    return Candidate(variant.map_back(candidate.expr), outputs, votes=candidate.votes)


def _grid_map(expr: Expr, grid: list[list[int]]) -> list[list[int]]:
    """`expr`, a variant's grid-to-grid transform, applied to a plain grid."""
    result = evaluate(expr, Grid(grid), dsl_vocabulary().functions)
    if not isinstance(result, Grid):
        raise TypeError(f"a variant's transform gave {type(result).__name__}, not a grid")
    return result.to_list()


def _literals(task: Task) -> dict[object, list[object]]:
    """Constants the search may pass: the task's colours, and small or observed numbers."""
    grids = [e.input for e in task.train + task.test] + [e.known_output() for e in task.train]
    colors = sorted({cell for grid in grids for row in grid for cell in row})
    numbers = {1, 2, 3}
    for example in task.train:
        (h, w), (oh, ow) = _shape(example.input), _shape(example.known_output())
        numbers.update(n for a, b in ((oh, h), (ow, w), (h, oh), (w, ow)) if (n := a // b) > 1)
    return {
        Color: [Color(c) for c in colors],
        Integer: [Integer(n) for n in sorted(numbers)],
        bool: [False, True],
    }


def _shape(grid: list[list[int]]) -> tuple[int, int]:
    return len(grid), len(grid[0])
