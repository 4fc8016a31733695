"""Drawing primitives: boxes and insides filled, colours ringed, facing objects joined, runs
and blocks continued across the grid, and rays shot from the cell that marks an object."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .grid import Color, Grid
from .objects import diagonal_components, diagonal_multicolor_components
from .physics import _STEPS, _along, _back, _paint

__all__ = [
    "fill_object_boxes",
    "join_objects",
    "join_objects_horizontal",
    "fill_empty_lines",
    "ring_color",
    "recolor_inside",
    "continue_runs",
    "tile_from_box",
    "shoot_from_odd_cells",
    "elbow_paths",
]

_BACKGROUND = 0


def _joins_across(arr: np.ndarray) -> np.ndarray:
    """The bands joining each two single-colour objects of one colour that share rows, side by
    side, where no cell of their colour lies between them in those rows (0 elsewhere)."""
    bands = np.zeros_like(arr)
    objs = diagonal_components(Grid(arr))
    if not objs:
        return bands
    top, left, height, width, color = np.array(
        [(o.row, o.col, *o.patch.shape, o.patch.array.max()) for o in objs]
    ).T
    bottom, right = top + height, left + width
    first = np.maximum.outer(top, top)
    last = np.minimum.outer(bottom, bottom)
    pairs = (color[:, None] == color) & (left > right[:, None]) & (first < last)
    i, j = np.nonzero(pairs)
    colors, tops, bottoms = color[i], first[i, j], last[i, j]
    starts, stops = right[i], left[j]
    counts = np.zeros((10, arr.shape[0] + 1, arr.shape[1] + 1), dtype=np.int64)
    counts[:, 1:, 1:] = (arr == np.arange(10)[:, None, None]).cumsum(1).cumsum(2)
    between = (
        counts[colors, bottoms, stops]
        - counts[colors, tops, stops]
        - counts[colors, bottoms, starts]
        + counts[colors, tops, starts]
    )
    for k in np.flatnonzero(between == 0):
        band = bands[tops[k] : bottoms[k], starts[k] : stops[k]]
        band[band == _BACKGROUND] = colors[k]
    return bands


@lru_cache(maxsize=4096)
def _bands_across(grid: Grid) -> np.ndarray:
    """`_joins_across` of a grid, read-only and remembered: both joins ask for it."""
    bands = _joins_across(grid.array)
    bands.setflags(write=False)
    return bands


def _joined(grid: Grid, down: bool) -> Grid:
    """The grid with the bands across rows (and, if `down`, down columns) over its background."""
    bands = _bands_across(grid)
    if down:
        bands = np.where(bands, bands, _joins_across(grid.array.T).T)
    return _paint(grid, bands != _BACKGROUND, bands)


def _neighbours(mask: np.ndarray) -> np.ndarray:
    """The cells next to a marked cell, corners included (the marked cells too)."""
    padded = np.pad(mask, 1)
    h, w = mask.shape
    near = np.zeros_like(mask)
    for dr in range(3):
        for dc in range(3):
            near |= padded[dr : dr + h, dc : dc + w]
    return near


def _continued(arr: np.ndarray) -> np.ndarray:
    """For each row, its leftmost run of two or more cells repeated along the whole row (0 in
    the rows without one)."""
    h, w = arr.shape
    filled = arr != _BACKGROUND
    columns = np.arange(w)
    gaps = np.where(filled, w, columns)
    run_end = np.minimum.accumulate(gaps[:, ::-1], axis=1)[:, ::-1]  # the next empty column
    starts = filled & ~np.pad(filled, ((0, 0), (1, 0)))[:, :w] & (run_end - columns >= 2)
    rows = np.flatnonzero(starts.any(axis=1))
    out = np.zeros_like(arr)
    start = starts[rows].argmax(axis=1)[:, None]
    length = run_end[rows, start[:, 0]][:, None] - start
    out[rows] = np.take_along_axis(arr[rows], start + (columns - start) % length, axis=1)
    return out


def fill_object_boxes(grid: Grid, color: Color) -> Grid:
    """Fill the background 0 inside each object's bounding box with a colour."""
    inside = np.zeros(grid.shape, dtype=bool)
    for obj in diagonal_multicolor_components(grid):
        height, width = obj.patch.shape
        inside[obj.row : obj.row + height, obj.col : obj.col + width] = True
    return _paint(grid, inside, color)


