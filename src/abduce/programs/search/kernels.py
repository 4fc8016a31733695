"""Compiled twins of the DSL primitives that cost the enumeration most, and of the goal's
commonest checks (colour tables, object recolourings), for the search only.

Each twin computes exactly what its DSL primitive does (tests compare them on thousands of
grids); the search applies the twin, and every program it finds is re-run in the sandbox
over the DSL's own Python. numba compiles them once and caches them beside this file;
`ready()` has that done before a search starts its clock.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import cache

import numpy as np
from numba import njit

from abduce.programs.dsl import TRANSPARENT, Color, Grid, Integer, Object, Objects
from abduce.programs.dsl.patterns import _bar
from abduce.programs.dsl.physics import (
    _DOWN,
    _LEFT,
    _RIGHT,
    _STEPS,
    _UP,
    _along,
    _back,
    _direction,
    _paint,
)

_NO_COMPONENT = -1


@njit(cache=True)
def _components(
    arr: np.ndarray, diagonal: bool, univalued: bool, background: bool
) -> tuple[np.ndarray, int]:
    """`_label`'s components renumbered in the DSL's order of objects (`dsl.objects._build`):
    by top row, then left column, then first cell in reading order."""
    found, corners, count = _label(arr, diagonal, univalued, background)
    return _ranked(found, corners, count), count


@njit(cache=True)
def _label(
    arr: np.ndarray, diagonal: bool, univalued: bool, background: bool
) -> tuple[np.ndarray, np.ndarray, int]:
    """Number the components 0, 1, ... in reading order of their first cells, -1 outside
    them, and give each one's corner (top row * width + left column). Cells join by their
    sides (and corners if `diagonal`), of one colour if `univalued`; cells of the background
    0 belong to none unless `background`."""
    h, w = arr.shape
    found = np.full((h, w), _NO_COMPONENT, np.int64)
    tops = np.empty(h * w, np.int64)
    lefts = np.empty(h * w, np.int64)
    stack = np.empty(h * w, np.int64)
    count = 0
    for start in range(h * w):
        r0, c0 = start // w, start % w
        if (arr[r0, c0] == 0 and not background) or found[r0, c0] != _NO_COMPONENT:
            continue
        found[r0, c0] = count
        tops[count], lefts[count] = r0, c0
        stack[0], size = start, 1
        while size:
            size -= 1
            r, c = stack[size] // w, stack[size] % w
            lefts[count] = min(lefts[count], c)
            for dr in range(-1, 2):
                for dc in range(-1, 2):
                    if (dr or dc) and (diagonal or not (dr and dc)):
                        rr, cc = r + dr, c + dc
                        if (
                            0 <= rr < h
                            and 0 <= cc < w
                            and found[rr, cc] == _NO_COMPONENT
                            and (arr[rr, cc] != 0 or background)
                            and (not univalued or arr[rr, cc] == arr[r, c])
                        ):
                            found[rr, cc] = count
                            stack[size] = rr * w + cc
                            size += 1
        count += 1
    return found, tops[:count] * w + lefts[:count], count


@njit(cache=True)
def _by_color(arr: np.ndarray) -> tuple[np.ndarray, int]:
    """`_components` for `dsl.color_objects`: the cells of each colour but 0 are one object,
    ties in order broken by colour."""
    h, w = arr.shape
    found = np.full((h, w), _NO_COMPONENT, np.int64)
    number = np.full(10, _NO_COMPONENT, np.int64)
    corners = np.empty(10, np.int64)
    count = 0
    for color in range(1, 10):
        for r in range(h):
            for c in range(w):
                if arr[r, c] == color:
                    if number[color] == _NO_COMPONENT:
                        number[color], corners[count] = count, r * w + c
                        count += 1
                    k = number[color]
                    corners[k] = min(corners[k], (corners[k] // w) * w + c)
                    found[r, c] = k
    return _ranked(found, corners[:count], count), count


@njit(cache=True)
def _ranked(found: np.ndarray, corners: np.ndarray, count: int) -> np.ndarray:
    """Component numbers replaced by their rank by corner (ties: by number)."""
    order = np.argsort(corners * count + np.arange(count))
    rank = np.empty(count, np.int64)
    rank[order] = np.arange(count)
    h, w = found.shape
    for r in range(h):
        for c in range(w):
            if found[r, c] != _NO_COMPONENT:
                found[r, c] = rank[found[r, c]]
    return found


@njit(cache=True)
def _boxes(labels: np.ndarray, count: int) -> tuple[np.ndarray, ...]:
    """Each component's bounding box: top and left rows and columns, bottom and right ones
    past its last."""
    h, w = labels.shape
    tops, lefts = np.full(count, h, np.int64), np.full(count, w, np.int64)
    bottoms, rights = np.zeros(count, np.int64), np.zeros(count, np.int64)
    for r in range(h):
        for c in range(w):
            k = labels[r, c]
            if k >= 0:
                tops[k], lefts[k] = min(tops[k], r), min(lefts[k], c)
                bottoms[k], rights[k] = max(bottoms[k], r + 1), max(rights[k], c + 1)
    return tops, lefts, bottoms, rights


@njit(cache=True)
def _cut(arr: np.ndarray, labels: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Every component's patch (its bounding box, -1 off its cells) in one buffer, and each
    one's offset in it, top, left, height and width."""
    h, w = arr.shape
    boxes = np.empty((count, 5), np.int64)
    tops, lefts, bottoms, rights = _boxes(labels, count)
    size = 0
    for k in range(count):
        boxes[k] = size, tops[k], lefts[k], bottoms[k] - tops[k], rights[k] - lefts[k]
        size += boxes[k, 3] * boxes[k, 4]
    patches = np.full(size, -1, arr.dtype)
    for r in range(h):
        for c in range(w):
            k = labels[r, c]
            if k >= 0:
                at = boxes[k, 0] + (r - boxes[k, 1]) * boxes[k, 4] + c - boxes[k, 2]
                patches[at] = arr[r, c]
    return patches, boxes


