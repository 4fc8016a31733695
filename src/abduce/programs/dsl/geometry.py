"""Geometry primitives: rotations, flips, crops, halves, scaling, tiling, shifts and borders."""

from __future__ import annotations

import numpy as np

from .grid import TRANSPARENT, Color, Grid, Integer

__all__ = [
    "rotate_90",
    "rotate_180",
    "rotate_270",
    "flip_left_right",
    "flip_up_down",
    "transpose",
    "anti_transpose",
    "crop",
    "trim",
    "crop_to_color",
    "top_half",
    "bottom_half",
    "left_half",
    "right_half",
    "top_half_with_middle",
    "bottom_half_with_middle",
    "left_half_with_middle",
    "right_half_with_middle",
    "first_row",
    "last_row",
    "first_column",
    "last_column",
    "upscale",
    "upscale_rows",
    "upscale_columns",
    "downscale",
    "downscale_rows",
    "downscale_columns",
    "merge_repeated_lines",
    "tile",
    "tile_where_colored",
    "tile_where_color",
    "mirror_right",
    "mirror_down",
    "mirror_quadrants",
    "symmetrize_left_right",
    "symmetrize_up_down",
    "hconcat",
    "vconcat",
    "shift",
    "roll",
    "add_border",
    "remove_border",
    "extend",
    "paste",
    "canvas",
]

_MAX_SIDE = 30  # the ARC limit; larger results are refused so that searches cannot blow up


def _fits(height: int, width: int) -> None:
    """Refuse a result size that is empty or beyond the ARC limit, before building it."""
    if height < 1 or width < 1:
        raise ValueError("the result would be empty")
    if height > _MAX_SIDE or width > _MAX_SIDE:
        raise ValueError(f"the result would be larger than {_MAX_SIDE}x{_MAX_SIDE}")


def _sized(array: np.ndarray) -> Grid:
    _fits(*array.shape)
    return Grid(array)


def _positive(value: int, what: str) -> int:
    if value < 1:
        raise ValueError(f"{what} must be at least 1")
    return value


def rotate_90(grid: Grid) -> Grid:
    """Rotate the grid a quarter turn clockwise."""
    return Grid(grid.array[::-1].T)


def rotate_180(grid: Grid) -> Grid:
    """Rotate the grid half a turn."""
    return Grid(grid.array[::-1, ::-1])


def rotate_270(grid: Grid) -> Grid:
    """Rotate the grid a quarter turn anticlockwise."""
    return Grid(grid.array.T[::-1])


def flip_left_right(grid: Grid) -> Grid:
    """Flip the grid left to right."""
    return Grid(grid.array[:, ::-1])


def flip_up_down(grid: Grid) -> Grid:
    """Flip the grid upside down, reversing the order of its rows."""
    return Grid(grid.array[::-1])


def transpose(grid: Grid) -> Grid:
    """Mirror the grid along its main diagonal, turning rows into columns."""
    return Grid(grid.array.T)


def anti_transpose(grid: Grid) -> Grid:
    """Mirror the grid along its anti-diagonal, from top right to bottom left."""
    return Grid(grid.array[::-1, ::-1].T)


def crop(grid: Grid, top: Integer, left: Integer, height: Integer, width: Integer) -> Grid:
    """Cut out the block of the given height and width whose top-left cell is at (top, left)."""
    if top < 0 or left < 0 or height < 1 or width < 1:
        raise ValueError("crop needs a non-negative corner and a positive size")
    if top + height > grid.height or left + width > grid.width:
        raise ValueError("the crop reaches outside the grid")
    return Grid(grid.array[top : top + height, left : left + width])


