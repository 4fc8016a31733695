"""Drawing primitives: boxes and insides filled, colours ringed, facing objects joined, runs
and blocks continued across the grid, and rays shot from the cell that marks an object."""

from __future__ import annotations

import numpy as np

from .grid import Color, Grid
from .objects import diagonal_components, diagonal_multicolor_components

__all__ = [
    "fill_object_boxes",
    "join_objects",
    "join_objects_horizontal",
    "join_objects_vertical",
    "fill_empty_lines",
    "ring_color",
    "recolor_inside",
    "continue_runs",
    "tile_from_box",
    "shoot_from_odd_cells",
]

_BACKGROUND = 0


def _paint(grid: Grid, where: np.ndarray, color: Color | np.ndarray) -> Grid:
    """The grid with the background cells under `where` painted."""
    return Grid(np.where(where & (grid.array == _BACKGROUND), np.int8(color), grid.array))


def _joins_across(arr: np.ndarray) -> np.ndarray:
    """The bands joining each two single-colour objects of one colour that share rows, side by
    side, where no cell of their colour lies between them in those rows (0 elsewhere)."""
    bands = np.zeros_like(arr)
    boxes = [
        (o.row, o.row + o.patch.height, o.col, o.col + o.patch.width, o.colors[0])
        for o in diagonal_components(Grid(arr))
    ]
    for top, bottom, _, right, color in boxes:
        for b_top, b_bottom, b_left, _, b_color in boxes:
            first, last = max(top, b_top), min(bottom, b_bottom)
            if b_color != color or b_left <= right or first >= last:
                continue
            between = arr[first:last, right:b_left]
            if not (between == color).any():
                band = bands[first:last, right:b_left]
                band[band == _BACKGROUND] = color
    return bands


def _joined(grid: Grid, across: bool, down: bool) -> Grid:
    arr = grid.array
    bands = _joins_across(arr) if across else np.zeros_like(arr)
    if down:
        bands = np.where(bands, bands, _joins_across(arr.T).T)
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
    """For each row, its runs of two or more cells repeated along the whole row (0 where no
    run reaches; the leftmost run wins)."""
    out = np.zeros_like(arr)
    width = arr.shape[1]
    for row, cells in enumerate(arr):
        filled = np.concatenate(([False], cells != _BACKGROUND, [False]))
        edges = np.flatnonzero(filled[1:] != filled[:-1])
        for start, stop in zip(edges[::-1][1::2], edges[::-1][::2], strict=True):
            if stop - start >= 2:
                out[row] = cells[start + (np.arange(width) - start) % (stop - start)]
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
    return _joined(grid, True, True)


def join_objects_horizontal(grid: Grid) -> Grid:
    """Join same-coloured objects facing each other across a row with bands of their colour."""
    return _joined(grid, True, False)


def join_objects_vertical(grid: Grid) -> Grid:
    """Join same-coloured objects facing each other across a column with bands of their colour."""
    return _joined(grid, False, True)


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
    out = grid.array.copy()
    h, w = out.shape
    for obj in diagonal_multicolor_components(grid):
        if len(obj.colors) < 2:
            continue
        values = obj.patch.array[obj.mask]
        colors, counts = np.unique(values, return_counts=True)
        odd = colors[counts.argmin()]
        cells = np.array(obj.cells)
        centre = cells.mean(axis=0)
        for row, col in cells[values == odd]:
            dr, dc = np.sign(np.round(centre - (row, col)).astype(int))
            if not (dr or dc):
                continue
            row, col = row + dr, col + dc
            while 0 <= row < h and 0 <= col < w:
                if out[row, col] == _BACKGROUND:
                    out[row, col] = odd
                row, col = row + dr, col + dc
    return Grid(out)
