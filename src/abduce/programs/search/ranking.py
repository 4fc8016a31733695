"""Which programs that reproduce every train pair to answer with first: several can, and most
of them by coincidence. Answers that look like the train outputs come first (the predicted
size, colours the train pairs allow), then the simplest program (fewest steps, smallest learned
tables), then the answer that more independently found programs agree on.

>>> from abduce.tasks import Task
>>> pair = {"input": [[1, 0]], "output": [[1, 1]]}
>>> palettes = predict_palettes(Task(id="t", train=[pair], test=[{"input": [[2, 0]]}]))
>>> sorted(palettes[0])
[0, 2]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from abduce.tasks import Task

if TYPE_CHECKING:
    from abduce.programs.search import Candidate

TABLE_ENTRY_COST = 0.25  # each learned table entry fits the examples a little more closely


def rank(
    candidates: Iterable[Candidate],
    shapes: list[tuple[int, int] | None],
    palettes: list[frozenset[int]],
) -> list[Candidate]:
    """`candidates`, likeliest to generalise first."""

    def key(candidate: Candidate) -> tuple[bool, bool, float, int]:
        outputs = candidate.test_outputs
        sized = all(
            shape is None or (len(grid), len(grid[0])) == shape
            for grid, shape in zip(outputs, shapes, strict=True)
        )
        coloured = all(
            _colors(grid) <= palette for grid, palette in zip(outputs, palettes, strict=True)
        )
        return (not sized, not coloured, simplicity_cost(candidate), -candidate.votes)

    return sorted(candidates, key=key)


def simplicity_cost(candidate: Candidate) -> float:
    """Fewer steps, then smaller learned tables."""
    expr = candidate.expr
    entries = sum(
        len(arg.literal) for arg in expr.args if arg.is_literal and isinstance(arg.literal, tuple)
    )
    return expr.cost + TABLE_ENTRY_COST * entries


def predict_palettes(task: Task) -> list[frozenset[int]]:
    """The colours each test output may use: its input's, and those some train output added
    to its input's (a rule's own colours)."""
    added: set[int] = set()
    for example in task.train:
        added |= _colors(example.known_output()) - _colors(example.input)
    return [frozenset(_colors(example.input) | added) for example in task.test]


def _colors(grid: list[list[int]]) -> set[int]:
    return {cell for row in grid for cell in row}
