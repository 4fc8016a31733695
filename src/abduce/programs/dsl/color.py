"""Colour primitives: recolouring, colour filters, colour statistics and colour queries."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .grid import Color, Grid, Integer

__all__ = [
    "recolor",
    "swap_colors",
    "keep_color",
    "remove_color",
    "paint_foreground",
    "fill_background",
    "recolor_touching",
    "invert_colors",
    "rank_colors",
    "fill_with_most_common_color",
    "keep_row_majority",
    "keep_column_majority",
    "most_common_color",
    "second_most_common_color",
    "least_common_color",
    "background_color",
    "most_common_foreground",
    "least_common_foreground",
    "largest_region_color",
    "smallest_region_color",
    "top_left_color",
    "top_right_color",
    "bottom_left_color",
    "bottom_right_color",
    "count_colors",
    "count_color",
    "count_foreground",
    "has_color",
]


@lru_cache(maxsize=4096)
def _counts(grid: Grid) -> np.ndarray:
    """How many cells of each colour 0-9 the grid has (read-only)."""
    return _histogram(grid.array.ravel())


def _histogram(cells: np.ndarray) -> np.ndarray:
    counts = np.bincount(cells[cells >= 0], minlength=10)
    counts.setflags(write=False)
    return counts


def _by_frequency(counts: np.ndarray) -> np.ndarray:
    """The present colours, most common first, lower colour first on a tie."""
    order = np.argsort(-counts, kind="stable")
    return order[counts[order] > 0]


def _most(counts: np.ndarray) -> Color:
    if not counts.any():
        raise ValueError("no cells to count")
    return Color(int(counts.argmax()))


def _least(counts: np.ndarray) -> Color:
    if not counts.any():
        raise ValueError("no cells to count")
    return Color(int(np.where(counts > 0, counts, np.iinfo(np.int64).max).argmin()))


def _foreground(counts: np.ndarray) -> np.ndarray:
    counts = counts.copy()
    counts[0] = 0
    return counts


def recolor(grid: Grid, source: Color, target: Color) -> Grid:
    """Recolour every cell of the source colour to the target colour."""
    return Grid(np.where(grid.array == source, target, grid.array))


def swap_colors(grid: Grid, first: Color, second: Color) -> Grid:
    """Swap two colours everywhere in the grid."""
    a = grid.array
    return Grid(np.where(a == first, second, np.where(a == second, first, a)))


def keep_color(grid: Grid, color: Color) -> Grid:
    """Keep only the cells of the given colour, on the background 0."""
    return Grid(np.where(grid.array == color, grid.array, 0))


def remove_color(grid: Grid, color: Color) -> Grid:
    """Turn every cell of the given colour into background 0."""
    return Grid(np.where(grid.array == color, 0, grid.array))


def paint_foreground(grid: Grid, color: Color) -> Grid:
    """Paint every cell other than the background 0 with the given colour."""
    return Grid(np.where(grid.array > 0, color, grid.array))


def fill_background(grid: Grid, color: Color) -> Grid:
    """Paint every background 0 cell with the given colour."""
    return Grid(np.where(grid.array == 0, color, grid.array))


def recolor_touching(grid: Grid, color: Color, other: Color, target: Color) -> Grid:
    """Recolour to the target colour each cell of the given colour beside a cell of the other."""
    a = grid.array
    other_cells = a == other
    beside = np.zeros_like(other_cells)
    beside[1:] |= other_cells[:-1]
    beside[:-1] |= other_cells[1:]
    beside[:, 1:] |= other_cells[:, :-1]
    beside[:, :-1] |= other_cells[:, 1:]
    return Grid(np.where((a == color) & beside, target, a))


def invert_colors(grid: Grid) -> Grid:
    """Swap the two colours of a grid that has exactly two."""
    present = np.flatnonzero(_counts(grid))
    if present.size != 2:
        raise ValueError("the grid does not have exactly two colours")
    return swap_colors(grid, Color(int(present[0])), Color(int(present[1])))


def rank_colors(grid: Grid) -> Grid:
    """Recolour by frequency: the most common colour becomes 0, the next 1, and so on."""
    table = np.zeros(10, dtype=np.int8)
    order = _by_frequency(_counts(grid))
    table[order] = np.arange(order.size)
    return Grid(table[grid.array])


def fill_with_most_common_color(grid: Grid) -> Grid:
    """Paint the whole grid with its most common colour."""
    return Grid(np.full(grid.shape, most_common_color(grid), dtype=np.int8))


def _keep_majority(array: np.ndarray) -> np.ndarray:
    """Keep the cells holding their row's most common colour (the lower on a tie), others 0."""
    rows = array.shape[0]
    keys = (np.arange(rows)[:, None] * 10 + array).ravel()
    per_row = np.bincount(keys, minlength=rows * 10).reshape(rows, 10)
    return np.where(array == per_row.argmax(axis=1)[:, None], array, 0)