def join_objects(grid: Grid) -> Grid:
    """Join same-coloured objects facing each other in a row or column with bands of that colour."""
    return _joined(grid, True)


def join_objects_horizontal(grid: Grid) -> Grid:
    """Join same-coloured objects facing each other in a row with bands of that colour."""
    return _joined(grid, False)


def fill_empty_lines(grid: Grid, color: Color) -> Grid:
    """Paint every row and column that is all background 0 with a colour."""
    empty = grid.array == _BACKGROUND
    return _paint(grid, empty.all(axis=1, keepdims=True) | empty.all(axis=0, keepdims=True), color)


def ring_color(grid: Grid, color: Color, ring: Color) -> Grid:
    """Ring every cell of the first colour with the second, corners included, over background."""
    return _paint(grid, _neighbours(grid.array == color), ring)


def recolor_inside(grid: Grid, color: Color) -> Grid:
    """Recolour the inside of every shape, the cells whose eight neighbours share their colour."""
    arr = grid.array
    padded = np.pad(arr, 1, constant_values=-1)
    h, w = arr.shape
    inside = arr != _BACKGROUND
    for dr in range(3):
        for dc in range(3):
            inside &= padded[dr : dr + h, dc : dc + w] == arr
    return Grid(np.where(inside, np.int8(color), arr))


def continue_runs(grid: Grid) -> Grid:
    """Repeat every run of two or more cells along its whole row or column, over background."""
    arr = grid.array
    across, down = _continued(arr), _continued(arr.T).T
    return _paint(grid, (across | down) != _BACKGROUND, np.where(across, across, down))


def tile_from_box(grid: Grid) -> Grid:
    """Repeat the block bounding the non-background cells across the whole grid, in step."""
    arr = grid.array
    rows, cols = np.nonzero(arr != _BACKGROUND)
    if not len(rows):
        raise ValueError("no cells to repeat")
    top, left = rows.min(), cols.min()
    block = arr[top : rows.max() + 1, left : cols.max() + 1]
    row_index = (np.arange(grid.height) - top) % block.shape[0]
    col_index = (np.arange(grid.width) - left) % block.shape[1]
    return Grid(block[np.ix_(row_index, col_index)])


def shoot_from_odd_cells(grid: Grid) -> Grid:
    """Shoot a ray from each object's rarest-coloured cell through the object to the edge."""
    sources = np.zeros((len(_STEPS), *grid.shape), dtype=np.int8)
    for obj in diagonal_multicolor_components(grid):
        if len(obj.colors) < 2:
            continue
        values = obj.patch.array[obj.mask]
        colors, counts = np.unique(values, return_counts=True)
        odd = colors[counts.argmin()]
        cells = np.array(obj.cells)
        centre = cells.mean(axis=0)
        for row, col in cells[values == odd]:
            step = tuple(np.sign(np.round(centre - (row, col))).astype(int))
            if step != (0, 0):
                sources[_STEPS.index(step), row, col] = odd
    rays = np.zeros(grid.shape, dtype=np.int8)
    for step, marks in zip(_STEPS, sources, strict=True):
        if marks.any():
            lines = _along(marks, step, 0)
            last = np.maximum.accumulate(np.where(lines != 0, np.arange(lines.shape[1]), 0), axis=1)
            lit = _back(np.take_along_axis(lines, last, axis=1), step, grid.shape)
            rays = np.where(rays != 0, rays, lit)
    return _paint(grid, rays != 0, rays)


def elbow_paths(grid: Grid, color: Color, path: Color) -> Grid:
    """Draw paths of the second colour from each cell of the first along its row to the others."""
    arr = grid.array
    sources = arr == color
    targets = (arr != _BACKGROUND) & ~sources
    if not sources.any() or not targets.any():
        raise ValueError("no cells to join")
    target_rows, target_cols = np.nonzero(targets)
    source_rows = np.flatnonzero(sources.any(axis=1))
    lines = np.zeros(arr.shape, dtype=bool)
    for row in source_rows:  # along each source's row to every target's column
        cols = np.concatenate((np.flatnonzero(sources[row]), target_cols))
        lines[row, cols.min() : cols.max() + 1] = True
    for col in np.unique(target_cols):  # then along that column to the targets in it
        rows = np.concatenate((source_rows, target_rows[target_cols == col]))
        lines[rows.min() : rows.max() + 1, col] = True
    return _paint(grid, lines, path)