@njit(cache=True)
def _drop_right(arr: np.ndarray) -> np.ndarray:
    """`dsl.physics._drop_right`: objects slide right as rigid blocks, the rightmost first,
    pass after pass until nothing moves."""
    h, w = arr.shape
    out = arr.copy()
    labels, count = _components(arr, False, False, False)
    starts = np.zeros(count + 1, np.int64)
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0:
                starts[labels[r, c] + 1] += 1
    starts = np.cumsum(starts)
    rows, cols = np.empty(starts[-1], np.int64), np.empty(starts[-1], np.int64)
    filled = starts[:-1].copy()
    for r in range(h):
        for c in range(w):
            k = labels[r, c]
            if k >= 0:
                rows[filled[k]], cols[filled[k]] = r, c
                filled[k] += 1
    values = np.empty(starts[-1], arr.dtype)
    moved = True
    while moved:
        moved = False
        rightmost = np.empty(count, np.int64)
        for k in range(count):
            rightmost[k] = cols[starts[k] : starts[k + 1]].max()
        for k in np.argsort((w - rightmost) * count + np.arange(count)):
            shift = w
            for i in range(starts[k], starts[k + 1]):
                r, c = rows[i], cols[i] + 1
                while c < w and (labels[r, c] == _NO_COMPONENT or labels[r, c] == k):
                    c += 1
                shift = min(shift, c - cols[i] - 1)
            if shift:
                for i in range(starts[k], starts[k + 1]):
                    values[i] = out[rows[i], cols[i]]
                    out[rows[i], cols[i]], labels[rows[i], cols[i]] = 0, _NO_COMPONENT
                for i in range(starts[k], starts[k + 1]):
                    cols[i] += shift
                    out[rows[i], cols[i]], labels[rows[i], cols[i]] = values[i], k
                moved = True
    return out


@njit(cache=True)
def _joins_across(arr: np.ndarray) -> np.ndarray:
    """`dsl.drawing._joins_across`: bands of their colour between two single-colour objects
    side by side in shared rows, with no cell of that colour between them."""
    h, w = arr.shape
    labels, count = _components(arr, True, True, False)
    tops, lefts, bottoms, rights = _boxes(labels, count)
    colors = np.zeros(count, arr.dtype)
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0:
                colors[labels[r, c]] = arr[r, c]
    bands = np.zeros_like(arr)
    for i in range(count):
        for j in range(count):
            first, last = max(tops[i], tops[j]), min(bottoms[i], bottoms[j])
            if colors[i] != colors[j] or lefts[j] <= rights[i] or first >= last:
                continue
            if (arr[first:last, rights[i] : lefts[j]] == colors[i]).any():
                continue
            for r in range(first, last):
                for c in range(rights[i], lefts[j]):
                    if bands[r, c] == 0:
                        bands[r, c] = colors[i]
    return bands


