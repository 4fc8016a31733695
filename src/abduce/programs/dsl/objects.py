"""Object primitives: find connected components, measure them, pick some, and draw them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from functools import lru_cache

import numpy as np

from .grid import TRANSPARENT, Cell, Color, Grid, Integer, Object, Objects

__all__ = [
    # extraction
    "components",
    "diagonal_components",
    "multicolor_components",
    "diagonal_multicolor_components",
    "color_objects",
    "regions",
    # properties
    "object_size",
    "object_height",
    "object_width",
    "object_color",
    "object_color_count",
    "object_top",
    "object_left",
    "object_bottom",
    "object_right",
    "object_center",
    "is_rectangle",
    "touches_border",
    "hole_count",
    "bounding_box",
    # selection
    "largest_object",
    "smallest_object",
    "tallest_object",
    "widest_object",
    "topmost_object",
    "bottommost_object",
    "leftmost_object",
    "rightmost_object",
    "most_colorful_object",
    "rarest_color_object",
    "commonest_color_object",
    "odd_shape_object",
    "odd_color_object",
    "most_holes_object",
    "nth_object",
    "count_objects",
    # filters
    "objects_of_color",
    "objects_at_least",
    "objects_at_most",
    "objects_of_size",
    "border_objects",
    "inner_objects",
    "rectangle_objects",
    # object -> object
    "shift_object",
    "recolor_object",
    "fill_object_holes",
    "normalize_object",
    # object -> grid
    "crop_object",
    "object_subgrid",
    "paint_object",
    "erase_object",
    "move_object",
    "box_object",
    "outline_object",
    # whole-grid conveniences
    "crop_to_largest_object",
    "crop_to_smallest_object",
    "crop_to_odd_shape_object",
    "keep_largest_object",
    "keep_smallest_object",
    "remove_largest_object",
    "remove_small_objects",
    "remove_border_objects",
    "recolor_by_size_rank",
    "recolor_by_size",
    "recolor_largest_object",
    "recolor_smallest_object",
    "recolor_objects_of_size",
    "fill_holes_of_objects",
    "box_objects",
    "keep_common_shape",
]

_BACKGROUND = 0


# ---------------------------------------------------------------- labelling


@lru_cache(maxsize=256)
def _pairs(height: int, width: int, diagonal: bool) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices of neighbouring cells, the first of each pair earlier in reading order."""
    index = np.arange(height * width).reshape(height, width)
    first = [index[:, :-1], index[:-1, :]]
    second = [index[:, 1:], index[1:, :]]
    if diagonal:
        first += [index[:-1, :-1], index[:-1, 1:]]
        second += [index[1:, 1:], index[1:, :-1]]
    return (
        np.concatenate([a.ravel() for a in first]),
        np.concatenate([a.ravel() for a in second]),
    )


