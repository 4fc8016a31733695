"""Pattern primitives: symmetries and repeating patterns detected, completed and extended, and
counts drawn as grids."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np

from .grid import CellArray, Color, Grid, Integer
from .objects import diagonal_components, object_color

__all__ = [
    "is_symmetric_lr",
    "is_symmetric_ud",
    "is_symmetric_diagonal",
    "is_symmetric_antidiagonal",
    "is_symmetric_rotational",
    "complete_symmetry",
    "symmetry_patch",
    "horizontal_period",
    "vertical_period",
    "pattern_tile",
    "complete_pattern",
    "pattern_patch",
    "extend_pattern",
    "extend_pattern_by",
    "color_count_bar",
    "color_count_square",
    "object_count_bar",
    "object_count_square",
    "color_histogram",
    "colors_by_frequency",
]

_MAX_SIDE = 30  # the largest ARC grid side
_NO_NOISE = -1  # never a cell's colour: every cell is known
_UNKNOWN = -1
_Maps = tuple[np.ndarray, np.ndarray]  # (k, h * w) flat index of each cell's mirror, valid


def _stack(sources: list[tuple[np.ndarray, np.ndarray]], h: int, w: int) -> _Maps:
    rows = np.stack([r for r, _ in sources]).reshape(len(sources), -1)
    cols = np.stack([c for _, c in sources]).reshape(len(sources), -1)
    valid = (rows >= 0) & (rows < h) & (cols >= 0) & (cols < w)
    return np.where(valid, rows * w + cols, 0), valid


def _around(centre: int, reach: int) -> list[int]:
    return sorted(range(centre - reach, centre + reach + 1), key=lambda s: (abs(s - centre), s))


@lru_cache(maxsize=64)
def _mirror_families(h: int, w: int) -> tuple[_Maps, ...]:
    """For each kind of symmetry, the candidate maps from a cell to its mirror cell, the grid's
    own axes first, then axes shifted a little off centre (a pattern cut off at an edge)."""
    r, c = np.indices((h, w))
    families = [
        [(r, s - c) for s in _around(w - 1, max(2, w // 8))],  # left-right
        [(s - r, c) for s in _around(h - 1, max(2, h // 8))],  # up-down
        [(c - d, r + d) for d in _around(0, 2)],  # the main diagonal, shifted by d
        [(s - c, s - r) for s in _around((h + w) // 2 - 1, 2)],  # the anti-diagonal
        [(sr - r, sc - c) for sr in _around(h - 1, 1) for sc in _around(w - 1, 1)],  # half turn
    ]
    if h == w:
        families.append([(h - 1 - c, r)])  # quarter turn
    return tuple(_stack(family, h, w) for family in families)


@lru_cache(maxsize=1024)
def _symmetries(grid: Grid, noise: int) -> tuple[_Maps, ...]:
    """The mirror maps the cells other than the noise colour agree with: per kind of
    symmetry, the candidate with no disagreement and the most agreeing cells, if those are at
    least half of the known cells."""
    flat = grid.array.ravel()
    known = flat != noise
    chosen = []
    for index, valid in _mirror_families(*grid.shape):
        both = valid & known & known[index]
        agree = both.sum(axis=1)
        agree[(both & (flat[index] != flat)).any(axis=1)] = -1
        best = int(agree.argmax())
        if agree[best] > 0 and 2 * agree[best] >= known.sum():
            chosen.append((index[best], valid[best]))
    return tuple(chosen)


@lru_cache(maxsize=1024)
def _completed_symmetry(grid: Grid, noise: int) -> Grid:
    out = grid.array.ravel().copy()
    if not (out == noise).any():
        raise ValueError("no cell has the noise colour")
    maps = _symmetries(grid, noise)
    if not maps:
        raise ValueError("no symmetry")
    changed = True
    while changed:  # each round fills at least one noise cell, so this ends
        changed = False
        for index, valid in maps:
            mirrored = out[index]
            fill = (out == noise) & valid & (mirrored != noise)
            if fill.any():
                out[fill] = mirrored[fill]
                changed = True
    return Grid(out.reshape(grid.shape))


def _noise_box(grid: Grid, noise: int) -> tuple[slice, slice]:
    rows, cols = np.nonzero(grid.array == noise)
    if rows.size == 0:
        raise ValueError("no cell has the noise colour")
    return slice(rows.min(), rows.max() + 1), slice(cols.min(), cols.max() + 1)


def _row_period(arr: CellArray, known: np.ndarray) -> int:
    """The smallest p, at most half the width, with every row's known cells p apart equal;
    the width when there is none."""
    h, w = arr.shape
    for p in range(1, w // 2 + 1):
        both = known[:, p:] & known[:, :-p]
        if (both & (arr[:, p:] != arr[:, :-p])).any():
            continue  # cells p apart differ: a quick refusal before comparing whole classes
        span = -(-w // p) * p
        high = np.full((h, span), _UNKNOWN)
        low = np.full((h, span), 10)
        high[:, :w] = np.where(known, arr, _UNKNOWN)
        low[:, :w] = np.where(known, arr, 10)
        high = high.reshape(h, -1, p).max(axis=1)
        low = low.reshape(h, -1, p).min(axis=1)
        if ((high == _UNKNOWN) | (high == low)).all():
            return p
    return w


@lru_cache(maxsize=1024)
def _periods(grid: Grid, noise: int) -> tuple[int, int]:
    """The vertical and horizontal periods of the cells other than the noise colour."""
    arr = grid.array
    known = arr != noise
    return _row_period(arr.T, known.T), _row_period(arr, known)


@lru_cache(maxsize=1024)
def _tile(grid: Grid, noise: int) -> np.ndarray:
    """The repeating tile, _UNKNOWN where only noise covers a tile cell."""
    arr = grid.array
    ph, pw = _periods(grid, noise)
    h, w = arr.shape
    high: np.ndarray = np.full((-(-h // ph) * ph, -(-w // pw) * pw), _UNKNOWN)
    low: np.ndarray = np.full(high.shape, 10)
    high[:h, :w] = np.where(arr != noise, arr, _UNKNOWN)
    low[:h, :w] = np.where(arr != noise, arr, 10)
    high = high.reshape(-1, ph, high.shape[1] // pw, pw).max(axis=(0, 2))
    low = low.reshape(-1, ph, low.shape[1] // pw, pw).min(axis=(0, 2))
    if ((high != _UNKNOWN) & (high != low)).any():
        raise ValueError("the rows and columns repeat, but not as one tile")
    return high


def _repeat(tile: np.ndarray, height: int, width: int) -> np.ndarray:
    reps = (-(-height // tile.shape[0]), -(-width // tile.shape[1]))
    return np.tile(tile, reps)[:height, :width]


@lru_cache(maxsize=1024)
def _completed_pattern(grid: Grid, noise: int) -> Grid:
    arr = grid.array
    if not (arr == noise).any():
        raise ValueError("no cell has the noise colour")
    if _periods(grid, noise) == arr.shape:
        raise ValueError("no repeating pattern")
    values = _repeat(_tile(grid, noise), *arr.shape)
    return Grid(np.where((arr == noise) & (values != _UNKNOWN), values, arr))


def _drawn_tile(grid: Grid) -> np.ndarray:
    ph, pw = _periods(grid, _NO_NOISE)
    return grid.array[:ph, :pw]


def _count_objects(grid: Grid, color: Color) -> int:
    """The number of groups of cells of the colour touching side by side or diagonally."""
    return sum(object_color(obj) == color for obj in diagonal_components(grid))


def _bar(count: int, color: Color, square: bool) -> Grid:
    if count == 0:
        raise ValueError("nothing to count")
    if count > _MAX_SIDE:
        raise ValueError("too many to draw")
    return Grid(np.full((count, count) if square else (1, count), color))


def _ranked_colors(grid: Grid) -> list[tuple[int, int]]:
    """(colour, count) of the non-background colours, most frequent first, ties by colour."""
    counts = Counter(grid.array[grid.array != 0].tolist())
    if not counts:
        raise ValueError("no non-background cells")
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def is_symmetric_lr(grid: Grid) -> bool:
    """Tell whether the grid reads the same flipped left to right."""
    return bool((grid.array == grid.array[:, ::-1]).all())


def is_symmetric_ud(grid: Grid) -> bool:
    """Tell whether the grid reads the same flipped upside down."""
    return bool((grid.array == grid.array[::-1]).all())


def is_symmetric_diagonal(grid: Grid) -> bool:
    """Tell whether the grid is square and mirrored in its main diagonal."""
    return grid.height == grid.width and bool((grid.array == grid.array.T).all())


def is_symmetric_antidiagonal(grid: Grid) -> bool:
    """Tell whether the grid is square and mirrored in its anti-diagonal."""
    arr = grid.array
    return grid.height == grid.width and bool((arr == arr[::-1, ::-1].T).all())


def is_symmetric_rotational(grid: Grid) -> bool:
    """Tell whether the grid reads the same turned half a turn."""
    return bool((grid.array == grid.array[::-1, ::-1]).all())


def complete_symmetry(grid: Grid, noise: Color) -> Grid:
    """Replace the cells of the noise colour by their mirror images under the grid's symmetries."""
    return _completed_symmetry(grid, noise)


