"""Output size as its own problem: rules that give each output's (height, width) from its input.

A rule is accepted for a task only when it gives every train input exactly its output's shape.
The rules, simplest first (the first accepted one that gives every test input a shape wins):

1. the input's shape;
2. one fixed shape;
3. the input's shape with each side scaled and shifted (×3, ÷2, +2 for a border, (h-1)/2);
4. a measured shape, as it is (every measure), then scaled and shifted as in 3. The measures,
   in order: the input transposed; between separator lines, the layout of the parts (rows of
   parts by columns of parts), the largest and the smallest part, the input without the
   lines; a half of the input; the tile the input repeats; the box of the cells other than
   the background 0, or other than the commonest colour; the input, or that box, with runs of
   equal rows and columns merged; the box of the largest or the smallest object
   (single-colour or multicolour, cells joined by sides or also by corners); the box of the
   cells of one colour (the same colour in every pair), of the rarest or of the commonest
   colour other than 0;
5. the height and the width found separately, each from one number of the input: a constant,
   a side of a measured shape, or a count (objects, colours, cells, cells of one colour, parts),
   as it is or scaled and shifted (1×n for n objects, n×n for n colours, 5n for n cells).

A scale or a shift counts as seen in the train pairs only when the pairs show the side at two
sizes or more, or when it is a small one (×2 … ×5, ÷2 … ÷5, ±1 … ±4); a general line (a scale
and a shift) needs three sizes.

>>> from abduce.tasks import Task
>>> one = {"input": [[0, 0, 0], [0, 4, 4], [0, 0, 0]], "output": [[4, 4]]}
>>> two = {"input": [[3, 0], [3, 0], [0, 0]], "output": [[3], [3]]}
>>> rule = shape_rule(Task(id="t", train=[one, two], test=[{"input": [[0, 5, 5, 5]]}]))
>>> rule.name, rule.shapes
('the box of the cells other than 0', [(1, 3)])
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache, partial
from itertools import product
from typing import TypeVar

import numpy as np

from abduce.programs import dsl
from abduce.programs.dsl import Grid, Objects
from abduce.tasks import Task

__all__ = ["ShapeRule", "predict_shapes", "shape_rule", "shape_rules"]

T = TypeVar("T")
Shape = tuple[int, int]
Numbers = dict[str, int]  # a grid's named numbers: sides of measured shapes, and counts

NICE_FACTORS = frozenset(Fraction(n, d) for n in range(1, 6) for d in range(1, 6) if 1 in (n, d))
NICE_SHIFTS = range(-4, 5)
KINDS = (
    "the input's shape",
    "a fixed shape",
    "the input's shape scaled or shifted",
    "a measured shape, as it is or scaled or shifted",
    "the height and the width apart",
)
INPUT = "the input's shape"
CONSTANT = "the constant"  # a number that is always 0; a side 0 × it + k is always k
SIDE_CHOICES = 4  # the simplest numbers tried for each side when the sides are found apart
_FINDERS: tuple[tuple[str, Callable[[Grid], Objects]], ...] = (
    ("single-colour", dsl.components),
    ("single-colour, corners joining", dsl.diagonal_components),
    ("multicolour", dsl.multicolor_components),
    ("multicolour, corners joining", dsl.diagonal_multicolor_components),
)
_COLORS = range(10)
_Candidate = tuple[str, str, Callable[[Grid], Shape | None]]  # kind, name, shape function


@dataclass(frozen=True)
class ShapeRule:
    """A named way to size an output from its input, and its sizes for the task's test inputs."""

    kind: str  # which family of rules (see KINDS)
    name: str
    shape_of: Callable[[Grid], Shape | None]
    shapes: list[Shape | None]

    def shapes_on(self, grids: Sequence[Grid]) -> list[Shape | None]:
        """The output shape for each of `grids` (train or test inputs alike; None: no size)."""
        return [self.shape_of(grid) for grid in grids]


def shape_rules(task: Task) -> Iterator[ShapeRule]:
    """Every rule that gives each train input its output's shape, simplest first."""
    inputs = [Grid(example.input) for example in task.train]
    outputs = [_shape(example.known_output()) for example in task.train]
    tests = [Grid(example.input) for example in task.test]
    for kind, name, shape_of in _candidates(inputs, outputs):
        if all(shape_of(grid) == shape for grid, shape in zip(inputs, outputs, strict=True)):
            yield ShapeRule(kind, name, shape_of, [shape_of(grid) for grid in tests])


def shape_rule(task: Task) -> ShapeRule | None:
    """The simplest rule that fits every train pair and sizes every test input, else the
    simplest that fits every train pair, else None."""
    first = None
    for rule in shape_rules(task):
        if None not in rule.shapes:
            return rule
        first = first or rule
    return first


def predict_shapes(task: Task) -> list[Shape | None]:
    """The shape of each test output by the simplest rule that fits every train pair (None
    where no rule does).

    >>> from abduce.tasks import Task
    >>> one = {"input": [[1]], "output": [[1, 1]]}
    >>> two = {"input": [[1], [2]], "output": [[1, 1], [2, 2]]}
    >>> predict_shapes(Task(id="t", train=[one, two], test=[{"input": [[1]] * 3}]))
    [(3, 2)]
    """
    rule = shape_rule(task)
    return rule.shapes if rule else [None] * len(task.test)


