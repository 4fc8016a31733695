"""Physics primitives: gravity, flood fills, lines and rays drawn across the background."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .grid import Color, Grid, Integer
from .objects import _label as _roots
from .objects import _pairs

__all__ = [
    "gravity_down",
    "gravity_up",
    "gravity_left",
    "gravity_right",
    "drop_objects_down",
    "drop_objects_up",
    "drop_objects_left",
    "drop_objects_right",
    "flood_fill",
    "fill_enclosed",
    "connect_horizontal",
    "connect_vertical",
    "connect_diagonal",
    "connect_color",
    "ray_up",
    "ray_down",
    "ray_left",
    "ray_right",
    "shoot_ray",
    "shoot_rays",
    "shoot_ray_until_blocked",
    "extend_horizontal",
    "extend_vertical",
    "draw_cross",
    "draw_diagonals",
]

# Direction 0 is up, then clockwise: 1 up-right, 2 right, ... 7 up-left.
_STEPS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))
_UP, _RIGHT, _DOWN, _LEFT = _STEPS[0], _STEPS[2], _STEPS[4], _STEPS[6]


@lru_cache(maxsize=1024)
def _diagonal_frame(h: int, w: int, step: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Index arrays taking each cell to (diagonal, position) so that one step in the diagonal
    direction is one position further along the same diagonal."""
    rows, cols = np.indices((h, w))
    lines = cols - rows + h - 1 if step[0] == step[1] else cols + rows
    return lines, rows if step[0] > 0 else h - 1 - rows


def _along(values: np.ndarray, step: tuple[int, int], fill: int | bool) -> np.ndarray:
    """Rearrange the last two axes into lines along which the step moves one position right;
    diagonals are padded with the fill value."""
    dr, dc = step
    if dr == 0:
        return values if dc > 0 else values[..., ::-1]
    if dc == 0:
        return np.swapaxes(values if dr > 0 else values[..., ::-1, :], -1, -2)
    h, w = values.shape[-2:]
    lines, pos = _diagonal_frame(h, w, step)
    out = np.full((*values.shape[:-2], h + w - 1, h), fill, values.dtype)
    out[..., lines, pos] = values
    return out


def _back(lines: np.ndarray, step: tuple[int, int], shape: tuple[int, int]) -> np.ndarray:
    """Undo `_along` for a grid of the given shape."""
    dr, dc = step
    if dr == 0:
        return lines if dc > 0 else lines[..., ::-1]
    if dc == 0:
        turned = np.swapaxes(lines, -1, -2)
        return turned if dr > 0 else turned[..., ::-1, :]
    diagonal, pos = _diagonal_frame(*shape, step)
    return lines[..., diagonal, pos]


def _sweep(mask: np.ndarray, step: tuple[int, int]) -> np.ndarray:
    """The cells at or beyond a marked cell, looking in the direction."""
    swept = np.logical_or.accumulate(_along(mask, step, False), axis=-1)
    return _back(swept, step, mask.shape[-2:])


def _sweep_blocked(arr: np.ndarray, sources: np.ndarray, step: tuple[int, int]) -> np.ndarray:
    """The background cells beyond a source cell, looking in the direction, before the next
    non-background cell."""
    filled = _along(arr != 0, step, False)
    starts = _along(sources, step, False)
    last = np.maximum.accumulate(np.where(filled, np.arange(filled.shape[1]), -1), axis=1)
    lit = (last >= 0) & np.take_along_axis(starts, last.clip(0), axis=1) & ~filled
    return _back(lit, step, arr.shape)


def _on_diagonals(cells: np.ndarray) -> np.ndarray:
    """The cells sharing a diagonal or an anti-diagonal with a marked cell."""
    h, w = cells.shape
    lines = np.zeros((h, w), bool)
    for step in (_STEPS[3], _STEPS[5]):
        index = _diagonal_frame(h, w, step)[0]
        lines |= np.bincount(index[cells], minlength=h + w - 1)[index] > 0
    return lines


def _paint(grid: Grid, where: np.ndarray, color: Color | np.ndarray) -> Grid:
    return Grid(np.where(where & (grid.array == 0), np.int8(color), grid.array))


def _gravity(grid: Grid, step: tuple[int, int]) -> Grid:
    lines = _along(grid.array, step, 0)
    order = np.argsort(lines != 0, axis=1, kind="stable")
    return Grid(_back(np.take_along_axis(lines, order, axis=1), step, grid.shape))


