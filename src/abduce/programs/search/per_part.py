"""Per-object and per-part programs, found by a nested search.

When every train output differs from its input only inside some boxes (the bounding boxes of
an `Objects` value the enumeration built, or the parts between the input's separator lines),
the task splits into a smaller one: turn each box of an input into the same box of its output.
A nested search on those crops, with a small share of the budget, looks for one program that
does it for every box; `map_objects` or `map_parts` then applies it in place. When the
outputs are the objects' boxes joined in a row or a column instead, in the order of a learned
feature, the same nested search finds the program for each piece (`arrange_objects`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator

import numpy as np

from abduce.programs.dsl import Grid
from abduce.programs.dsl.mapping import Box, cut_box, object_boxes, part_boxes
from abduce.programs.dsl.maps import FEATURES, object_features
from abduce.programs.search.enumeration import Enumerator, Node
from abduce.programs.search.expr import INPUT, Expr, evaluate, literal
from abduce.tasks import Task

SHARE = 0.25  # of the task's evaluations and seconds, for all nested searches together
ONE_SHARE = 0.25  # of what is left of that, for one nested search
MAX_EVALUATIONS = 5_000  # for one nested search, in the task's evaluations

# A nested search: the crops' task, a deadline (None: no clock) and evaluations; it gives the
# cheapest program found (or None) and the evaluations it used.
Solve = Callable[[Task, float | None, int], tuple[Expr | None, int]]
Crops = tuple[tuple[Grid, Grid], ...]  # (input box, output box), each pair once


class PerPart:
    """Looks for per-object and per-part programs for one task; records each it finds."""

    def __init__(
        self,
        inputs: list[Grid],
        tests: list[Grid],
        wanted: tuple[Grid, ...],
        functions: dict[str, Callable[..., object]],
        record: Callable[[Expr], None],
        solve: Solve,
        enumerator: Enumerator,
    ) -> None:
        self.inputs, self.tests, self.wanted = inputs, tests, wanted
        self.reshapes = any(i.shape != w.shape for i, w in zip(inputs, wanted, strict=True))
        self.functions, self.record, self.solve = functions, record, solve
        self.enumerator = enumerator
        self.solved: dict[Crops, Expr | None] = {}  # the nested searches' results
        left = enumerator.max_evaluations - enumerator.evaluations
        self.evaluations = left * SHARE  # left for nested searches (may be infinite)
        self.seconds = (enumerator.deadline - time.monotonic()) * SHARE

    def check_objects(self, node: Node) -> None:
        """Record `map_objects` over `node`'s objects, if a program turns their boxes into
        the outputs'. If some of their boxes are alike in the inputs but not in the
        outputs, only the objects whose boxes change, if a learned feature selects them.
        If the outputs have other shapes, `arrange_objects` instead."""
        try:
            train = [object_boxes(*pair) for pair in zip(self.inputs, node.values, strict=True)]
        except ValueError:
            return
        if self.reshapes:
            self._check_arrangement(node, train)
            return
        if not self._lines_up(train):
            return
        crops = self._in_place(train)
        if crops is None:
            selected = self._selection(node, train)
            if selected is None:
                return
            node, train = selected
            crops = self._in_place(train)
        program = self._program(crops, self._test_crops(self._test_boxes(node.expr)))
        if program is not None:
            self.record(Expr("map_objects", (Expr(INPUT), node.expr, literal(program))))

    def check_parts(self) -> None:
        """Record `map_parts`, if a program turns the parts between the separator lines
        into the outputs'."""
        try:
            train = [part_boxes(grid) for grid in self.inputs]
        except ValueError:
            return
        if self.reshapes or not self._lines_up(train):
            return
        program = self._program(self._in_place(train), self._test_crops(part_boxes))
        if program is not None:
            self.record(Expr("map_parts", (Expr(INPUT), literal(program))))

    def _check_arrangement(self, node: Node, train: list[list[Box]]) -> None:
        """Record `arrange_objects` over `node`'s objects, if every output is their boxes
        joined in a row (or a column) in the order of a feature, each box turned into its
        piece by one program (the first feature and direction that fit); two objects at
        least in every input, or there is nothing to arrange."""
        if any(len(boxes) < 2 for boxes in train):
            return
        for vertical in (False, True):
            if not _joinable(self.wanted, train, vertical):
                continue
            test_crops = self._test_crops(self._test_boxes(node.expr))
            for feature in FEATURES:
                order = [
                    sorted(range(len(objects)), key=object_features(objects, feature).__getitem__)
                    for objects in node.values
                ]
                crops = _crops(_arranged(self.inputs, self.wanted, train, order, vertical))
                program = self._program(crops, test_crops)
                if program is not None:
                    args = (node.expr, literal(feature), literal(vertical), literal(program))
                    self.record(Expr("arrange_objects", (Expr(INPUT), *args)))
                    return

    def _test_boxes(self, objects: Expr) -> Callable[[Grid], list[Box]]:
        def boxes(grid: Grid) -> list[Box]:
            found = evaluate(objects, grid, self.functions)
            if not isinstance(found, tuple):
                raise TypeError("the expression gave no objects")
            return object_boxes(grid, found)

        return boxes

    def _selection(self, node: Node, train: list[list[Box]]) -> tuple[Node, list[list[Box]]] | None:
        """`node`'s objects whose boxes change, selected by the first feature that has one
        value for all of them and another for every unchanged object, and their boxes; None
        if all change or none can be told apart (a set of several values would fit the
        examples too closely)."""
        changes = [
            [cut_box(grid, box) != cut_box(output, box) for box in boxes]
            for grid, output, boxes in zip(self.inputs, self.wanted, train, strict=True)
        ]
        flags = [flag for pair in changes for flag in pair]
        if all(flags):
            return None
        for feature in FEATURES:
            values = [v for objects in node.values for v in object_features(objects, feature)]
            chosen = {v for v, flag in zip(values, flags, strict=True) if flag}
            others = {v for v, flag in zip(values, flags, strict=True) if not flag}
            if len(chosen) == 1 and chosen.isdisjoint(others):
                args = (node.expr, literal(feature), literal(tuple(sorted(chosen))))
                selected = [
                    tuple(o for o, flag in zip(objects, pair, strict=True) if flag)
                    for objects, pair in zip(node.values, changes, strict=True)
                ]
                boxes = [
                    [box for box, flag in zip(pair_boxes, pair, strict=True) if flag]
                    for pair_boxes, pair in zip(train, changes, strict=True)
                ]
                return Node(Expr("objects_where", args), tuple(selected)), boxes
        return None

    def _in_place(self, train: list[list[Box]]) -> Crops | None:
        """Each box's input crop and the same box of its output (see `_crops`)."""
        pairs = zip(self.inputs, self.wanted, train, strict=True)
        return _crops(
            (cut_box(grid, box), cut_box(output, box))
            for grid, output, boxes in pairs
            for box in boxes
        )

    def _test_crops(self, test_boxes: Callable[[Grid], list[Box]]) -> Callable[[], list[Grid]]:
        return lambda: [cut_box(grid, box) for grid in self.tests for box in test_boxes(grid)]

    def _program(self, crops: Crops | None, test_crops: Callable[[], list[Grid]]) -> Expr | None:
        """The program turning each input crop into its output crop (a nested search's,
        each set of crops searched once), if the crops ask for one output per input crop."""
        if not crops:
            return None
        if crops not in self.solved:
            try:
                tests = test_crops()
            except Exception:  # the objects' expression does not apply to a test input
                return None
            self.solved[crops] = self._search(crops, tests or [crops[0][0]])
        return self.solved[crops]

    def _lines_up(self, train: list[list[Box]]) -> bool:
        """Same shapes, boxes smaller than their grid, and the outputs differ from the
        inputs, only inside the boxes."""
        changed = False
        for grid, output, boxes in zip(self.inputs, self.wanted, train, strict=True):
            if grid.shape != output.shape:
                return False
            inside = np.zeros(grid.shape, dtype=bool)
            for top, bottom, left, right in boxes:
                if (bottom - top, right - left) == grid.shape:
                    return False
                inside[top:bottom, left:right] = True
            differs = grid.array != output.array
            if differs[~inside].any():
                return False
            changed = changed or bool(differs.any())
        return changed

    def _search(self, crops: Crops, tests: list[Grid]) -> Expr | None:
        """A nested search on the crops, within a share of what is left of the nested
        searches' budget; its evaluations count as the enumerator's, each weighed by the
        number of crops it runs on against the number of train inputs."""
        weight = max(1.0, len(crops) / len(self.inputs))
        evaluations = int(min(MAX_EVALUATIONS, self.evaluations * ONE_SHARE) / weight)
        if evaluations < 1 or self.seconds <= 0:
            return None
        started = time.monotonic()
        task = Task.model_validate(
            {
                "id": "crops",
                "train": [{"input": i.to_list(), "output": o.to_list()} for i, o in crops],
                "test": [{"input": grid.to_list()} for grid in tests],
            }
        )
        deadline = None if math.isinf(self.seconds) else started + self.seconds * ONE_SHARE
        program, used = self.solve(task, deadline, evaluations)
        spent = math.ceil(used * weight)
        self.enumerator.evaluations += spent
        self.evaluations -= spent
        self.seconds -= time.monotonic() - started
        return program


