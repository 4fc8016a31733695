"""Map primitives: run a program on each object's box, or on each part between separator
lines, and put the results back in place, or join them in a row or a column in a learned
order (`arrange_objects`).

Their last parameter is a program (a function from a grid to a grid), so the search does not
enumerate them: it finds the program by a nested search on the boxes (search/per_part.py),
and may learn which objects it applies to (`objects_where`, a feature and its values) when
boxes alike in the inputs differ in the outputs. `object_where` picks the one object a
feature singles out (a learned final step when the output is that object cut out).
"""

from __future__ import annotations

from collections.abc import Callable

from .grid import Grid, Object, Objects
from .maps import object_features
from .split import _layout, _separators, hconcat_all, vconcat_all

__all__ = ["map_objects", "map_parts", "arrange_objects", "objects_where", "object_where"]

Box = tuple[int, int, int, int]  # top, bottom, left, right (bottom and right excluded)


def object_boxes(grid: Grid, objects: Objects) -> list[Box]:
    """Each object's bounding box; ValueError if one does not lie wholly inside the grid."""
    boxes = []
    for obj in objects:
        box = (obj.row, obj.row + obj.patch.height, obj.col, obj.col + obj.patch.width)
        if box[0] < 0 or box[2] < 0 or box[1] > grid.height or box[3] > grid.width:
            raise ValueError("an object lies outside the grid")
        boxes.append(box)
    return boxes


def part_boxes(grid: Grid) -> list[Box]:
    """The boxes of the parts between the grid's separator lines, in reading order."""
    row_bands, col_bands = _layout(*_separators(grid))
    return [(r0, r1, c0, c1) for r0, r1 in row_bands for c0, c1 in col_bands]


def cut_box(grid: Grid, box: Box) -> Grid:
    """The cells of the grid inside the box."""
    top, bottom, left, right = box
    return Grid(grid.array[top:bottom, left:right])


def _map_boxes(grid: Grid, boxes: list[Box], function: Callable[[Grid], Grid]) -> Grid:
    """Each box of the grid replaced by the function's result on it; later boxes win."""
    array = grid.array.copy()
    for top, bottom, left, right in boxes:
        result = function(cut_box(grid, (top, bottom, left, right)))
        if result.shape != (bottom - top, right - left):
            raise ValueError("the program changed the shape of a box")
        array[top:bottom, left:right] = result.array
    return Grid(array)


def map_objects(grid: Grid, objects: Objects, function: Callable[[Grid], Grid]) -> Grid:
    """For each object, run a program on its box and put the result back in place."""
    return _map_boxes(grid, object_boxes(grid, objects), function)


def map_parts(grid: Grid, function: Callable[[Grid], Grid]) -> Grid:
    """For each part between the separator lines, run a program on it and put it back."""
    return _map_boxes(grid, part_boxes(grid), function)


def arrange_objects(
    grid: Grid, objects: Objects, feature: str, vertical: bool, function: Callable[[Grid], Grid]
) -> Grid:
    """Run a program on each object's box; join the results in a row or column by a feature."""
    if not objects:
        raise ValueError("no objects to arrange")
    values = object_features(objects, feature)
    boxes = object_boxes(grid, objects)
    order = sorted(range(len(objects)), key=values.__getitem__)
    pieces = tuple(function(cut_box(grid, boxes[i])) for i in order)
    return vconcat_all(pieces) if vertical else hconcat_all(pieces)


def objects_where(objects: Objects, feature: str, values: tuple[int, ...]) -> Objects:
    """Keep the objects whose feature (size, colour, ...) has one of the given values."""
    found = object_features(objects, feature)
    return tuple(obj for obj, value in zip(objects, found, strict=True) if value in values)


def object_where(objects: Objects, feature: str, values: tuple[int, ...]) -> Object:
    """Take the one object whose feature (size, colour, ...) has one of the given values."""
    chosen = objects_where(objects, feature, values)
    if len(chosen) != 1:
        raise ValueError(f"{len(chosen)} objects have that {feature}")
    return chosen[0]
