"""Mask primitives: overlay grids and combine them cell by cell, whole or as two halves."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .grid import Color, Grid

__all__ = [
    "overlay",
    "mask_and",
    "mask_or",
    "mask_xor",
    "mask_nor",
    "mask_left_only",
    "common_cells",
    "mark_differences",
    "paint_where",
    "invert_mask",
    "halves_overlay",
    "halves_overlay_reversed",
    "halves_and",
    "halves_or",
    "halves_xor",
    "halves_nor",
    "halves_left_only",
    "halves_right_only",
    "halves_common",
]


def _check_shapes(a: Grid, b: Grid) -> None:
    if a.shape != b.shape:
        raise ValueError("the grids differ in shape")


def _filled(a: Grid, b: Grid) -> tuple[np.ndarray, np.ndarray]:
    _check_shapes(a, b)
    return a.array != 0, b.array != 0


def _paint(condition: np.ndarray, color: Color) -> Grid:
    return Grid(np.where(condition, np.int8(color), np.int8(0)))


def _is_separator(line: np.ndarray) -> bool:
    return line.size > 1 and line[0] != 0 and bool((line == line[0]).all())


@lru_cache(maxsize=4096)
def _halves(grid: Grid) -> tuple[Grid, Grid]:
    """The two halves either side of a middle separator line, else the two equal halves
    along the long axis (left and right for a square grid)."""
    arr = grid.array
    h, w = arr.shape
    row_line = h % 2 == 1 and _is_separator(arr[h // 2])
    col_line = w % 2 == 1 and _is_separator(arr[:, w // 2])
    if col_line and (w >= h or not row_line):
        return Grid(arr[:, : w // 2]), Grid(arr[:, w // 2 + 1 :])
    if row_line:
        return Grid(arr[: h // 2]), Grid(arr[h // 2 + 1 :])
    if w >= h:
        if w % 2:
            raise ValueError("no separator and an odd width: no halves")
        return Grid(arr[:, : w // 2]), Grid(arr[:, w // 2 :])
    if h % 2:
        raise ValueError("no separator and an odd height: no halves")
    return Grid(arr[: h // 2]), Grid(arr[h // 2 :])


def overlay(top: Grid, bottom: Grid) -> Grid:
    """Lay the first grid over the second, its non-background cells winning."""
    _check_shapes(top, bottom)
    return Grid(np.where(top.array != 0, top.array, bottom.array))


def mask_and(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where both grids have a non-background cell, background elsewhere."""
    x, y = _filled(a, b)
    return _paint(x & y, color)


def mask_or(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where either grid has a non-background cell, background elsewhere."""
    x, y = _filled(a, b)
    return _paint(x | y, color)


def mask_xor(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where exactly one grid has a non-background cell."""
    x, y = _filled(a, b)
    return _paint(x ^ y, color)


def mask_nor(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where both grids are background, background elsewhere."""
    x, y = _filled(a, b)
    return _paint(~(x | y), color)


def mask_left_only(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where the first grid has a cell and the second has none."""
    x, y = _filled(a, b)
    return _paint(x & ~y, color)


def common_cells(a: Grid, b: Grid) -> Grid:
    """Keep the cells equal in both grids, background elsewhere."""
    _check_shapes(a, b)
    return Grid(np.where(a.array == b.array, a.array, 0))


def mark_differences(a: Grid, b: Grid, color: Color) -> Grid:
    """Paint the given colour where the two grids differ, background elsewhere."""
    _check_shapes(a, b)
    return _paint(a.array != b.array, color)


def paint_where(grid: Grid, other: Grid, where: Color, color: Color) -> Grid:
    """Paint the second colour onto the grid wherever the other grid has the first colour."""
    _check_shapes(grid, other)
    return Grid(np.where(other.array == where, np.int8(color), grid.array))


def invert_mask(grid: Grid, color: Color) -> Grid:
    """Paint the background cells with the given colour and clear all the others."""
    return _paint(grid.array == 0, color)


def halves_overlay(grid: Grid) -> Grid:
    """Lay the first half of the grid over the second half."""
    return overlay(*_halves(grid))


def halves_overlay_reversed(grid: Grid) -> Grid:
    """Lay the second half of the grid over the first half."""
    first, second = _halves(grid)
    return overlay(second, first)


def halves_and(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where both halves of the grid have a non-background cell."""
    return mask_and(*_halves(grid), color)


def halves_or(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where either half of the grid has a non-background cell."""
    return mask_or(*_halves(grid), color)


def halves_xor(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where exactly one half of the grid has a non-background cell."""
    return mask_xor(*_halves(grid), color)


def halves_nor(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where both halves of the grid are background."""
    return mask_nor(*_halves(grid), color)


def halves_left_only(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where only the first half of the grid has a cell."""
    return mask_left_only(*_halves(grid), color)


def halves_right_only(grid: Grid, color: Color) -> Grid:
    """Paint the given colour where only the second half of the grid has a cell."""
    first, second = _halves(grid)
    return mask_left_only(second, first, color)


def halves_common(grid: Grid) -> Grid:
    """Keep the cells equal in both halves of the grid, background elsewhere."""
    return common_cells(*_halves(grid))