def _arranged(
    inputs: list[Grid],
    wanted: tuple[Grid, ...],
    train: list[list[Box]],
    order: list[list[int]],
    vertical: bool,
) -> Iterator[tuple[Grid, Grid]]:
    """(input crop, output piece) for each box, the outputs cut into pieces of the boxes'
    sizes, joined in the given order in a row (or a column)."""
    axis = 0 if vertical else 1
    for grid, output, boxes, indices in zip(inputs, wanted, train, order, strict=True):
        start = 0
        for index in indices:
            top, bottom, left, right = boxes[index]
            length = (bottom - top, right - left)[axis]
            piece = (
                output.array[start : start + length]
                if vertical
                else output.array[:, start : start + length]
            )
            start += length
            yield cut_box(grid, boxes[index]), Grid(piece)


def _joinable(wanted: tuple[Grid, ...], train: list[list[Box]], vertical: bool) -> bool:
    """Every output is as long as its boxes joined along the axis, and as wide as each."""
    for output, boxes in zip(wanted, train, strict=True):
        sizes = [(bottom - top, right - left) for top, bottom, left, right in boxes]
        along, across = (0, 1) if vertical else (1, 0)
        if not sizes or sum(size[along] for size in sizes) != output.shape[along]:
            return False
        if any(size[across] != output.shape[across] for size in sizes):
            return False
    return True


def _crops(pairs: Iterable[tuple[Grid, Grid]]) -> Crops | None:
    """Each (input crop, output crop) once, in order; None if one input crop has two
    outputs."""
    seen: dict[Grid, Grid] = {}
    for crop, wanted in pairs:
        if seen.setdefault(crop, wanted) != wanted:
            return None
    return tuple(seen.items())