def _label(size: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Each cell's component root (its first cell in reading order), joining src-dst edges."""
    root = np.arange(size)
    while src.size:
        a, b = root[src], root[dst]
        apart = a != b
        if not apart.any():
            break
        a, b, src, dst = a[apart], b[apart], src[apart], dst[apart]
        root[np.maximum(a, b)] = np.minimum(a, b)
        while True:
            jumped = root[root]
            if (jumped == root).all():
                break
            root = jumped
    return root


def _build(flat: np.ndarray, width: int, cells: np.ndarray, labels: np.ndarray) -> Objects:
    """One object per label, from the given flat cells, in reading order of their corners."""
    if not cells.size:
        return ()
    order = np.argsort(labels, kind="stable")
    cells, labels = cells[order], labels[order]
    starts = np.concatenate(([0], np.flatnonzero(labels[1:] != labels[:-1]) + 1))
    counts = np.diff(starts, append=cells.size)
    rows, cols = cells // width, cells % width
    tops, lefts = np.minimum.reduceat(rows, starts), np.minimum.reduceat(cols, starts)
    heights = np.maximum.reduceat(rows, starts) - tops + 1
    widths = np.maximum.reduceat(cols, starts) - lefts + 1
    # every patch in one buffer, each cell written at its place in its object's patch
    ends = np.cumsum(heights * widths)
    offsets = ends - heights * widths
    patches = np.full(int(ends[-1]), TRANSPARENT, dtype=np.int8)
    row_in, col_in = rows - np.repeat(tops, counts), cols - np.repeat(lefts, counts)
    patches[np.repeat(offsets, counts) + row_in * np.repeat(widths, counts) + col_in] = flat[cells]
    patches.setflags(write=False)
    corners = np.lexsort((lefts, tops))  # stable: ties keep the labels' order
    columns = (offsets[corners], ends[corners], tops[corners], lefts[corners], widths[corners])
    return tuple(
        Object(Grid.of(patches[start:end].reshape(-1, w)), top, left)
        for start, end, top, left, w in zip(*(c.tolist() for c in columns), strict=True)
    )


@lru_cache(maxsize=1024)
def _extract(grid: Grid, univalued: bool, diagonal: bool, without_background: bool) -> Objects:
    height, width = grid.shape
    flat = grid.array.ravel()
    src, dst = _pairs(height, width, diagonal)
    a, b = flat[src], flat[dst]
    if univalued:
        link = a == b
        if without_background:
            link &= a != _BACKGROUND
    else:
        link = (a != _BACKGROUND) & (b != _BACKGROUND)
    root = _label(flat.size, src[link], dst[link])
    cells = np.flatnonzero(flat != _BACKGROUND) if without_background else np.arange(flat.size)
    return _build(flat, width, cells, root[cells])


@lru_cache(maxsize=1024)
def _color_objects(grid: Grid) -> Objects:
    flat = grid.array.ravel()
    cells = np.flatnonzero(flat != _BACKGROUND)
    return _build(flat, grid.width, cells, flat[cells])


@lru_cache(maxsize=4096)
def _holes(patch: Grid) -> tuple[np.ndarray, int]:
    """The patch's hole cells (outside the object, cut off from the patch edge) and how many."""
    outside = patch.array == TRANSPARENT
    height, width = outside.shape
    src, dst = _pairs(height, width, False)
    link = outside.ravel()[src] & outside.ravel()[dst]
    root = _label(outside.size, src[link], dst[link]).reshape(height, width)
    edge = np.zeros(outside.size, dtype=bool)
    edge[np.concatenate((root[0], root[-1], root[:, 0], root[:, -1]))] = True
    holes = outside & ~edge[root]
    holes.setflags(write=False)
    return holes, len(np.unique(root[holes]))


def _nonempty(objs: Objects) -> Objects:
    if not objs:
        raise ValueError("no objects")
    return objs


@lru_cache(maxsize=16384)
def _size(obj: Object) -> int:
    return obj.size


@lru_cache(maxsize=16384)
def _color(obj: Object) -> Color:
    return Color(int(np.bincount(obj.patch.array[obj.mask], minlength=10).argmax()))


@lru_cache(maxsize=16384)
def _shape_key(obj: Object) -> tuple[tuple[int, int], bytes]:
    mask = obj.mask
    return mask.shape, mask.tobytes()


def _window(
    shape: tuple[int, int], row: int, col: int, patch: tuple[int, int]
) -> tuple[slice, slice, slice, slice] | None:
    """The overlap of a grid and a patch placed at (row, col): grid slices, then patch slices."""
    top, left = max(row, 0), max(col, 0)
    bottom, right = min(row + patch[0], shape[0]), min(col + patch[1], shape[1])
    if top >= bottom or left >= right:
        return None
    return (
        slice(top, bottom),
        slice(left, right),
        slice(top - row, bottom - row),
        slice(left - col, right - col),
    )


def _paint(array: np.ndarray, obj: Object, color: int | None = None) -> None:
    """Paint the object in place (in one colour if given), dropping cells off the grid."""
    window = _window(array.shape, obj.row, obj.col, obj.patch.shape)
    if window is None:
        return
    rows, cols, prows, pcols = window
    patch = obj.patch.array[prows, pcols]
    mask = patch != TRANSPARENT
    array[rows, cols][mask] = patch[mask] if color is None else color


def _erase(array: np.ndarray, obj: Object) -> None:
    _paint(array, obj, _BACKGROUND)


def _box_around(padded: np.ndarray, obj: Object) -> None:
    """Mark the ring of cells just around the object's bounding box in a mask padded by one."""
    last_row, last_col = padded.shape[0] - 1, padded.shape[1] - 1
    top, left = min(max(obj.row, 0), last_row), min(max(obj.col, 0), last_col)
    bottom = min(max(obj.row + obj.patch.height + 1, 0), last_row)
    right = min(max(obj.col + obj.patch.width + 1, 0), last_col)
    padded[top, left : right + 1] = True
    padded[bottom, left : right + 1] = True
    padded[top : bottom + 1, left] = True
    padded[top : bottom + 1, right] = True


def _draw_on_background(grid: Grid, padded: np.ndarray, color: Color) -> Grid:
    """Colour the background 0 cells marked in a mask padded by one."""
    array = grid.array.copy()
    array[padded[1:-1, 1:-1] & (array == _BACKGROUND)] = color
    return Grid(array)


def _blank(grid: Grid) -> np.ndarray:
    return np.zeros(grid.shape, dtype=np.int8)


def _objects(grid: Grid) -> Objects:
    """The default objects of the whole-grid conveniences: non-background, 8-connected."""
    return _extract(grid, False, True, True)


# ---------------------------------------------------------------- extraction


def components(grid: Grid) -> Objects:
    """Find the single-colour objects, cells joined by their sides, on the background 0."""
    return _extract(grid, True, False, True)


def diagonal_components(grid: Grid) -> Objects:
    """Find the single-colour objects, cells joined by sides or corners, on the background 0."""
    return _extract(grid, True, True, True)


def multicolor_components(grid: Grid) -> Objects:
    """Find the objects of any colours, cells joined by their sides, on the background 0."""
    return _extract(grid, False, False, True)


def diagonal_multicolor_components(grid: Grid) -> Objects:
    """Find the objects of any colours, cells joined by sides or corners, on the background 0."""
    return _extract(grid, False, True, True)


def color_objects(grid: Grid) -> Objects:
    """Gather all cells of each colour other than the background 0 into one object."""
    return _color_objects(grid)


def regions(grid: Grid) -> Objects:
    """Split the whole grid, background included, into single-colour side-joined regions."""
    return _extract(grid, True, False, False)


# ---------------------------------------------------------------- properties


def object_size(obj: Object) -> Integer:
    """Count the object's cells."""
    return Integer(_size(obj))


def object_height(obj: Object) -> Integer:
    """Measure the object's height."""
    return Integer(obj.patch.height)


def object_width(obj: Object) -> Integer:
    """Measure the object's width."""
    return Integer(obj.patch.width)


def object_color(obj: Object) -> Color:
    """Take the object's most common colour, the lowest on a tie."""
    return _color(obj)


def object_color_count(obj: Object) -> Integer:
    """Count the object's colours."""
    return Integer(len(obj.colors))


def object_top(obj: Object) -> Integer:
    """Take the row of the object's top edge."""
    return Integer(obj.row)


def object_left(obj: Object) -> Integer:
    """Take the column of the object's left edge."""
    return Integer(obj.col)


def object_bottom(obj: Object) -> Integer:
    """Take the row of the object's bottom edge."""
    return Integer(obj.row + obj.patch.height - 1)


def object_right(obj: Object) -> Integer:
    """Take the column of the object's right edge."""
    return Integer(obj.col + obj.patch.width - 1)


def object_center(obj: Object) -> Cell:
    """Take the centre cell of the object's bounding box, rounding towards the top left."""
    return (obj.row + (obj.patch.height - 1) // 2, obj.col + (obj.patch.width - 1) // 2)


def is_rectangle(obj: Object) -> bool:
    """Tell whether the object fills its bounding box."""
    return bool(obj.mask.all())


def touches_border(obj: Object, grid: Grid) -> bool:
    """Tell whether the object touches the edge of the grid."""
    height, width = obj.patch.shape
    return (
        obj.row <= 0
        or obj.col <= 0
        or obj.row + height >= grid.height
        or obj.col + width >= grid.width
    )


def hole_count(obj: Object) -> Integer:
    """Count the holes enclosed by the object."""
    return Integer(_holes(obj.patch)[1])


def bounding_box(obj: Object) -> Object:
    """Fill the object's bounding box with the object's colour."""
    return Object(Grid(np.full(obj.patch.shape, object_color(obj))), obj.row, obj.col)


# ---------------------------------------------------------------- selection


def largest_object(objs: Objects) -> Object:
    """Pick the object with the most cells."""
    return max(_nonempty(objs), key=lambda o: _size(o))


def smallest_object(objs: Objects) -> Object:
    """Pick the object with the fewest cells."""
    return min(_nonempty(objs), key=lambda o: _size(o))


def tallest_object(objs: Objects) -> Object:
    """Pick the tallest object."""
    return max(_nonempty(objs), key=lambda o: o.patch.height)


def widest_object(objs: Objects) -> Object:
    """Pick the widest object."""
    return max(_nonempty(objs), key=lambda o: o.patch.width)


def topmost_object(objs: Objects) -> Object:
    """Pick the object nearest the top."""
    return min(_nonempty(objs), key=lambda o: o.row)


def bottommost_object(objs: Objects) -> Object:
    """Pick the object reaching lowest."""
    return max(_nonempty(objs), key=object_bottom)


def leftmost_object(objs: Objects) -> Object:
    """Pick the object nearest the left."""
    return min(_nonempty(objs), key=lambda o: o.col)


def rightmost_object(objs: Objects) -> Object:
    """Pick the object reaching furthest right."""
    return max(_nonempty(objs), key=object_right)


def most_colorful_object(objs: Objects) -> Object:
    """Pick the object with the most colours."""
    return max(_nonempty(objs), key=lambda o: len(o.colors))


def rarest_color_object(objs: Objects) -> Object:
    """Pick the object whose colour the fewest objects share."""
    colors = [_color(o) for o in _nonempty(objs)]
    counts = Counter(colors)
    return objs[min(range(len(objs)), key=lambda i: counts[colors[i]])]


def commonest_color_object(objs: Objects) -> Object:
    """Pick the object whose colour the most objects share."""
    colors = [_color(o) for o in _nonempty(objs)]
    counts = Counter(colors)
    return objs[max(range(len(objs)), key=lambda i: counts[colors[i]])]


def _odd_one(objs: Objects, keys: list[Hashable]) -> Object:
    counts = Counter(keys)
    odd = [o for o, k in zip(objs, keys, strict=True) if counts[k] == 1]
    if len(odd) != 1:
        raise ValueError("no single odd object")
    return odd[0]


def odd_shape_object(objs: Objects) -> Object:
    """Pick the one object whose shape no other object shares."""
    return _odd_one(objs, [_shape_key(o) for o in objs])


def odd_color_object(objs: Objects) -> Object:
    """Pick the one object whose colour no other object shares."""
    return _odd_one(objs, [_color(o) for o in objs])


def most_holes_object(objs: Objects) -> Object:
    """Pick the object with the most holes."""
    return max(_nonempty(objs), key=hole_count)


def nth_object(objs: Objects, n: Integer) -> Object:
    """Pick the n-th object in reading order, counting from zero."""
    if not 0 <= n < len(objs):
        raise ValueError("no such object")
    return objs[n]


def count_objects(objs: Objects) -> Integer:
    """Count the objects."""
    return Integer(len(objs))


# ---------------------------------------------------------------- filters


def objects_of_color(objs: Objects, color: Color) -> Objects:
    """Keep the objects of a colour."""
    return _nonempty(tuple(o for o in objs if _color(o) == color))


def objects_at_least(objs: Objects, n: Integer) -> Objects:
    """Keep the objects of at least n cells."""
    return _nonempty(tuple(o for o in objs if _size(o) >= n))


def objects_at_most(objs: Objects, n: Integer) -> Objects:
    """Keep the objects of at most n cells."""
    return _nonempty(tuple(o for o in objs if _size(o) <= n))


def objects_of_size(objs: Objects, n: Integer) -> Objects:
    """Keep the objects of exactly n cells."""
    return _nonempty(tuple(o for o in objs if _size(o) == n))


def border_objects(objs: Objects, grid: Grid) -> Objects:
    """Keep the objects touching the edge of the grid."""
    return _nonempty(tuple(o for o in objs if touches_border(o, grid)))


def inner_objects(objs: Objects, grid: Grid) -> Objects:
    """Keep the objects clear of the edge of the grid."""
    return _nonempty(tuple(o for o in objs if not touches_border(o, grid)))


def rectangle_objects(objs: Objects) -> Objects:
    """Keep the objects that fill their bounding boxes."""
    return _nonempty(tuple(o for o in objs if is_rectangle(o)))


# ---------------------------------------------------------------- object -> object


def shift_object(obj: Object, rows: Integer, cols: Integer) -> Object:
    """Shift the object down by some rows and right by some columns."""
    return Object(obj.patch, obj.row + rows, obj.col + cols)


def recolor_object(obj: Object, color: Color) -> Object:
    """Recolour the whole object in one colour."""
    return Object(Grid(np.where(obj.mask, color, TRANSPARENT)), obj.row, obj.col)


def fill_object_holes(obj: Object, color: Color) -> Object:
    """Fill the object's holes with a colour."""
    holes, count = _holes(obj.patch)
    if not count:
        return obj
    return Object(Grid(np.where(holes, color, obj.patch.array)), obj.row, obj.col)


def normalize_object(obj: Object) -> Object:
    """Move the object to the top-left corner."""
    return Object(obj.patch, 0, 0)


# ---------------------------------------------------------------- object -> grid


def crop_object(obj: Object) -> Grid:
    """Cut the object out on its own, on the background 0."""
    patch = obj.patch.array
    return Grid(np.where(patch == TRANSPARENT, _BACKGROUND, patch))


def object_subgrid(obj: Object, grid: Grid) -> Grid:
    """Crop the grid to the object's bounding box."""
    window = _window(grid.shape, obj.row, obj.col, obj.patch.shape)
    if window is None:
        raise ValueError("object outside the grid")
    return Grid(grid.array[window[0], window[1]])


def paint_object(grid: Grid, obj: Object) -> Grid:
    """Paint the object onto the grid."""
    array = grid.array.copy()
    _paint(array, obj)
    return Grid(array)


def erase_object(grid: Grid, obj: Object) -> Grid:
    """Cover the object with the background 0."""
    array = grid.array.copy()
    _erase(array, obj)
    return Grid(array)


def move_object(grid: Grid, obj: Object, rows: Integer, cols: Integer) -> Grid:
    """Move the object down by some rows and right by some columns, leaving background 0."""
    array = grid.array.copy()
    _erase(array, obj)
    _paint(array, shift_object(obj, rows, cols))
    return Grid(array)


def box_object(grid: Grid, obj: Object, color: Color) -> Grid:
    """Draw a box in a colour just around the object, on the background 0."""
    padded = np.zeros((grid.height + 2, grid.width + 2), dtype=bool)
    _box_around(padded, obj)
    return _draw_on_background(grid, padded, color)


def outline_object(grid: Grid, obj: Object, color: Color) -> Grid:
    """Colour the background 0 cells touching the object, corners included."""
    height, width = obj.patch.shape
    mask = obj.mask
    ring = np.zeros((height + 2, width + 2), dtype=bool)
    for dr in range(3):
        for dc in range(3):
            ring[dr : dr + height, dc : dc + width] |= mask
    padded = np.zeros((grid.height + 2, grid.width + 2), dtype=bool)
    window = _window(padded.shape, obj.row, obj.col, ring.shape)
    if window is not None:
        rows, cols, ring_rows, ring_cols = window
        padded[rows, cols] = ring[ring_rows, ring_cols]
    return _draw_on_background(grid, padded, color)


# ---------------------------------------------------------------- whole-grid conveniences


def crop_to_largest_object(grid: Grid) -> Grid:
    """Crop the grid to its largest object."""
    return object_subgrid(largest_object(_objects(grid)), grid)


def crop_to_smallest_object(grid: Grid) -> Grid:
    """Crop the grid to its smallest object."""
    return object_subgrid(smallest_object(_objects(grid)), grid)


def crop_to_odd_shape_object(grid: Grid) -> Grid:
    """Crop the grid to the one object whose shape no other object shares."""
    return object_subgrid(odd_shape_object(_objects(grid)), grid)


def keep_largest_object(grid: Grid) -> Grid:
    """Keep only the largest object, on the background 0."""
    array = _blank(grid)
    _paint(array, largest_object(_objects(grid)))
    return Grid(array)


def keep_smallest_object(grid: Grid) -> Grid:
    """Keep only the smallest object, on the background 0."""
    array = _blank(grid)
    _paint(array, smallest_object(_objects(grid)))
    return Grid(array)


def remove_largest_object(grid: Grid) -> Grid:
    """Remove the largest object, leaving background 0."""
    return erase_object(grid, largest_object(_objects(grid)))


def remove_small_objects(grid: Grid, n: Integer) -> Grid:
    """Remove the single-colour specks of fewer than n cells, leaving background 0."""
    array = grid.array.copy()
    for obj in diagonal_components(grid):
        if _size(obj) < n:
            _erase(array, obj)
    return Grid(array)


def remove_border_objects(grid: Grid) -> Grid:
    """Remove the objects touching the edge of the grid, leaving background 0."""
    array = grid.array.copy()
    for obj in _objects(grid):
        if touches_border(obj, grid):
            _erase(array, obj)
    return Grid(array)


def recolor_by_size_rank(grid: Grid) -> Grid:
    """Recolour the objects 1, 2, 3... from the largest to the smallest."""
    ranked = sorted(_objects(grid), key=lambda o: -_size(o))
    if len(ranked) > 9:
        raise ValueError("more than nine objects")
    array = grid.array.copy()
    for rank, obj in enumerate(ranked, start=1):
        _paint(array, obj, rank)
    return Grid(array)


def recolor_by_size(grid: Grid) -> Grid:
    """Recolour each object with the colour numbered by its cell count."""
    array = grid.array.copy()
    for obj in _objects(grid):
        size = _size(obj)
        if size > 9:
            raise ValueError("an object of more than nine cells")
        _paint(array, obj, size)
    return Grid(array)


def recolor_largest_object(grid: Grid, color: Color) -> Grid:
    """Recolour the largest object."""
    array = grid.array.copy()
    _paint(array, largest_object(_objects(grid)), color)
    return Grid(array)


def recolor_smallest_object(grid: Grid, color: Color) -> Grid:
    """Recolour the smallest object."""
    array = grid.array.copy()
    _paint(array, smallest_object(_objects(grid)), color)
    return Grid(array)


def recolor_objects_of_size(grid: Grid, n: Integer, color: Color) -> Grid:
    """Recolour the objects of exactly n cells."""
    array = grid.array.copy()
    for obj in _objects(grid):
        if _size(obj) == n:
            _paint(array, obj, color)
    return Grid(array)


def fill_holes_of_objects(grid: Grid, color: Color) -> Grid:
    """Fill the background 0 cells enclosed by each object with a colour."""
    array = grid.array.copy()
    for obj in _objects(grid):
        holes, count = _holes(obj.patch)
        if count:
            height, width = holes.shape
            target = array[obj.row : obj.row + height, obj.col : obj.col + width]
            target[holes & (target == _BACKGROUND)] = color
    return Grid(array)


def box_objects(grid: Grid, color: Color) -> Grid:
    """Draw a box in a colour just around every object, on the background 0."""
    padded = np.zeros((grid.height + 2, grid.width + 2), dtype=bool)
    for obj in _objects(grid):
        _box_around(padded, obj)
    return _draw_on_background(grid, padded, color)


def keep_common_shape(grid: Grid) -> Grid:
    """Keep only the objects of the most common shape, on the background 0."""
    objs = _nonempty(_objects(grid))
    keys = [_shape_key(o) for o in objs]
    common = Counter(keys).most_common(1)[0][0]
    array = _blank(grid)
    for obj, key in zip(objs, keys, strict=True):
        if key == common:
            _paint(array, obj)
    return Grid(array)