def _candidates(inputs: list[Grid], outputs: list[Shape]) -> Iterator[_Candidate]:
    """Rules to try, simplest first; their lines are fitted to the train pairs, so only
    fitted ones are offered."""
    yield KINDS[0], INPUT, lambda grid: grid.shape
    if len(set(outputs)) == 1:
        fixed = outputs[0]
        yield KINDS[1], f"the fixed shape {fixed[0]}×{fixed[1]}", lambda grid: fixed
    names = list(_measures(inputs[0]))
    yield from _fitted(inputs, outputs, names[:1], KINDS[2])
    yield from _fitted(inputs, outputs, names[1:], KINDS[3])
    yield from _separate_sides(inputs, outputs)


def _fitted(
    inputs: list[Grid], outputs: list[Shape], names: list[str], kind: str
) -> Iterator[_Candidate]:
    """Each measure whose sides, each scaled and shifted by a fitted line, give the outputs:
    those as they are first, then those needing the simplest lines."""
    found = []
    for index, name in enumerate(names):
        measured = [_measures(grid).get(name) for grid in inputs]
        shapes = [m for m in measured if m is not None]
        if len(shapes) < len(measured):
            continue
        height, width = (
            next(_lines([m[side] for m in shapes], [o[side] for o in outputs]), None)
            for side in (0, 1)
        )
        if height is not None and width is not None:
            found.append((max(height[0], width[0]), index, name, height[1], width[1]))
    for _, _, name, down, across in sorted(found, key=lambda f: f[:2]):
        sides = (("height", down), ("width", across))
        described = [name, *(f"{side} {line}" for side, line in sides if line != _IDENTITY)]
        yield kind, ", ".join(described), partial(_scaled, name, down, across)


def _scaled(name: str, down: _Line, across: _Line, grid: Grid) -> Shape | None:
    shape = _measures(grid).get(name)
    if shape is None:
        return None
    height, width = down(shape[0]), across(shape[1])
    return None if height is None or width is None else (height, width)


def _separate_sides(inputs: list[Grid], outputs: list[Shape]) -> Iterator[_Candidate]:
    """The height from one number of the input and the width from one, the simplest pairs
    first (of the few simplest numbers that fit each side)."""
    heights, widths = (_numbers_for(inputs, [o[side] for o in outputs]) for side in (0, 1))
    pairs = sorted(
        product(enumerate(heights), enumerate(widths)),
        key=lambda p: (max(p[0][1][0], p[1][1][0]), p[0][0] + p[1][0]),
    )
    for (_, (_, down_name, down)), (_, (_, across_name, across)) in pairs:
        name = f"height: {_phrase(down_name, down)}; width: {_phrase(across_name, across)}"
        yield KINDS[4], name, partial(_sides, down_name, down, across_name, across)


def _phrase(number: str, line: _Line) -> str:
    return number if line == _IDENTITY else f"{number} {line}"


def _sides(
    down_name: str, down: _Line, across_name: str, across: _Line, grid: Grid
) -> Shape | None:
    numbers = _numbers(grid)
    height, width = numbers.get(down_name), numbers.get(across_name)
    if height is None or width is None:
        return None
    height, width = down(height), across(width)
    return None if height is None or width is None else (height, width)


def _numbers_for(inputs: list[Grid], sides: list[int]) -> list[tuple[int, str, _Line]]:
    """The few simplest (rank, number, line) whose line turns the inputs' number into `sides`
    (only the constant, if the sides are all equal)."""
    if len(set(sides)) == 1:
        return [(0, CONSTANT, _Line(Fraction(0), Fraction(sides[0])))]
    found = [_numbers(grid) for grid in inputs]
    fits = []
    for index, name in enumerate(found[0]):
        values = [numbers.get(name) for numbers in found]
        if all(v is not None and v > 0 for v in values):
            line = next(_lines([v for v in values if v is not None], sides, small=True), None)
            if line is not None:
                fits.append((line[0], index, name, line[1]))
    fits.sort(key=lambda f: f[:2])
    return [(rank, name, line) for rank, _, name, line in fits[:SIDE_CHOICES]]


@dataclass(frozen=True)
class _Line:
    """A side's size as `factor` × a number + `shift`."""

    factor: Fraction
    shift: Fraction

    def __call__(self, value: int) -> int | None:
        size = self.factor * value + self.shift
        return int(size) if size.denominator == 1 and size > 0 else None

    def __str__(self) -> str:
        if not self.factor:
            return str(self.shift)
        parts = [] if self.factor == 1 else [f"×{self.factor}"]
        if self.shift:
            parts.append(f"+{self.shift}" if self.shift >= 0 else f"-{-self.shift}")
        return " ".join(parts)


_IDENTITY = _Line(Fraction(1), Fraction(0))