def symmetry_patch(grid: Grid, noise: Color) -> Grid:
    """Cut out the area under the noise colour, filled in from the grid's symmetries."""
    rows, cols = _noise_box(grid, noise)
    return Grid(_completed_symmetry(grid, noise).array[rows, cols])


def horizontal_period(grid: Grid) -> Integer:
    """Count the columns after which every row repeats at least twice (else the width)."""
    return Integer(_periods(grid, _NO_NOISE)[1])


def vertical_period(grid: Grid) -> Integer:
    """Count the rows after which every column repeats at least twice (else the height)."""
    return Integer(_periods(grid, _NO_NOISE)[0])


def pattern_tile(grid: Grid) -> Grid:
    """Cut out the smallest tile that the grid repeats."""
    if _periods(grid, _NO_NOISE) == grid.shape:
        raise ValueError("no repeating pattern")
    return Grid(_drawn_tile(grid))


def complete_pattern(grid: Grid, noise: Color) -> Grid:
    """Replace the cells of the noise colour by what the grid's repeating pattern puts there."""
    return _completed_pattern(grid, noise)


def pattern_patch(grid: Grid, noise: Color) -> Grid:
    """Cut out the area under the noise colour, filled in from the grid's repeating pattern."""
    rows, cols = _noise_box(grid, noise)
    return Grid(_completed_pattern(grid, noise).array[rows, cols])


