"""Primitives whose tables are read from the examples by the search (not enumerated)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from .grid import TRANSPARENT, Grid, Object, Objects
from .objects import hole_count, is_rectangle, object_color, object_size

ColorMap = tuple[tuple[int, int], ...]  # (from, to) pairs; to = TRANSPARENT keeps the object

__all__ = [
    "FEATURES",
    "ColorMap",
    "apply_color_map",
    "apply_local_rule",
    "neighbourhood_codes",
    "object_features",
    "recolor_objects",
]


def _ranks(values: list[int], descending: bool) -> list[int]:
    order = sorted(set(values), reverse=descending)
    return [order.index(value) for value in values]


def _sharing(values: list[object]) -> list[int]:
    """For each value, how many of the values equal it (itself included)."""
    counts = Counter(values)
    return [counts[value] for value in values]


def _boxes(objects: Objects) -> np.ndarray:
    """One row per object: top, bottom, left, right (bottom and right excluded)."""
    rows = [(o.row, o.row + o.patch.height, o.col, o.col + o.patch.width) for o in objects]
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def _touching(objects: Objects) -> list[int]:
    """How many other objects each object touches side by side."""
    if not objects:
        return []
    boxes = _boxes(objects)
    offset = boxes[:, [0, 2]].min(axis=0)
    labels = np.full(boxes[:, [1, 3]].max(axis=0) - offset, -1, dtype=np.int64)
    for index, obj in enumerate(objects):
        rows, cols = np.nonzero(obj.mask)
        labels[rows + obj.row - offset[0], cols + obj.col - offset[1]] = index
    pairs = [
        np.stack([first[both], second[both]], axis=1)
        for first, second in ((labels[:, :-1], labels[:, 1:]), (labels[:-1], labels[1:]))
        for both in [(first >= 0) & (second >= 0) & (first != second)]
    ]
    touching = np.unique(np.sort(np.concatenate(pairs), axis=1), axis=0)
    return [int(n) for n in np.bincount(touching.ravel(), minlength=len(objects))]


def _inside(objects: Objects) -> np.ndarray:
    """inside[i, j]: object i's box lies within object j's box (j != i, boxes not equal)."""
    boxes = _boxes(objects)
    top, bottom, left, right = (boxes[:, k] for k in range(4))
    within = (
        (top[:, None] >= top[None, :])
        & (bottom[:, None] <= bottom[None, :])
        & (left[:, None] >= left[None, :])
        & (right[:, None] <= right[None, :])
    )
    same = (boxes[:, None, :] == boxes[None, :, :]).all(axis=2)
    inside: np.ndarray = within & ~same
    return inside


def _in_line(objects: Objects) -> list[int]:
    """How many other objects share a row or a column with each object's box."""
    boxes = _boxes(objects)
    top, bottom, left, right = (boxes[:, k] for k in range(4))
    rows = (top[:, None] < bottom[None, :]) & (top[None, :] < bottom[:, None])
    cols = (left[:, None] < right[None, :]) & (left[None, :] < right[:, None])
    return [int(n) - 1 for n in (rows | cols).sum(axis=1)]


# Each feature gives one integer per object, from the object and all its fellows.
FEATURES: dict[str, Callable[[Objects], list[int]]] = {
    "size": lambda objs: [object_size(o) for o in objs],
    "size rank, largest first": lambda objs: _ranks([object_size(o) for o in objs], True),
    "size rank, smallest first": lambda objs: _ranks([object_size(o) for o in objs], False),
    "colour": lambda objs: [object_color(o) for o in objs],
    "height": lambda objs: [o.patch.height for o in objs],
    "width": lambda objs: [o.patch.width for o in objs],
    "number of holes": lambda objs: [hole_count(o) for o in objs],
    "being a rectangle": lambda objs: [int(is_rectangle(o)) for o in objs],
    "number of objects of the same shape": lambda objs: _sharing(
        [(o.mask.shape, o.mask.tobytes()) for o in objs]
    ),
    "number of colours": lambda objs: [len(o.colors) for o in objs],
    # relations to the other objects; "the odd one out" is the object whose count is 1
    "number of objects of the same colour": lambda objs: _sharing([o.colors for o in objs]),
    "number of objects of the same size": lambda objs: _sharing([o.size for o in objs]),
    "number of objects of the same height": lambda objs: _sharing([o.patch.height for o in objs]),
    "number of objects of the same width": lambda objs: _sharing([o.patch.width for o in objs]),
    "number of objects with as many holes": lambda objs: _sharing([hole_count(o) for o in objs]),
    "number of objects with as many colours": lambda objs: _sharing([len(o.colors) for o in objs]),
    "number of objects it touches": _touching,
    "number of objects inside its box": lambda objs: _inside(objs).sum(axis=0).tolist(),
    "being inside another object's box": lambda objs: (
        _inside(objs).any(axis=1).astype(int).tolist()
    ),
    "number of objects in line with it": _in_line,
    "top row": lambda objs: [o.row for o in objs],
    "left column": lambda objs: [o.col for o in objs],
}


def object_features(objects: Objects, feature: str) -> list[int]:
    """The named feature of every object, in order."""
    return FEATURES[feature](objects)


def apply_color_map(grid: Grid, pairs: ColorMap) -> Grid:
    """Recolour the cells by a table of colour pairs, keeping colours it does not name."""
    lookup = np.arange(-1, 10, dtype=np.int8)
    for source, target in pairs:
        lookup[source + 1] = target
    return Grid(lookup[grid.array + 1])


def recolor_objects(grid: Grid, objects: Objects, feature: str, table: ColorMap) -> Grid:
    """Recolour each object by a table from one of its features to a colour."""
    colors = dict(table)
    array = grid.array.copy()
    for obj, value in zip(objects, object_features(objects, feature), strict=True):
        if value not in colors:
            raise ValueError(f"no colour for {feature} {value}")
        if colors[value] != TRANSPARENT:
            _paint(array, obj, colors[value])
    return Grid(array)


def _paint(array: np.ndarray, obj: Object, color: int) -> None:
    height, width = obj.patch.shape
    if (
        obj.row < 0
        or obj.col < 0
        or obj.row + height > array.shape[0]
        or (obj.col + width > array.shape[1])
    ):
        raise ValueError("the object lies outside the grid")
    rows, cols = np.nonzero(obj.mask)
    array[rows + obj.row, cols + obj.col] = color


def neighbourhood_codes(grid: Grid, diagonal: bool) -> np.ndarray:
    """One integer per cell that encodes its colour and its 4 (or 8) neighbours' colours."""
    padded = np.pad(grid.array.astype(np.int64) + 1, 1, constant_values=OUTSIDE)
    height, width = grid.shape
    offsets = _DIAGONAL if diagonal else _SIDES
    codes = np.zeros(grid.shape, dtype=np.int64)
    for dr, dc in offsets:
        codes = codes * 12 + padded[1 + dr : 1 + dr + height, 1 + dc : 1 + dc + width]
    return codes


def apply_local_rule(grid: Grid, table: ColorMap, diagonal: bool) -> Grid:
    """Recolour each cell by a table from its neighbourhood to a colour; other cells stay."""
    lookup = dict(table)
    codes = neighbourhood_codes(grid, diagonal)
    array = grid.array.copy()
    for (row, col), code in np.ndenumerate(codes):
        array[row, col] = lookup.get(int(code), array[row, col])
    return Grid(array)


OUTSIDE = 11  # the code of a neighbour beyond the edge; cells code as colour + 1
_SIDES = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1))
_DIAGONAL = (*_SIDES, (-1, -1), (-1, 1), (1, -1), (1, 1))