def _label(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """Number the 4-connected components of the mask 1, 2, ... in reading order of their
    corners (top, then left); 0 outside the mask."""
    height, width = mask.shape
    flat = mask.ravel()
    src, dst = _pairs(height, width, False)
    link = flat[src] & flat[dst]
    cells = np.flatnonzero(flat)
    roots, component = np.unique(
        _roots(flat.size, src[link], dst[link])[cells], return_inverse=True
    )
    lefts = np.full(roots.size, width)
    np.minimum.at(lefts, component, cells % width)
    number = np.empty(roots.size, dtype=np.int64)  # a root is its component's first cell
    number[np.lexsort((lefts, roots // width))] = np.arange(1, roots.size + 1)
    labels = np.zeros(flat.size, dtype=np.int64)
    labels[cells] = number[component]
    return labels.reshape(height, width), roots.size


def _drop_right(arr: np.ndarray) -> np.ndarray:
    """Slide every object right as a rigid block until it rests on another or the edge,
    the rightmost objects first, repeating until nothing moves."""
    out = arr.copy()
    labels, count = _label(out != 0)
    cells = [np.nonzero(labels == k) for k in range(1, count + 1)]
    h, w = out.shape
    positions = np.arange(w + 1)
    blocked = np.ones((h, w + 1), bool)  # the last column is the edge
    moved = True
    while moved:
        moved = False
        for k in sorted(range(count), key=lambda k: -cells[k][1].max()):
            rows, cols = cells[k]
            blocked[:, :w] = labels != 0
            blocked[rows, cols] = False
            ahead = np.minimum.accumulate(np.where(blocked, positions, w)[:, ::-1], axis=1)
            shift = int((ahead[:, ::-1][rows, cols + 1] - cols - 1).min())
            if shift:
                values = out[rows, cols]
                out[rows, cols], labels[rows, cols] = 0, 0
                out[rows, cols + shift], labels[rows, cols + shift] = values, k + 1
                cells[k] = (rows, cols + shift)
                moved = True
    return out


@lru_cache(maxsize=4096)
def _drop_objects(grid: Grid, step: tuple[int, int]) -> Grid:
    return Grid(_back(_drop_right(_along(grid.array, step, 0)), step, grid.shape))


def _runs(passable: np.ndarray) -> np.ndarray:
    """Number the horizontal runs of passable cells 1, 2, ...; 0 where not passable."""
    h, w = passable.shape
    padded = np.zeros((h, w + 1), bool)
    padded[:, :w] = passable
    flat = padded.ravel()
    starts = flat.copy()
    starts[1:] &= ~flat[:-1]
    return (np.cumsum(starts) * flat).reshape(h, w + 1)[:, :w]


def _reach(passable: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """The passable cells 4-connected through passable cells to a passable seed."""
    row_runs = _runs(passable).ravel()
    col_runs = _runs(passable.T).T.ravel()
    row_hit = np.zeros(int(row_runs.max()) + 1, bool)
    col_hit = np.zeros(int(col_runs.max()) + 1, bool)
    reached: np.ndarray = (seeds & passable).ravel()
    count = -1
    while (new_count := int(reached.sum())) != count:  # reached only ever grows
        count = new_count
        for runs, hit in ((row_runs, row_hit), (col_runs, col_hit)):
            hit[:] = False
            hit[runs[reached]] = True
            hit[0] = False
            reached = hit[runs]
    return reached.reshape(passable.shape)


def _connect(grid: Grid, *steps: tuple[int, int]) -> Grid:
    """Join same-coloured cells along the steps' lines; where lines overlap the lower colour
    wins."""
    arr = grid.array
    colors = np.unique(arr[arr != 0])
    cells = arr == colors[:, None, None]
    spans = np.zeros_like(cells)
    for dr, dc in steps:
        spans |= _sweep(cells, (dr, dc)) & _sweep(cells, (-dr, -dc))
    return _paint(grid, spans.any(axis=0), colors[spans.argmax(axis=0)])


@lru_cache(maxsize=4096)
def _region(grid: Grid, row: int, col: int) -> np.ndarray:
    arr = grid.array
    seed = np.zeros(arr.shape, bool)
    seed[row, col] = True
    return _reach(arr == arr[row, col], seed)


@lru_cache(maxsize=4096)
def _enclosed(grid: Grid) -> np.ndarray:
    free: np.ndarray = grid.array == 0
    border = np.ones(free.shape, bool)
    border[1:-1, 1:-1] = False
    enclosed: np.ndarray = free & ~_reach(free, border)
    return enclosed


def _direction(direction: Integer) -> tuple[int, int]:
    if not 0 <= direction < 8:
        raise ValueError("a direction is 0 to 7")
    return _STEPS[direction]


def gravity_down(grid: Grid) -> Grid:
    """Let every non-background cell fall down as far as it can, column by column."""
    return _gravity(grid, _DOWN)


def gravity_up(grid: Grid) -> Grid:
    """Let every non-background cell rise up as far as it can, column by column."""
    return _gravity(grid, _UP)


def gravity_left(grid: Grid) -> Grid:
    """Slide every non-background cell left as far as it can, row by row."""
    return _gravity(grid, _LEFT)


def gravity_right(grid: Grid) -> Grid:
    """Slide every non-background cell right as far as it can, row by row."""
    return _gravity(grid, _RIGHT)


def drop_objects_down(grid: Grid) -> Grid:
    """Let every object fall down as a rigid block until it lands on something."""
    return _drop_objects(grid, _DOWN)


def drop_objects_up(grid: Grid) -> Grid:
    """Let every object rise up as a rigid block until it meets something."""
    return _drop_objects(grid, _UP)


def drop_objects_left(grid: Grid) -> Grid:
    """Slide every object left as a rigid block until it meets something."""
    return _drop_objects(grid, _LEFT)


def drop_objects_right(grid: Grid) -> Grid:
    """Slide every object right as a rigid block until it meets something."""
    return _drop_objects(grid, _RIGHT)


def flood_fill(grid: Grid, row: Integer, col: Integer, color: Color) -> Grid:
    """Fill the same-coloured region around the given row and column with the given colour."""
    if not (0 <= row < grid.height and 0 <= col < grid.width):
        raise ValueError("the start cell is outside the grid")
    return Grid(np.where(_region(grid, row, col), np.int8(color), grid.array))


def fill_enclosed(grid: Grid, color: Color) -> Grid:
    """Fill the background regions that cannot reach the border with the given colour."""
    return _paint(grid, _enclosed(grid), color)


def connect_horizontal(grid: Grid) -> Grid:
    """Join same-coloured cells sharing a row with lines of their colour, over background."""
    return _connect(grid, _RIGHT)


def connect_vertical(grid: Grid) -> Grid:
    """Join same-coloured cells sharing a column with lines of their colour, over background."""
    return _connect(grid, _DOWN)


def connect_diagonal(grid: Grid) -> Grid:
    """Join same-coloured cells sharing a diagonal with lines of their colour, over background."""
    return _connect(grid, _STEPS[3], _STEPS[5])


def connect_color(grid: Grid, color: Color, line: Color) -> Grid:
    """Join cells of the first colour sharing a row or column with lines of the second colour."""
    cells = grid.array == color
    across = _sweep(cells, _RIGHT) & _sweep(cells, _LEFT)
    return _paint(grid, across | (_sweep(cells, _DOWN) & _sweep(cells, _UP)), line)


def ray_up(grid: Grid, color: Color) -> Grid:
    """Extend every cell of the given colour upward to the edge, over background."""
    return _paint(grid, _sweep(grid.array == color, _UP), color)


def ray_down(grid: Grid, color: Color) -> Grid:
    """Extend every cell of the given colour downward to the edge, over background."""
    return _paint(grid, _sweep(grid.array == color, _DOWN), color)


def ray_left(grid: Grid, color: Color) -> Grid:
    """Extend every cell of the given colour leftward to the edge, over background."""
    return _paint(grid, _sweep(grid.array == color, _LEFT), color)


def ray_right(grid: Grid, color: Color) -> Grid:
    """Extend every cell of the given colour rightward to the edge, over background."""
    return _paint(grid, _sweep(grid.array == color, _RIGHT), color)


def shoot_ray(grid: Grid, color: Color, direction: Integer) -> Grid:
    """Extend every cell of the given colour to the edge in a direction (0 up, clockwise to 7)."""
    return _paint(grid, _sweep(grid.array == color, _direction(direction)), color)


def shoot_rays(grid: Grid, direction: Integer) -> Grid:
    """Extend every non-background cell to the edge in a direction, in its own colour."""
    step = _direction(direction)
    lines = _along(grid.array, step, 0)
    last = np.maximum.accumulate(np.where(lines != 0, np.arange(lines.shape[1]), -1), axis=1)
    rays = np.where(last >= 0, np.take_along_axis(lines, last.clip(0), axis=1), 0)
    return _paint(grid, np.ones(grid.shape, bool), _back(rays, step, grid.shape))


def shoot_ray_until_blocked(grid: Grid, color: Color, direction: Integer) -> Grid:
    """Extend every cell of the given colour in a direction (0 up, clockwise) until blocked."""
    arr = grid.array
    return _paint(grid, _sweep_blocked(arr, arr == color, _direction(direction)), color)


def extend_horizontal(grid: Grid, color: Color) -> Grid:
    """Draw a line across the whole row of every cell of the given colour, over background."""
    cells = grid.array == color
    return _paint(grid, cells.any(axis=1, keepdims=True), color)


def extend_vertical(grid: Grid, color: Color) -> Grid:
    """Draw a line down the whole column of every cell of the given colour, over background."""
    cells = grid.array == color
    return _paint(grid, cells.any(axis=0, keepdims=True), color)


def draw_cross(grid: Grid, color: Color) -> Grid:
    """Draw a full row and column line through every cell of the given colour, over background."""
    cells = grid.array == color
    return _paint(grid, cells.any(axis=1, keepdims=True) | cells.any(axis=0, keepdims=True), color)


def draw_diagonals(grid: Grid, color: Color) -> Grid:
    """Draw both full diagonal lines through every cell of the given colour, over background."""
    return _paint(grid, _on_diagonals(grid.array == color), color)