def keep_row_majority(grid: Grid) -> Grid:
    """Keep the cells that have their row's most common colour, on the background 0."""
    return Grid(_keep_majority(grid.array))


def keep_column_majority(grid: Grid) -> Grid:
    """Keep the cells that have their column's most common colour, on the background 0."""
    return Grid(_keep_majority(grid.array.T).T)


def most_common_color(grid: Grid) -> Color:
    """Find the grid's most common colour, the lowest on a tie."""
    return _most(_counts(grid))


def second_most_common_color(grid: Grid) -> Color:
    """Find the grid's second most common colour, the lowest on a tie."""
    order = _by_frequency(_counts(grid))
    if order.size < 2:
        raise ValueError("the grid has only one colour")
    return Color(int(order[1]))


def least_common_color(grid: Grid) -> Color:
    """Find the grid's least common colour, the lowest on a tie."""
    return _least(_counts(grid))


def background_color(grid: Grid) -> Color:
    """Find the background colour: the most common colour along the grid's edge."""
    a = grid.array
    edge = np.concatenate([a[0], a[-1], a[1:-1, 0], a[1:-1, -1]])
    return _most(_histogram(edge))


def most_common_foreground(grid: Grid) -> Color:
    """Find the most common colour other than the background 0, the lowest on a tie."""
    return _most(_foreground(_counts(grid)))


def least_common_foreground(grid: Grid) -> Color:
    """Find the least common colour other than the background 0, the lowest on a tie."""
    return _least(_foreground(_counts(grid)))


@lru_cache(maxsize=1024)
def _regions(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """Sizes and colours of the side-joined one-colour regions off the background 0, in reading
    order of their first cells: row runs are labelled at once, then joined where they touch."""
    a = grid.array
    foreground = a > 0
    starts = foreground.copy()
    starts[:, 1:] &= a[:, 1:] != a[:, :-1]
    run = np.cumsum(starts).reshape(a.shape) - 1  # run of each foreground cell, reading order
    count = int(run[-1, -1]) + 1
    down = foreground[:-1] & (a[:-1] == a[1:])
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in np.unique(run[:-1][down] * count + run[1:][down]).tolist():
        upper, lower = find(pair // count), find(pair % count)
        parent[max(upper, lower)] = min(upper, lower)
    roots = np.array([find(i) for i in range(count)], dtype=np.intp)
    lengths = np.bincount(run[foreground], minlength=count)
    sizes = np.bincount(roots, weights=lengths, minlength=count).astype(np.intp)
    first = roots == np.arange(count)
    sizes, colors = sizes[first], a[starts][first]
    sizes.setflags(write=False)
    colors.setflags(write=False)
    return sizes, colors


def largest_region_color(grid: Grid) -> Color:
    """Find the colour of the largest side-joined one-colour region off the background 0."""
    sizes, colors = _regions(grid)
    if not sizes.size:
        raise ValueError("the grid is all background")
    return Color(int(colors[sizes.argmax()]))


def smallest_region_color(grid: Grid) -> Color:
    """Find the colour of the smallest side-joined one-colour region off the background 0."""
    sizes, colors = _regions(grid)
    if not sizes.size:
        raise ValueError("the grid is all background")
    return Color(int(colors[sizes.argmin()]))


def top_left_color(grid: Grid) -> Color:
    """Find the colour of the top-left cell."""
    return Color(int(grid.array[0, 0]))


def top_right_color(grid: Grid) -> Color:
    """Find the colour of the top-right cell."""
    return Color(int(grid.array[0, -1]))


def bottom_left_color(grid: Grid) -> Color:
    """Find the colour of the bottom-left cell."""
    return Color(int(grid.array[-1, 0]))


def bottom_right_color(grid: Grid) -> Color:
    """Find the colour of the bottom-right cell."""
    return Color(int(grid.array[-1, -1]))


def count_colors(grid: Grid) -> Integer:
    """Count the distinct colours in the grid, background included."""
    return Integer(int(np.count_nonzero(_counts(grid))))


def count_color(grid: Grid, color: Color) -> Integer:
    """Count the cells of the given colour."""
    return Integer(int(np.count_nonzero(grid.array == color)))


def count_foreground(grid: Grid) -> Integer:
    """Count the cells other than the background 0."""
    return Integer(int(np.count_nonzero(grid.array > 0)))


def has_color(grid: Grid, color: Color) -> bool:
    """Tell whether any cell has the given colour."""
    return bool((grid.array == color).any())
