"""Split primitives: cut a grid into blocks, pick one of several grids, and join grids back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from functools import lru_cache

import numpy as np

from .grid import Color, Grid, Grids, Integer

__all__ = [
    "split_by_lines",
    "split_by_color",
    "hsplit",
    "vsplit",
    "split_blocks",
    "first_grid",
    "last_grid",
    "largest_grid",
    "smallest_grid",
    "most_colored_grid",
    "least_colored_grid",
    "unique_grid",
    "odd_shape_grid",
    "odd_colors_grid",
    "most_common_grid",
    "hconcat_all",
    "vconcat_all",
    "overlay_all",
    "summarize_blocks",
    "summarize_blocks_by_color",
    "remove_separators",
]

_Mask = np.ndarray  # one bool per row or per column: is it a separator line


def _lines_of(arr: np.ndarray, color: int) -> tuple[_Mask, _Mask]:
    """Full rows and full columns of the colour (a line must be at least two cells long)."""
    is_color = arr == color
    h, w = arr.shape
    return is_color.all(axis=1) & (w > 1), is_color.all(axis=0) & (h > 1)


def _uniform(arr: np.ndarray) -> _Mask:
    uniform: _Mask = (arr == arr[:, :1]).all(axis=1) & (arr.shape[1] > 1)
    return uniform


@lru_cache(maxsize=4096)
def _separators(grid: Grid) -> tuple[_Mask, _Mask]:
    """Separator rows and columns: full lines of the one non-background colour that forms the
    most of them (ties: the lower colour)."""
    arr = grid.array
    colors = [*arr[_uniform(arr), 0].tolist(), *arr[0, _uniform(arr.T)].tolist()]
    counts = Counter(c for c in colors if c != 0)
    if not counts:
        return np.zeros(arr.shape[0], bool), np.zeros(arr.shape[1], bool)
    return _lines_of(arr, min(counts, key=lambda c: (-counts[c], c)))


def _bands(separators: _Mask) -> list[tuple[int, int]]:
    """The (start, stop) spans between separator lines, empty spans dropped."""
    bands, start = [], None
    for i, is_line in enumerate([*separators.tolist(), True]):
        if not is_line and start is None:
            start = i
        elif is_line and start is not None:
            bands.append((start, i))
            start = None
    return bands


def _layout(rows: _Mask, cols: _Mask) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    if not rows.any() and not cols.any():
        raise ValueError("no separator lines")
    row_bands, col_bands = _bands(rows), _bands(cols)
    if not row_bands or not col_bands:
        raise ValueError("nothing between the separator lines")
    return row_bands, col_bands


def _cut(grid: Grid, rows: _Mask, cols: _Mask) -> Grids:
    row_bands, col_bands = _layout(rows, cols)
    arr = grid.array
    return tuple(Grid(arr[r0:r1, c0:c1]) for r0, r1 in row_bands for c0, c1 in col_bands)


def _nonempty(grids: Grids) -> Grids:
    if not grids:
        raise ValueError("no grids")
    return grids


def _only_unique(grids: Grids, keys: list[Hashable]) -> Grid:
    counts = Counter(keys)
    unique = [g for g, k in zip(grids, keys, strict=True) if counts[k] == 1]
    if len(unique) != 1:
        raise ValueError("no single odd one out")
    return unique[0]


def _same_shapes(grids: Grids) -> Grids:
    if len({g.shape for g in _nonempty(grids)}) != 1:
        raise ValueError("the grids differ in shape")
    return grids


def split_by_lines(grid: Grid) -> Grids:
    """Cut the grid into the blocks between its separator lines, in reading order."""
    return _cut(grid, *_separators(grid))


def split_by_color(grid: Grid, color: Color) -> Grids:
    """Cut the grid into the blocks between its full lines of the given colour."""
    return _cut(grid, *_lines_of(grid.array, color))


def hsplit(grid: Grid, n: Integer) -> Grids:
    """Cut the grid into n equal blocks side by side, left to right."""
    if n < 1 or grid.width % n:
        raise ValueError("the width is not a multiple of n")
    return tuple(Grid(part) for part in np.hsplit(grid.array, n))


def vsplit(grid: Grid, n: Integer) -> Grids:
    """Cut the grid into n equal blocks stacked top to bottom."""
    if n < 1 or grid.height % n:
        raise ValueError("the height is not a multiple of n")
    return tuple(Grid(part) for part in np.vsplit(grid.array, n))


def split_blocks(grid: Grid, rows: Integer, cols: Integer) -> Grids:
    """Cut the grid into an equal rows-by-columns array of blocks, in reading order."""
    return tuple(block for band in vsplit(grid, rows) for block in hsplit(band, cols))


def first_grid(grids: Grids) -> Grid:
    """Take the first grid."""
    return _nonempty(grids)[0]


def last_grid(grids: Grids) -> Grid:
    """Take the last grid."""
    return _nonempty(grids)[-1]


def largest_grid(grids: Grids) -> Grid:
    """Take the grid with the largest area (the first on ties)."""
    return max(_nonempty(grids), key=lambda g: g.height * g.width)


def smallest_grid(grids: Grids) -> Grid:
    """Take the grid with the smallest area (the first on ties)."""
    return min(_nonempty(grids), key=lambda g: g.height * g.width)


def most_colored_grid(grids: Grids) -> Grid:
    """Take the grid with the most non-background cells (the first on ties)."""
    return max(_nonempty(grids), key=lambda g: int(np.count_nonzero(g.array)))


def least_colored_grid(grids: Grids) -> Grid:
    """Take the grid with the fewest non-background cells (the first on ties)."""
    return min(_nonempty(grids), key=lambda g: int(np.count_nonzero(g.array)))


def unique_grid(grids: Grids) -> Grid:
    """Take the one grid that differs from all the others."""
    return _only_unique(grids, list(grids))


def odd_shape_grid(grids: Grids) -> Grid:
    """Take the one grid whose pattern of non-background cells differs from all the others."""
    return _only_unique(grids, [(g.shape, (g.array != 0).tobytes()) for g in grids])


def odd_colors_grid(grids: Grids) -> Grid:
    """Take the one grid whose set of non-background colours differs from all the others."""
    return _only_unique(grids, [frozenset(np.unique(g.array).tolist()) - {0} for g in grids])


def most_common_grid(grids: Grids) -> Grid:
    """Take the grid that occurs most often (the earliest on ties)."""
    counts = Counter(_nonempty(grids))
    best = max(counts.values())
    if best == 1 and len(grids) > 1:
        raise ValueError("every grid occurs once")
    return next(g for g in grids if counts[g] == best)


def hconcat_all(grids: Grids) -> Grid:
    """Join all the grids side by side, left to right."""
    if len({g.height for g in _nonempty(grids)}) != 1:
        raise ValueError("the grids differ in height")
    return Grid(np.hstack([g.array for g in grids]))


def vconcat_all(grids: Grids) -> Grid:
    """Stack all the grids top to bottom."""
    if len({g.width for g in _nonempty(grids)}) != 1:
        raise ValueError("the grids differ in width")
    return Grid(np.vstack([g.array for g in grids]))


def overlay_all(grids: Grids) -> Grid:
    """Lay all the grids over each other, earlier grids' non-background cells on top."""
    out = _same_shapes(grids)[-1].array
    for g in reversed(grids[:-1]):
        out = np.where(g.array != 0, g.array, out)
    return Grid(out)


def _summary(grid: Grid, rows: _Mask, cols: _Mask) -> Grid:
    row_bands, col_bands = _layout(rows, cols)
    arr = grid.array
    out = np.zeros((len(row_bands), len(col_bands)), np.int8)
    for i, (r0, r1) in enumerate(row_bands):
        for j, (c0, c1) in enumerate(col_bands):
            counts = np.bincount(arr[r0:r1, c0:c1].ravel(), minlength=10)
            counts[0] = 0
            out[i, j] = counts.argmax()
    return Grid(out)


def summarize_blocks(grid: Grid) -> Grid:
    """Shrink each block between separator lines to one cell of its main non-background colour."""
    return _summary(grid, *_separators(grid))


def summarize_blocks_by_color(grid: Grid, color: Color) -> Grid:
    """Shrink each block between full lines of the given colour to one cell of its main colour."""
    return _summary(grid, *_lines_of(grid.array, color))


def remove_separators(grid: Grid) -> Grid:
    """Delete the separator lines, joining the blocks between them."""
    rows, cols = _separators(grid)
    _layout(rows, cols)
    return Grid(grid.array[np.ix_(~rows, ~cols)])