def extend_pattern(grid: Grid, height: Integer, width: Integer) -> Grid:
    """Continue the grid's repeating pattern to the given height and width."""
    if not (0 < height <= _MAX_SIDE and 0 < width <= _MAX_SIDE):
        raise ValueError("the size is out of range")
    return Grid(_repeat(_drawn_tile(grid), height, width))


def extend_pattern_by(grid: Grid, factor: Integer) -> Grid:
    """Continue the grid's repeating pattern to the given multiple of its height and width."""
    return extend_pattern(grid, Integer(grid.height * factor), Integer(grid.width * factor))


def color_count_bar(grid: Grid, color: Color) -> Grid:
    """Draw a one-row bar of the given colour with one cell per cell of that colour."""
    return _bar(int((grid.array == color).sum()), color, square=False)


def color_count_square(grid: Grid, color: Color) -> Grid:
    """Draw a square of the given colour as wide as the number of cells of that colour."""
    return _bar(int((grid.array == color).sum()), color, square=True)


def object_count_bar(grid: Grid, color: Color) -> Grid:
    """Draw a one-row bar of the given colour with one cell per object of that colour."""
    return _bar(_count_objects(grid, color), color, square=False)


def object_count_square(grid: Grid, color: Color) -> Grid:
    """Draw a square of the given colour as wide as the number of objects of that colour."""
    return _bar(_count_objects(grid, color), color, square=True)


def color_histogram(grid: Grid) -> Grid:
    """Draw a bar chart of the non-background colours, one bottom-up column each, most first."""
    ranked = _ranked_colors(grid)
    height = ranked[0][1]
    if height > _MAX_SIDE:
        raise ValueError("too many cells to draw")
    out = np.zeros((height, len(ranked)), np.int8)
    for column, (color, count) in enumerate(ranked):
        out[height - count :, column] = color
    return Grid(out)


def colors_by_frequency(grid: Grid) -> Grid:
    """List the non-background colours in one row, most frequent first."""
    return Grid([[color for color, _ in _ranked_colors(grid)]])