def _crop_to(grid: Grid, mask: np.ndarray) -> Grid:
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        raise ValueError("nothing to crop to")
    cols = np.flatnonzero(mask.any(axis=0))
    return Grid(grid.array[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def trim(grid: Grid) -> Grid:
    """Crop the grid to the bounding box of its cells other than the background 0."""
    return _crop_to(grid, grid.array > 0)


def crop_to_color(grid: Grid, color: Color) -> Grid:
    """Crop the grid to the bounding box of the cells of the given colour."""
    return _crop_to(grid, grid.array == color)


def top_half(grid: Grid) -> Grid:
    """Keep the top half of the grid, leaving out the middle row when the height is odd."""
    return _sized(grid.array[: grid.height // 2])


def bottom_half(grid: Grid) -> Grid:
    """Keep the bottom half of the grid, leaving out the middle row when the height is odd."""
    return _sized(grid.array[(grid.height + 1) // 2 :])


def left_half(grid: Grid) -> Grid:
    """Keep the left half of the grid, leaving out the middle column when the width is odd."""
    return _sized(grid.array[:, : grid.width // 2])


def right_half(grid: Grid) -> Grid:
    """Keep the right half of the grid, leaving out the middle column when the width is odd."""
    return _sized(grid.array[:, (grid.width + 1) // 2 :])


def top_half_with_middle(grid: Grid) -> Grid:
    """Keep the top half of the grid, including the middle row when the height is odd."""
    return Grid(grid.array[: (grid.height + 1) // 2])


def bottom_half_with_middle(grid: Grid) -> Grid:
    """Keep the bottom half of the grid, including the middle row when the height is odd."""
    return Grid(grid.array[grid.height // 2 :])


def left_half_with_middle(grid: Grid) -> Grid:
    """Keep the left half of the grid, including the middle column when the width is odd."""
    return Grid(grid.array[:, : (grid.width + 1) // 2])


def right_half_with_middle(grid: Grid) -> Grid:
    """Keep the right half of the grid, including the middle column when the width is odd."""
    return Grid(grid.array[:, grid.width // 2 :])


def first_row(grid: Grid) -> Grid:
    """Keep only the top row of the grid."""
    return Grid(grid.array[:1])


def last_row(grid: Grid) -> Grid:
    """Keep only the bottom row of the grid."""
    return Grid(grid.array[-1:])


def first_column(grid: Grid) -> Grid:
    """Keep only the leftmost column of the grid."""
    return Grid(grid.array[:, :1])


def last_column(grid: Grid) -> Grid:
    """Keep only the rightmost column of the grid."""
    return Grid(grid.array[:, -1:])


def upscale(grid: Grid, factor: Integer) -> Grid:
    """Scale the grid up, turning every cell into a square block of factor by factor cells."""
    _fits(grid.height * _positive(factor, "the factor"), grid.width * factor)
    return Grid(np.repeat(np.repeat(grid.array, factor, axis=0), factor, axis=1))


def upscale_rows(grid: Grid, factor: Integer) -> Grid:
    """Stretch the grid vertically, repeating each row factor times in place."""
    _fits(grid.height * _positive(factor, "the factor"), grid.width)
    return Grid(np.repeat(grid.array, factor, axis=0))


def upscale_columns(grid: Grid, factor: Integer) -> Grid:
    """Stretch the grid horizontally, repeating each column factor times in place."""
    _fits(grid.height, grid.width * _positive(factor, "the factor"))
    return Grid(np.repeat(grid.array, factor, axis=1))


def _divides(factor: int, *sizes: int) -> int:
    if any(size % _positive(factor, "the factor") for size in sizes):
        raise ValueError("the factor does not divide the grid's size")
    return factor


def downscale(grid: Grid, factor: Integer) -> Grid:
    """Scale the grid down, keeping the top-left cell of every factor by factor block."""
    step = _divides(factor, grid.height, grid.width)
    return Grid(grid.array[::step, ::step])


def downscale_rows(grid: Grid, factor: Integer) -> Grid:
    """Squeeze the grid vertically, keeping the first row of every factor rows."""
    return Grid(grid.array[:: _divides(factor, grid.height)])


def downscale_columns(grid: Grid, factor: Integer) -> Grid:
    """Squeeze the grid horizontally, keeping the first column of every factor columns."""
    return Grid(grid.array[:, :: _divides(factor, grid.width)])


def merge_repeated_lines(grid: Grid) -> Grid:
    """Merge each run of identical adjacent rows into one row, then the same for columns."""
    array = grid.array
    array = array[np.r_[True, (array[1:] != array[:-1]).any(axis=1)]]
    return Grid(array[:, np.r_[True, (array[:, 1:] != array[:, :-1]).any(axis=0)]])


def tile(grid: Grid, rows: Integer, cols: Integer) -> Grid:
    """Repeat the whole grid as tiles, rows tiles down by cols tiles across."""
    _fits(grid.height * _positive(rows, "rows"), grid.width * _positive(cols, "cols"))
    return Grid(np.tile(grid.array, (rows, cols)))


def tile_where_colored(grid: Grid) -> Grid:
    """Scale the grid up by its own size, copying it into each block whose cell is not 0."""
    return _copies_where(grid, grid.array != 0)


def tile_where_color(grid: Grid, color: Color) -> Grid:
    """Scale the grid up by its own size, copying it into each block whose cell has a colour."""
    return _copies_where(grid, grid.array == color)


def _copies_where(grid: Grid, mask: np.ndarray) -> Grid:
    """A copy of the grid in block (i, j) where mask[i, j], the background 0 elsewhere."""
    _fits(grid.height**2, grid.width**2)
    return Grid(np.kron(mask.astype(grid.array.dtype), grid.array))


def mirror_right(grid: Grid) -> Grid:
    """Put the grid's left-to-right mirror image to its right."""
    return _sized(np.hstack([grid.array, grid.array[:, ::-1]]))


def mirror_down(grid: Grid) -> Grid:
    """Put the grid's upside-down mirror image below it."""
    return _sized(np.vstack([grid.array, grid.array[::-1]]))


def mirror_quadrants(grid: Grid) -> Grid:
    """Make a grid twice as high and wide from the grid and its mirror images in four quadrants."""
    top = np.hstack([grid.array, grid.array[:, ::-1]])
    return _sized(np.vstack([top, top[::-1]]))


def symmetrize_left_right(grid: Grid) -> Grid:
    """Overwrite the right half of the grid with the mirror image of its left half."""
    array = grid.array.copy()
    half = grid.width // 2
    array[:, grid.width - half :] = array[:, :half][:, ::-1]
    return Grid(array)


def symmetrize_up_down(grid: Grid) -> Grid:
    """Overwrite the bottom half of the grid with the mirror image of its top half."""
    array = grid.array.copy()
    half = grid.height // 2
    array[grid.height - half :] = array[:half][::-1]
    return Grid(array)


def hconcat(grid: Grid, other: Grid) -> Grid:
    """Put the other grid to the right of the grid; both must have the same height."""
    if grid.height != other.height:
        raise ValueError("side by side grids need the same height")
    return _sized(np.hstack([grid.array, other.array]))


def vconcat(grid: Grid, other: Grid) -> Grid:
    """Put the other grid below the grid; both must have the same width."""
    if grid.width != other.width:
        raise ValueError("stacked grids need the same width")
    return _sized(np.vstack([grid.array, other.array]))


def _span(offset: int, size: int) -> tuple[slice, slice]:
    """Where cells land and where they come from when moved by offset along a side of size."""
    low, high = max(offset, 0), max(-offset, 0)
    return slice(low, size - high), slice(high, size - low)


def shift(grid: Grid, rows: Integer, cols: Integer) -> Grid:
    """Move the contents down by rows and right by cols, filling the gap with background 0."""
    out = np.zeros_like(grid.array)
    if abs(rows) < grid.height and abs(cols) < grid.width:
        (row_to, row_from), (col_to, col_from) = _span(rows, grid.height), _span(cols, grid.width)
        out[row_to, col_to] = grid.array[row_from, col_from]
    return Grid(out)


def roll(grid: Grid, rows: Integer, cols: Integer) -> Grid:
    """Move the contents down by rows and right by cols, wrapping around the edges."""
    return Grid(np.roll(grid.array, (rows, cols), axis=(0, 1)))


def add_border(grid: Grid, color: Color) -> Grid:
    """Surround the grid with a one-cell border of the given colour."""
    array = np.full((grid.height + 2, grid.width + 2), color, dtype=np.int8)
    array[1:-1, 1:-1] = grid.array
    return _sized(array)


def remove_border(grid: Grid) -> Grid:
    """Remove the outermost ring of cells from the grid."""
    return _sized(grid.array[1:-1, 1:-1])


def extend(grid: Grid, height: Integer, width: Integer) -> Grid:
    """Enlarge the grid to the given height and width, adding background 0 below and right."""
    if height < grid.height or width < grid.width:
        raise ValueError("extend cannot shrink the grid")
    _fits(height, width)
    array = np.zeros((height, width), dtype=np.int8)
    array[: grid.height, : grid.width] = grid.array
    return Grid(array)


def paste(grid: Grid, patch: Grid, top: Integer, left: Integer) -> Grid:
    """Draw the patch onto the grid with its top-left cell at (top, left), clipped to the grid."""
    height, width = patch.shape
    r0, c0 = max(top, 0), max(left, 0)
    r1, c1 = min(top + height, grid.height), min(left + width, grid.width)
    if r0 >= r1 or c0 >= c1:
        raise ValueError("the patch lies outside the grid")
    array = grid.array.copy()
    part = patch.array[r0 - top : r1 - top, c0 - left : c1 - left]
    window = array[r0:r1, c0:c1]
    np.copyto(window, part, where=part != TRANSPARENT)
    return Grid(array)


def canvas(color: Color, height: Integer, width: Integer) -> Grid:
    """Make a grid of the given height and width filled with one colour."""
    _fits(height, width)
    return Grid(np.full((height, width), color, dtype=np.int8))