def _lines(
    values: list[int], sizes: list[int], *, small: bool = False
) -> Iterator[tuple[int, _Line]]:
    """The lines through every (value, size), simplest first, with their rank: the identity
    (0), a shift (1), a scale (2), a general line (3). A parameter must be seen in enough
    distinct values, or be small (always, if `small`)."""
    distinct = len(set(values))
    lines = [
        (0, _IDENTITY),
        (1, _Line(Fraction(1), Fraction(sizes[0] - values[0]))),
        (2, _Line(Fraction(sizes[0], values[0]), Fraction(0))),
    ]
    if distinct >= 3:
        (x0, y0), (x1, y1) = sorted(set(zip(values, sizes, strict=True)))[:2]
        if x0 != x1 and (factor := Fraction(y1 - y0, x1 - x0)) > 0:
            lines.append((3, _Line(factor, y0 - factor * x0)))
    for rank, line in lines:
        nice = line.factor in NICE_FACTORS and line.shift in NICE_SHIFTS
        if not nice and (small or distinct < 2):
            continue
        if all(line(v) == s for v, s in zip(values, sizes, strict=True)):
            yield rank, line


@lru_cache(maxsize=1024)
def _measures(grid: Grid) -> dict[str, Shape]:
    """The grid's named shapes, in the order they are tried (one that does not apply is
    left out)."""
    found: dict[str, Shape | None] = {
        INPUT: grid.shape,
        "the input's shape transposed": (grid.width, grid.height),
    }
    parts = _try(lambda: dsl.split_by_lines(grid))
    if parts:
        found["the layout of the parts between separator lines"] = _try_shape(
            lambda: dsl.summarize_blocks(grid)
        )
        found["the largest part between separator lines"] = dsl.largest_grid(parts).shape
        found["the smallest part between separator lines"] = dsl.smallest_grid(parts).shape
        found["the input without its separator lines"] = _try_shape(
            lambda: dsl.remove_separators(grid)
        )
    found["a half of the input"] = _try_shape(lambda: dsl.halves_overlay(grid))
    found["the tile the input repeats"] = _try_shape(lambda: dsl.pattern_tile(grid))
    found["the box of the cells other than 0"] = _box(grid.array != 0)
    found["the box of the cells other than the commonest colour"] = _box(
        grid.array != dsl.most_common_color(grid)
    )
    found["the input, runs of equal rows and columns merged"] = _merged(grid.array)
    trimmed = _try(lambda: dsl.trim(grid))
    if trimmed:
        found["the box of the cells other than 0, runs of equal rows and columns merged"] = _merged(
            trimmed.array
        )
    for kind, finder in _FINDERS:
        objects = finder(grid)
        if objects:
            found[f"the box of the largest object ({kind})"] = dsl.largest_object(
                objects
            ).patch.shape
            found[f"the box of the smallest object ({kind})"] = dsl.smallest_object(
                objects
            ).patch.shape
    counts = np.bincount(grid.array.ravel(), minlength=10)
    for color in _COLORS:
        found[f"the box of the colour {color} cells"] = _box(grid.array == color)
    foreground = [c for c in _COLORS if c and counts[c]]
    if foreground:
        rarest = min(foreground, key=lambda c: (counts[c], c))
        commonest = max(foreground, key=lambda c: (counts[c], -c))
        found["the box of the rarest colour other than 0"] = _box(grid.array == rarest)
        found["the box of the commonest colour other than 0"] = _box(grid.array == commonest)
    return {name: shape for name, shape in found.items() if shape is not None}


@lru_cache(maxsize=1024)
def _numbers(grid: Grid) -> Numbers:
    """The grid's named numbers: the sides of its measures, then counts."""
    numbers: Numbers = {CONSTANT: 0}
    for name, (height, width) in _measures(grid).items():
        numbers[f"the height of {name}"] = height
        numbers[f"the width of {name}"] = width
    counts = np.bincount(grid.array.ravel(), minlength=10)
    numbers["the number of colours"] = int(np.count_nonzero(counts))
    numbers["the number of colours other than 0"] = int(np.count_nonzero(counts[1:]))
    numbers["the number of cells other than 0"] = int(counts[1:].sum())
    for kind, finder in _FINDERS:
        numbers[f"the number of objects ({kind})"] = len(finder(grid))
    for color in _COLORS:
        numbers[f"the number of colour {color} cells"] = int(counts[color])
    parts = _try(lambda: dsl.split_by_lines(grid))
    if parts:
        numbers["the number of parts between separator lines"] = len(parts)
    return numbers


def _box(mask: np.ndarray) -> Shape | None:
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not rows.size:
        return None
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def _merged(array: np.ndarray) -> Shape:
    """How many runs of equal adjacent rows, and of equal adjacent columns, the array has."""
    rows = 1 + int((array[1:] != array[:-1]).any(axis=1).sum())
    cols = 1 + int((array[:, 1:] != array[:, :-1]).any(axis=0).sum())
    return rows, cols


def _try(make: Callable[[], T]) -> T | None:
    try:
        return make()
    except ValueError:
        return None


def _try_shape(make: Callable[[], Grid]) -> Shape | None:
    grid = _try(make)
    return None if grid is None else grid.shape


def _shape(grid: list[list[int]]) -> Shape:
    return len(grid), len(grid[0])