@njit(cache=True)
def _continued(arr: np.ndarray) -> np.ndarray:
    """`dsl.drawing._continued`: each row's leftmost run of two or more cells repeated along
    the whole row (0 in the rows without one)."""
    h, w = arr.shape
    out = np.zeros_like(arr)
    for r in range(h):
        start = 0
        while start < w:
            if arr[r, start] == 0:
                start += 1
                continue
            end = start
            while end < w and arr[r, end] != 0:
                end += 1
            if end - start >= 2:
                for c in range(w):
                    out[r, c] = arr[r, start + (c - start) % (end - start)]
                break
            start = end
    return out


@njit(cache=True)
def _spans(arr: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """`dsl.physics._connect`'s lines: for each cell, the lowest colour with a cell on
    either side of it along one of the steps' lines (0 if none)."""
    h, w = arr.shape
    spans = np.zeros_like(arr)
    for r in range(h):
        for c in range(w):
            color = arr[r, c]
            if color == 0:
                continue
            for s in range(steps.shape[0]):
                dr, dc = steps[s, 0], steps[s, 1]
                reach, rr, cc = 0, r + dr, c + dc
                for distance in range(1, max(h, w)):
                    if not (0 <= rr < h and 0 <= cc < w):
                        break
                    if arr[rr, cc] == color:
                        reach = distance
                    rr, cc = rr + dr, cc + dc
                for distance in range(reach + 1):
                    rr, cc = r + distance * dr, c + distance * dc
                    if spans[rr, cc] == 0 or spans[rr, cc] > color:
                        spans[rr, cc] = color
    return spans


@njit(cache=True)
def _inside(arr: np.ndarray, color: int) -> np.ndarray:
    """`dsl.drawing.recolor_inside`: the non-background cells whose eight neighbours (in the
    grid) share their colour, recoloured."""
    h, w = arr.shape
    out = arr.copy()
    for r in range(1, h - 1):
        for c in range(1, w - 1):
            if arr[r, c] != 0 and (arr[r - 1 : r + 2, c - 1 : c + 2] == arr[r, c]).all():
                out[r, c] = color
    return out


@njit(cache=True)
def _odd_rays(arr: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """`dsl.drawing.shoot_from_odd_cells`'s rays: from each cell of an object's rarest colour
    (objects of two colours or more, cells joined by sides or corners) away from the
    object's centre, to the edge; the earlier direction wins where rays cross."""
    h, w = arr.shape
    labels, count = _components(arr, True, False, False)
    counts = np.zeros((count, 10), np.int64)
    sums = np.zeros((count, 2), np.int64)
    for r in range(h):
        for c in range(w):
            k = labels[r, c]
            if k >= 0:
                counts[k, arr[r, c]] += 1
                sums[k, 0] += r
                sums[k, 1] += c
    odd = np.full(count, -1, np.int64)
    for k in range(count):
        if (counts[k] > 0).sum() >= 2:
            odd[k] = np.argmin(np.where(counts[k] > 0, counts[k], h * w + 1))
    sources = np.zeros((steps.shape[0], h, w), arr.dtype)
    for r in range(h):
        for c in range(w):
            k = labels[r, c]
            if k < 0 or arr[r, c] != odd[k]:
                continue
            size = counts[k].sum()
            away = (_sign(sums[k, 0] / size - r), _sign(sums[k, 1] / size - c))
            for s in range(steps.shape[0]):
                if (steps[s, 0], steps[s, 1]) == away:
                    sources[s, r, c] = arr[r, c]
    rays = np.zeros_like(arr)
    for s in range(steps.shape[0]):
        dr, dc = steps[s, 0], steps[s, 1]
        for r in range(h):
            for c in range(w):
                rr, cc = r, c
                while 0 <= rr < h and 0 <= cc < w and sources[s, rr, cc] == 0:
                    rr, cc = rr - dr, cc - dc
                if rays[r, c] == 0 and 0 <= rr < h and 0 <= cc < w:
                    rays[r, c] = sources[s, rr, cc]
    return rays


@njit(cache=True)
def _lines(arr: np.ndarray, color: int, steps: np.ndarray) -> np.ndarray:
    """The lines from every cell of a colour to the edge along each of the steps, in that
    colour over the background 0 (`dsl.physics.ray_up`, `draw_cross`, ...)."""
    h, w = arr.shape
    out = arr.copy()
    for r in range(h):
        for c in range(w):
            if arr[r, c] != color:
                continue
            for s in range(steps.shape[0]):
                rr, cc = r + steps[s, 0], c + steps[s, 1]
                while 0 <= rr < h and 0 <= cc < w:
                    if arr[rr, cc] == 0:
                        out[rr, cc] = color
                    rr, cc = rr + steps[s, 0], cc + steps[s, 1]
    return out


@njit(cache=True)
def _shot(arr: np.ndarray, dr: int, dc: int) -> np.ndarray:
    """`dsl.physics.shoot_rays`: each background cell takes the colour of the nearest cell
    behind it, looking against the step."""
    h, w = arr.shape
    out = arr.copy()
    for r in range(h):
        for c in range(w):
            rr, cc = r, c
            while 0 <= rr < h and 0 <= cc < w and arr[rr, cc] == 0:
                rr, cc = rr - dr, cc - dc
            if 0 <= rr < h and 0 <= cc < w:
                out[r, c] = arr[rr, cc]
    return out


@njit(cache=True)
def _without_specks(arr: np.ndarray, n: int) -> np.ndarray:
    """`dsl.objects.remove_small_objects`: single-colour objects (cells joined by sides or
    corners) of fewer than n cells erased."""
    labels, count = _components(arr, True, True, False)
    sizes = np.bincount(labels.ravel() + 1, minlength=count + 1)
    out = arr.copy()
    h, w = arr.shape
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0 and sizes[labels[r, c] + 1] < n:
                out[r, c] = 0
    return out


@njit(cache=True)
def _ringed(arr: np.ndarray, color: int, ring: int) -> np.ndarray:
    """`dsl.drawing.ring_color`: the background next to a cell of the colour, corners
    included, in the ring colour."""
    h, w = arr.shape
    out = arr.copy()
    for r in range(h):
        for c in range(w):
            if arr[r, c] == color:
                for rr in range(max(r - 1, 0), min(r + 2, h)):
                    for cc in range(max(c - 1, 0), min(c + 2, w)):
                        if arr[rr, cc] == 0:
                            out[rr, cc] = ring
    return out


@njit(cache=True)
def _enclosed(arr: np.ndarray, color: int) -> np.ndarray:
    """`dsl.physics.fill_enclosed`: the background cells that no side-joined path of
    background reaches from the border, in the colour."""
    h, w = arr.shape
    free = _label((arr == 0).astype(arr.dtype), False, False, False)[0]  # background parts
    border = np.zeros(h * w + 1, np.bool_)  # by part + 1: whether it touches the border
    for r in range(h):
        for c in range(w):
            if r in (0, h - 1) or c in (0, w - 1):
                border[free[r, c] + 1] = True
    out = arr.copy()
    for r in range(h):
        for c in range(w):
            if free[r, c] >= 0 and not border[free[r, c] + 1]:
                out[r, c] = color
    return out


@njit(cache=True)
def _region_sizes(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`dsl.color._regions`: the sizes and colours of the side-joined single-colour regions
    off the background, in reading order of their first cells."""
    found, _, count = _label(arr, False, True, False)
    sizes, colors = np.zeros(count, np.int64), np.zeros(count, np.int64)
    h, w = arr.shape
    for r in range(h):
        for c in range(w):
            if found[r, c] >= 0:
                sizes[found[r, c]] += 1
                colors[found[r, c]] = arr[r, c]
    return sizes, colors


@njit(cache=True)
def _colored_components(arr: np.ndarray, color: int) -> int:
    """`dsl.patterns._count_objects`: how many corner-joined single-colour components off the
    background have the colour."""
    found, _, count = _label(arr, True, True, False)
    counted = np.zeros(count, np.bool_)
    h, w = arr.shape
    for r in range(h):
        for c in range(w):
            if arr[r, c] == color and found[r, c] != _NO_COMPONENT:
                counted[found[r, c]] = True
    return int(counted.sum())


@njit(cache=True)
def _period(arr: np.ndarray) -> int:
    """`dsl.patterns._row_period` with every cell known: the smallest p, at most half the
    width, with every cell equal to the one p to its right; the width when there is none."""
    w = arr.shape[1]
    for p in range(1, w // 2 + 1):
        if (arr[:, p:] == arr[:, :-p]).all():
            return p
    return int(w)


@njit(cache=True)
def _fallen_right(arr: np.ndarray) -> np.ndarray:
    """`dsl.physics._gravity` along rows: each row's non-background cells slid right, in
    order."""
    h, w = arr.shape
    out = np.zeros_like(arr)
    for r in range(h):
        to = w - 1
        for c in range(w - 1, -1, -1):
            if arr[r, c] != 0:
                out[r, to] = arr[r, c]
                to -= 1
    return out


@njit(cache=True)
def _touching(arr: np.ndarray, color: int, other: int, target: int) -> np.ndarray:
    """`dsl.color.recolor_touching`: the cells of a colour beside (by a side) a cell of the
    other colour, in the target colour."""
    h, w = arr.shape
    out = arr.copy()
    for r in range(h):
        for c in range(w):
            if arr[r, c] != color:
                continue
            for rr, cc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= rr < h and 0 <= cc < w and arr[rr, cc] == other:
                    out[r, c] = target
    return out


@njit(cache=True)
def _sign(offset: float) -> int:
    """The sign of `offset` rounded half to even, as numpy rounds: 0 within ±0.5."""
    if -0.5 <= offset <= 0.5:
        return 0
    return 1 if offset > 0 else -1


_UNSEEN = -1000  # a colour table's entry for a cell value not met yet


def color_table() -> np.ndarray:
    """A table from cell values (+ 128, an int8's range) to the values they meet, empty."""
    return np.full(256, _UNSEEN, dtype=np.int16)


def changes(table: np.ndarray) -> tuple[tuple[int, int], ...]:
    """The pairs (s, t) of a colour table with s != t, by s."""
    met = np.flatnonzero(table != _UNSEEN)
    pairs = zip((met - 128).tolist(), table[met].tolist(), strict=True)
    return tuple((s, t) for s, t in pairs if s != t)


@njit(cache=True)
def _met(table: np.ndarray, value: int, target: int) -> bool:
    """Record in `table` that the cell value meets `target`; False if it met another."""
    if table[value + 128] == _UNSEEN:
        table[value + 128] = target
    return bool(table[value + 128] == target)


@njit(cache=True)
def meets(source: np.ndarray, target: np.ndarray, table: np.ndarray) -> bool:
    """Extend `table` (cell value + 128 -> the value it meets) by the cells of `source` and
    `target`, of one shape; False where a value meets two."""
    for r in range(source.shape[0]):
        for c in range(source.shape[1]):
            if not _met(table, source[r, c], target[r, c]):
                return False
    return True


@njit(cache=True)
def overlaid(top: np.ndarray, canvas: np.ndarray, target: np.ndarray, table: np.ndarray) -> int:
    """Extend `table` by the cells `top` paints (its non-0 ones) and `target`, of one shape;
    the number of painted cells, or -1 where an unpainted cell of `canvas` is not `target`'s
    or a colour meets two."""
    painted = 0
    for r in range(top.shape[0]):
        for c in range(top.shape[1]):
            if top[r, c] == 0:
                if canvas[r, c] != target[r, c]:
                    return -1
                continue
            painted += 1
            if not _met(table, top[r, c], target[r, c]):
                return -1
    return painted


MISFIT = -1000  # what `recolored` says of an object that cannot be recoloured


@njit(cache=True)
def recolored(
    patch: np.ndarray,
    row: int,
    col: int,
    canvas: np.ndarray,
    target: np.ndarray,
    covered: np.ndarray,
) -> int:
    """What `target` makes of an object (`patch` at `row`, `col`) on `canvas`, marking its
    cells in `covered`: TRANSPARENT if they keep their colours, else the one colour they all
    become; MISFIT if they become several or the object reaches past the canvas's bottom or
    right (cells at negative positions count from the far side, as numpy indexes)."""
    height, width = canvas.shape
    if row + patch.shape[0] > height or col + patch.shape[1] > width:
        return MISFIT
    kept, uniform, color = True, True, MISFIT
    for r in range(patch.shape[0]):
        for c in range(patch.shape[1]):
            if patch[r, c] == TRANSPARENT:
                continue
            at_row, at_col = row + r, col + c
            if at_row < -height or at_col < -width:
                raise IndexError("a cell beyond the grid")
            at_row, at_col = at_row % height, at_col % width
            covered[at_row, at_col] = True
            after = target[at_row, at_col]
            kept &= after == canvas[at_row, at_col]
            if color == MISFIT:
                color = after
            uniform &= after == color
    if kept:
        return TRANSPARENT
    return color if uniform else MISFIT


def _cells(arr: np.ndarray) -> np.ndarray:
    """The cells in the one layout the kernels are compiled for: C order, read-only."""
    cells = np.ascontiguousarray(arr)
    cells.setflags(write=False)
    return cells


def _objects(arr: np.ndarray, labels: np.ndarray, count: int) -> Objects:
    patches, boxes = _cut(arr, labels, count)
    patches.setflags(write=False)
    return tuple(
        Object(Grid.of(patches[at : at + height * width].reshape(height, width)), top, left)
        for at, top, left, height, width in boxes.tolist()
    )


def _extract(diagonal: bool, univalued: bool, background: bool) -> Callable[[Grid], Objects]:
    def extract(grid: Grid) -> Objects:
        return _objects(grid.array, *_components(grid.array, diagonal, univalued, background))

    return extract


def _color_objects(grid: Grid) -> Objects:
    return _objects(grid.array, *_by_color(grid.array))


@cache  # `_shoot_ray` asks for one per call
def _drawn(*steps: tuple[int, int]) -> Callable[[Grid, Color], Grid]:
    lines = np.array(steps, dtype=np.int64)

    def draw(grid: Grid, color: Color) -> Grid:
        return Grid(_lines(grid.array, color, lines))

    return draw


def _shoot_ray(grid: Grid, color: Color, direction: Integer) -> Grid:
    return _drawn(_direction(direction))(grid, color)


def _shoot_rays(grid: Grid, direction: Integer) -> Grid:
    return Grid(_shot(grid.array, *_direction(direction)))


def _remove_small_objects(grid: Grid, n: Integer) -> Grid:
    return Grid(_without_specks(grid.array, n))


def _ring_color(grid: Grid, color: Color, ring: Color) -> Grid:
    return Grid(_ringed(grid.array, color, ring))


def _fill_enclosed(grid: Grid, color: Color) -> Grid:
    return Grid(_enclosed(grid.array, color))


def _region_color(pick: Callable[[np.ndarray], int]) -> Callable[[Grid], Color]:
    def region_color(grid: Grid) -> Color:
        sizes, colors = _region_sizes(grid.array)
        if not sizes.size:
            raise ValueError("the grid is all background")
        return Color(int(colors[pick(sizes)]))

    return region_color


def _object_count(square: bool) -> Callable[[Grid, Color], Grid]:
    def count(grid: Grid, color: Color) -> Grid:
        return _bar(_colored_components(grid.array, color), color, square)

    return count


def _horizontal_period(grid: Grid) -> Integer:
    return Integer(_period(grid.array))


def _vertical_period(grid: Grid) -> Integer:
    return Integer(_period(_cells(grid.array.T)))


def _gravity(step: tuple[int, int]) -> Callable[[Grid], Grid]:
    def fall(grid: Grid) -> Grid:
        lines = _cells(_along(grid.array, step, 0))
        return Grid(_back(_fallen_right(lines), step, grid.shape))

    return fall


def _recolor_touching(grid: Grid, color: Color, other: Color, target: Color) -> Grid:
    return Grid(_touching(grid.array, color, other, target))


def _drop_objects(step: tuple[int, int]) -> Callable[[Grid], Grid]:
    def drop(grid: Grid) -> Grid:
        lines = _cells(_along(grid.array, step, 0))
        return Grid(_back(_drop_right(lines), step, grid.shape))

    return drop


def _joined(down: bool) -> Callable[[Grid], Grid]:
    def join(grid: Grid) -> Grid:
        arr = grid.array
        bands = _joins_across(arr)
        if down:
            bands = np.where(bands, bands, _joins_across(_cells(arr.T)).T)
        return _paint(grid, bands != 0, bands)

    return join


def _continue_runs(grid: Grid) -> Grid:
    arr = grid.array
    across, down = _continued(arr), _continued(_cells(arr.T)).T
    colors = np.where(across, across, down)
    return _paint(grid, colors != 0, colors)


def _connect(*steps: tuple[int, int]) -> Callable[[Grid], Grid]:
    lines = np.array(steps, dtype=np.int64)

    def connect(grid: Grid) -> Grid:
        if not grid.array.any():
            raise ValueError("no cells to connect")  # as the DSL's argmax over no colours
        spans = _spans(grid.array, lines)
        return _paint(grid, spans != 0, spans)

    return connect


def _recolor_inside(grid: Grid, color: Color) -> Grid:
    return Grid(_inside(grid.array, color))


def _shoot_from_odd_cells(grid: Grid) -> Grid:
    rays = _odd_rays(grid.array, np.array(_STEPS, dtype=np.int64))
    return _paint(grid, rays != 0, rays)


# The twins by the name of the primitive they stand in for.
COMPILED: dict[str, Callable[..., object]] = {
    "components": _extract(False, True, False),
    "diagonal_components": _extract(True, True, False),
    "multicolor_components": _extract(False, False, False),
    "diagonal_multicolor_components": _extract(True, False, False),
    "regions": _extract(False, True, True),
    "color_objects": _color_objects,
    "gravity_down": _gravity(_DOWN),
    "gravity_up": _gravity(_UP),
    "gravity_left": _gravity(_LEFT),
    "gravity_right": _gravity(_RIGHT),
    "recolor_touching": _recolor_touching,
    "drop_objects_down": _drop_objects(_DOWN),
    "drop_objects_up": _drop_objects(_UP),
    "drop_objects_left": _drop_objects(_LEFT),
    "drop_objects_right": _drop_objects(_RIGHT),
    "join_objects": _joined(True),
    "join_objects_horizontal": _joined(False),
    "continue_runs": _continue_runs,
    "connect_horizontal": _connect(_RIGHT),
    "connect_vertical": _connect(_DOWN),
    "connect_diagonal": _connect(_STEPS[3], _STEPS[5]),
    "recolor_inside": _recolor_inside,
    "ray_up": _drawn(_UP),
    "ray_down": _drawn(_DOWN),
    "ray_left": _drawn(_LEFT),
    "ray_right": _drawn(_RIGHT),
    "extend_horizontal": _drawn(_LEFT, _RIGHT),
    "extend_vertical": _drawn(_UP, _DOWN),
    "draw_cross": _drawn(_UP, _DOWN, _LEFT, _RIGHT),
    "draw_diagonals": _drawn(*_STEPS[1::2]),
    "shoot_ray": _shoot_ray,
    "shoot_rays": _shoot_rays,
    "remove_small_objects": _remove_small_objects,
    "ring_color": _ring_color,
    "fill_enclosed": _fill_enclosed,
    "largest_region_color": _region_color(np.argmax),
    "smallest_region_color": _region_color(np.argmin),
    "shoot_from_odd_cells": _shoot_from_odd_cells,
    "object_count_bar": _object_count(False),
    "object_count_square": _object_count(True),
    "horizontal_period": _horizontal_period,
    "vertical_period": _vertical_period,
}


@cache
def ready() -> None:
    """Compile every twin (or load it from numba's cache) by a first call, so that no
    search's clock pays for it: ~20 s on a fresh install, then well under a second."""
    grid = Grid([[1, 1, 0, 2], [0, 3, 0, 2], [4, 0, 0, 0]])
    for twin in COMPILED.values():
        twin(grid, *[1] * (len(inspect.signature(twin).parameters) - 1))
    meets(grid.array, grid.array, color_table())
    overlaid(grid.array, grid.array, grid.array, color_table())
    recolored(grid.array, 0, 0, grid.array, grid.array, np.zeros(grid.shape, dtype=bool))
