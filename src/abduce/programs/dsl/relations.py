"""Relation primitives: cells recoloured or moved by (or onto) the nearest cell of another
colour, cells kept by the box they lie in, the object chosen by what it contains, and the odd
one out among blocks by their symmetries."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .grid import Color, Grid, Grids
from .objects import diagonal_multicolor_components, object_subgrid
from .patterns import (
    is_symmetric_antidiagonal,
    is_symmetric_diagonal,
    is_symmetric_lr,
    is_symmetric_rotational,
    is_symmetric_ud,
)

__all__ = [
    "recolor_by_nearest",
    "step_toward_nearest",
    "move_onto_nearest",
    "keep_within_color_box",
    "crop_to_most_color_object",
    "asymmetric_grid",
]

_BACKGROUND = 0


def _nearest(
    array: np.ndarray, color: int, value: Callable[[np.ndarray], np.ndarray], *, onto: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """The cells of a colour and, for each, `value` (one row per cell of the other non-background
    colours) taken from its nearest such cell by steps along rows and columns; ties must agree.
    `onto` swaps the two sides: the other colours' cells, each with its nearest cell of the
    colour."""
    if color == _BACKGROUND:
        raise ValueError("the background is not moved or recoloured")
    targets = np.argwhere(array == color)
    sources = np.argwhere((array != color) & (array != _BACKGROUND))
    if onto:
        targets, sources = sources, targets
    if not len(targets) or not len(sources):
        raise ValueError("nothing to move or recolour, or nothing to go by")
    distances = np.abs(targets[:, None, :] - sources[None, :, :]).sum(axis=2)
    nearest = distances == distances.min(axis=1, keepdims=True)
    values = value(sources)
    first = values[nearest.argmax(axis=1)]
    agree = (values[None, :, :] == first[:, None, :]).all(axis=2)
    if (nearest & ~agree).any():
        raise ValueError("a cell is equally near two different cells")
    return targets, first


def recolor_by_nearest(grid: Grid, color: Color) -> Grid:
    """Recolour each cell of a colour with the colour of the nearest cell of another colour."""
    array = grid.array
    targets, colors = _nearest(array, color, lambda cells: array[cells[:, :1], cells[:, 1:]])
    result = array.copy()
    result[targets[:, 0], targets[:, 1]] = colors[:, 0]
    return Grid(result)


def step_toward_nearest(grid: Grid, color: Color) -> Grid:
    """Move each cell of a colour one step toward the nearest cell of another colour."""
    array = grid.array
    targets, cells = _nearest(array, color, lambda cells: cells)
    moved = targets + np.sign(cells - targets)
    blocked = ~np.isin(array[moved[:, 0], moved[:, 1]], (_BACKGROUND, color))
    landing = np.where(blocked[:, None], targets, moved)
    result = array.copy()
    result[targets[:, 0], targets[:, 1]] = _BACKGROUND
    result[landing[:, 0], landing[:, 1]] = color
    return Grid(result)


def move_onto_nearest(grid: Grid, color: Color) -> Grid:
    """Move each cell of another colour onto the nearest cell of a colour."""
    array = grid.array
    movers, places = _nearest(array, color, lambda cells: cells, onto=True)
    if len(np.unique(places, axis=0)) < len(places):
        raise ValueError("two cells would land on one")
    result = array.copy()
    result[movers[:, 0], movers[:, 1]] = _BACKGROUND
    result[places[:, 0], places[:, 1]] = array[movers[:, 0], movers[:, 1]]
    return Grid(result)


def keep_within_color_box(grid: Grid, color: Color) -> Grid:
    """Keep only the cells inside the bounding box of a colour's cells, on the background 0."""
    rows, cols = np.nonzero(grid.array == color)
    if not rows.size:
        raise ValueError("the colour is absent")
    result = np.zeros_like(grid.array)
    box = (slice(rows.min(), rows.max() + 1), slice(cols.min(), cols.max() + 1))
    result[box] = grid.array[box]
    return Grid(result)


def crop_to_most_color_object(grid: Grid, color: Color) -> Grid:
    """Crop the grid to the one object with the most cells of a colour."""
    objs = diagonal_multicolor_components(grid)
    counts = [int((o.patch.array == color).sum()) for o in objs]
    if not counts or max(counts) == 0 or counts.count(max(counts)) > 1:
        raise ValueError("no single object has the most cells of the colour")
    return object_subgrid(objs[counts.index(max(counts))], grid)


_SYMMETRIES = (
    is_symmetric_lr,
    is_symmetric_ud,
    is_symmetric_diagonal,
    is_symmetric_antidiagonal,
    is_symmetric_rotational,
)


def asymmetric_grid(grids: Grids) -> Grid:
    """Take the one grid lacking a mirror symmetry that all the others have."""
    odd = set()
    for symmetric in _SYMMETRIES:
        lacking = [i for i, g in enumerate(grids) if not symmetric(g)]
        if len(lacking) == 1:
            odd.add(lacking[0])
    if len(grids) < 3 or len(odd) != 1:
        raise ValueError("no single grid lacks a symmetry the others have")
    return grids[odd.pop()]
