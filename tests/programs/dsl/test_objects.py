"""Tests of the object primitives, on small literal grids."""

from __future__ import annotations

import pytest

from abduce.programs.dsl.grid import Grid, Object
from abduce.programs.dsl.objects import (
    border_objects,
    bottommost_object,
    bounding_box,
    box_object,
    box_objects,
    color_objects,
    commonest_color_object,
    components,
    count_objects,
    crop_object,
    crop_to_largest_object,
    crop_to_odd_shape_object,
    crop_to_smallest_object,
    diagonal_components,
    diagonal_multicolor_components,
    erase_object,
    fill_holes_of_objects,
    fill_object_holes,
    hole_count,
    inner_objects,
    is_rectangle,
    keep_common_shape,
    keep_largest_object,
    keep_smallest_object,
    largest_object,
    leftmost_object,
    most_colorful_object,
    most_holes_object,
    move_object,
    multicolor_components,
    normalize_object,
    nth_object,
    object_bottom,
    object_center,
    object_color,
    object_color_count,
    object_height,
    object_left,
    object_right,
    object_size,
    object_subgrid,
    object_top,
    object_width,
    objects_at_least,
    objects_at_most,
    objects_of_color,
    objects_of_size,
    odd_color_object,
    odd_shape_object,
    outline_object,
    paint_object,
    rarest_color_object,
    recolor_by_size,
    recolor_by_size_rank,
    recolor_largest_object,
    recolor_object,
    recolor_objects_of_size,
    recolor_smallest_object,
    rectangle_objects,
    regions,
    remove_border_objects,
    remove_largest_object,
    remove_small_objects,
    rightmost_object,
    shift_object,
    smallest_object,
    tallest_object,
    topmost_object,
    touches_border,
    widest_object,
)

X = -1  # transparent

SCENE = Grid(
    [
        [1, 1, 0, 0, 2],
        [1, 0, 0, 2, 0],
        [0, 0, 3, 3, 0],
        [4, 0, 3, 3, 0],
    ]
)
ONES = Object(Grid([[1, 1], [1, X]]), 0, 0)
BLOCK = Object(Grid([[3, 3], [3, 3]]), 2, 2)
FOUR = Object(Grid([[4]]), 3, 0)

RING = Object(Grid([[5, 5, 5], [5, X, 5], [5, 5, 5]]), 1, 2)
DOT = Object(Grid([[1]]), 4, 0)

A = Object(Grid([[1, 1, 1]]), 0, 0)
B = Object(Grid([[2], [2]]), 0, 4)
C = Object(Grid([[1, X], [3, 1]]), 2, 1)
D = DOT
ABCD = (A, B, C, D)

WORLD = Grid(
    [
        [0, 0, 0, 0, 0, 0],
        [0, 2, 2, 0, 0, 5],
        [0, 2, 3, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 4, 4, 4, 0, 0],
        [0, 4, 0, 4, 0, 0],
        [0, 4, 4, 4, 0, 1],
    ]
)
DOTS_AND_BAR = Grid([[1, 0, 2], [0, 0, 0], [3, 0, 0], [0, 0, 0], [4, 4, 0]])


# ---------------------------------------------------------------- extraction


def test_components():
    assert components(SCENE) == (
        ONES,
        Object(Grid([[2]]), 0, 4),
        Object(Grid([[2]]), 1, 3),
        BLOCK,
        FOUR,
    )
    assert components(Grid([[0, 0]])) == ()
    assert components(SCENE) is components(Grid(SCENE.to_list()))  # cached


def test_diagonal_components():
    assert diagonal_components(SCENE) == (
        ONES,
        Object(Grid([[X, 2], [2, X]]), 0, 3),
        BLOCK,
        FOUR,
    )


def test_multicolor_components():
    assert multicolor_components(SCENE) == (
        ONES,
        Object(Grid([[2]]), 0, 4),
        Object(Grid([[X, 2], [3, 3], [3, 3]]), 1, 2),
        FOUR,
    )


def test_diagonal_multicolor_components():
    assert diagonal_multicolor_components(SCENE) == (
        ONES,
        Object(Grid([[X, X, 2], [X, 2, X], [3, 3, X], [3, 3, X]]), 0, 2),
        FOUR,
    )


def test_color_objects():
    assert color_objects(SCENE) == (
        ONES,
        Object(Grid([[X, 2], [2, X]]), 0, 3),
        BLOCK,
        FOUR,
    )


def test_regions():
    found = regions(SCENE)
    assert [(o.row, o.col, o.size, o.colors) for o in found] == [
        (0, 0, 3, (1,)),
        (0, 0, 7, (0,)),
        (0, 4, 1, (2,)),
        (1, 3, 1, (2,)),
        (1, 4, 3, (0,)),
        (2, 2, 4, (3,)),
        (3, 0, 1, (4,)),
    ]
    assert sum(o.size for o in found) == 20


# ---------------------------------------------------------------- properties


def test_object_size():
    assert object_size(RING) == 8
    assert object_size(C) == 3


def test_object_height():
    assert object_height(B) == 2


def test_object_width():
    assert object_width(A) == 3


def test_object_color():
    assert object_color(Object(Grid([[3, 3, 1]]), 0, 0)) == 3
    assert object_color(Object(Grid([[2, 1], [1, 2]]), 0, 0)) == 1  # tie: the lower colour


def test_object_color_count():
    assert object_color_count(C) == 2
    assert object_color_count(RING) == 1


def test_object_top():
    assert object_top(RING) == 1


def test_object_left():
    assert object_left(RING) == 2


def test_object_bottom():
    assert object_bottom(RING) == 3


def test_object_right():
    assert object_right(RING) == 4


def test_object_center():
    assert object_center(RING) == (2, 3)
    assert object_center(Object(Grid([[1, 1]]), 5, 6)) == (5, 6)


def test_is_rectangle():
    assert is_rectangle(BLOCK)
    assert not is_rectangle(RING)


def test_touches_border():
    grid = Grid([[0, 0, 0], [0, 0, 0], [0, 0, 0]])
    assert not touches_border(Object(Grid([[1]]), 1, 1), grid)
    assert touches_border(Object(Grid([[1]]), 0, 1), grid)
    assert touches_border(Object(Grid([[1]]), 1, 2), grid)
    assert touches_border(Object(Grid([[1], [1]]), 1, 1), grid)


def test_hole_count():
    assert hole_count(RING) == 1
    assert hole_count(Object(Grid([[1, X, 1], [1, 1, 1]]), 0, 0)) == 0
    two = Object(Grid([[1, 1, 1, 1, 1], [1, X, 1, X, 1], [1, 1, 1, 1, 1]]), 0, 0)
    assert hole_count(two) == 2
    corners = Object(Grid([[1, 1, 1, 1], [1, X, 1, 1], [1, 1, X, 1], [1, 1, 1, 1]]), 0, 0)
    assert hole_count(corners) == 2


def test_bounding_box():
    assert bounding_box(Object(Grid([[5, X], [5, 5]]), 1, 2)) == Object(
        Grid([[5, 5], [5, 5]]), 1, 2
    )


# ---------------------------------------------------------------- selection


def test_largest_object():
    assert largest_object(ABCD) == A  # A and C tie: reading order
    with pytest.raises(ValueError):
        largest_object(())


def test_smallest_object():
    assert smallest_object(ABCD) == D


def test_tallest_object():
    assert tallest_object(ABCD) == B


def test_widest_object():
    assert widest_object(ABCD) == A


def test_topmost_object():
    assert topmost_object(ABCD) == A
    assert topmost_object((C, D)) == C


def test_bottommost_object():
    assert bottommost_object(ABCD) == D
    assert bottommost_object((A, B)) == B


def test_leftmost_object():
    assert leftmost_object(ABCD) == A
    assert leftmost_object((B, C)) == C


def test_rightmost_object():
    assert rightmost_object(ABCD) == B


def test_most_colorful_object():
    assert most_colorful_object(ABCD) == C


def test_rarest_color_object():
    assert rarest_color_object(ABCD) == B


def test_commonest_color_object():
    assert commonest_color_object(ABCD) == A
    assert commonest_color_object((B, C, Object(Grid([[2]]), 9, 9))) == B


def test_odd_shape_object():
    dots = tuple(Object(Grid([[c]]), 0, 2 * c) for c in (1, 2, 3))
    bar = Object(Grid([[4, 4]]), 3, 0)
    assert odd_shape_object((*dots, bar)) == bar
    with pytest.raises(ValueError):
        odd_shape_object(ABCD)  # every shape is different


def test_odd_color_object():
    assert odd_color_object(ABCD) == B
    with pytest.raises(ValueError):
        odd_color_object((A, B, C, Object(Grid([[2]]), 9, 9)))


def test_most_holes_object():
    assert most_holes_object((DOT, RING, BLOCK)) == RING


def test_nth_object():
    assert nth_object(ABCD, 2) == C
    with pytest.raises(ValueError):
        nth_object(ABCD, 4)


def test_count_objects():
    assert count_objects(ABCD) == 4
    assert count_objects(()) == 0


# ---------------------------------------------------------------- filters


def test_objects_of_color():
    assert objects_of_color(ABCD, 1) == (A, C, D)
    with pytest.raises(ValueError):
        objects_of_color(ABCD, 5)


def test_objects_at_least():
    assert objects_at_least(ABCD, 3) == (A, C)


def test_objects_at_most():
    assert objects_at_most(ABCD, 2) == (B, D)


def test_objects_of_size():
    assert objects_of_size(ABCD, 2) == (B,)
    with pytest.raises(ValueError):
        objects_of_size(ABCD, 7)


def test_border_objects():
    grid = Grid([[0] * 5] * 5)
    assert border_objects(ABCD, grid) == (A, B, D)


def test_inner_objects():
    grid = Grid([[0] * 5] * 5)
    assert inner_objects(ABCD, grid) == (C,)


def test_rectangle_objects():
    assert rectangle_objects(ABCD) == (A, B, D)


# ---------------------------------------------------------------- object -> object


def test_shift_object():
    assert shift_object(C, 2, -1) == Object(C.patch, 4, 0)


def test_recolor_object():
    assert recolor_object(C, 7) == Object(Grid([[7, X], [7, 7]]), 2, 1)


def test_fill_object_holes():
    assert fill_object_holes(RING, 4) == Object(Grid([[5, 5, 5], [5, 4, 5], [5, 5, 5]]), 1, 2)
    assert fill_object_holes(C, 4) == C


def test_normalize_object():
    assert normalize_object(C) == Object(C.patch, 0, 0)


# ---------------------------------------------------------------- object -> grid


def test_crop_object():
    assert crop_object(C) == Grid([[1, 0], [3, 1]])


def test_object_subgrid():
    grid = Grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert object_subgrid(Object(Grid([[0, X], [0, 0]]), 1, 1), grid) == Grid([[5, 6], [8, 9]])
    with pytest.raises(ValueError):
        object_subgrid(Object(Grid([[1]]), 5, 5), grid)


def test_paint_object():
    grid = Grid([[0, 0, 0], [0, 0, 0]])
    patch = Grid([[5, 5], [5, X]])
    assert paint_object(grid, Object(patch, -1, 1)) == Grid([[0, 5, 0], [0, 0, 0]])
    assert paint_object(grid, Object(patch, 0, 0)) == Grid([[5, 5, 0], [5, 0, 0]])


def test_erase_object():
    grid = Grid([[1, 1], [2, 1]])
    assert erase_object(grid, Object(Grid([[1, 1], [X, 1]]), 0, 0)) == Grid([[0, 0], [2, 0]])


def test_move_object():
    grid = Grid([[3, 0, 0], [0, 0, 0]])
    assert move_object(grid, Object(Grid([[3]]), 0, 0), 1, 2) == Grid([[0, 0, 0], [0, 0, 3]])


def test_box_object():
    grid = Grid(
        [
            [0, 0, 0, 0, 0],
            [0, 2, 0, 0, 0],
            [0, 0, 1, 0, 0],
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
        ]
    )
    assert box_object(grid, Object(Grid([[1]]), 2, 2), 4) == Grid(
        [
            [0, 0, 0, 0, 0],
            [0, 2, 4, 4, 0],
            [0, 4, 1, 4, 0],
            [0, 4, 4, 4, 0],
            [0, 0, 0, 0, 0],
        ]
    )
    assert box_object(Grid([[1, 0], [0, 0]]), Object(Grid([[1]]), 0, 0), 4) == Grid(
        [[1, 4], [4, 4]]
    )
    assert box_object(Grid([[1, 0], [0, 0]]), Object(Grid([[1]]), -3, -3), 4) == Grid(
        [[1, 0], [0, 0]]
    )


def test_outline_object():
    grid = Grid([[3, 0, 0, 0, 0], [0, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
    assert outline_object(grid, Object(Grid([[1, 1]]), 1, 1), 2) == Grid(
        [[3, 2, 2, 2, 0], [2, 1, 1, 2, 0], [2, 2, 2, 2, 0], [0, 0, 0, 0, 0]]
    )
    ell = Grid([[1, 0, 0], [1, 1, 0], [0, 0, 0]])
    assert outline_object(ell, Object(Grid([[1, X], [1, 1]]), 0, 0), 2) == Grid(
        [[1, 2, 2], [1, 1, 2], [2, 2, 2]]
    )


# ---------------------------------------------------------------- whole-grid conveniences


def test_crop_to_largest_object():
    assert crop_to_largest_object(WORLD) == Grid([[4, 4, 4], [4, 0, 4], [4, 4, 4]])
    with pytest.raises(ValueError):
        crop_to_largest_object(Grid([[0, 0]]))


def test_crop_to_smallest_object():
    assert crop_to_smallest_object(WORLD) == Grid([[5]])


def test_crop_to_odd_shape_object():
    assert crop_to_odd_shape_object(DOTS_AND_BAR) == Grid([[4, 4]])
    with pytest.raises(ValueError):
        crop_to_odd_shape_object(WORLD)


def test_keep_largest_object():
    assert keep_largest_object(WORLD) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 4, 4, 4, 0, 0],
            [0, 4, 0, 4, 0, 0],
            [0, 4, 4, 4, 0, 0],
        ]
    )


def test_keep_smallest_object():
    assert keep_smallest_object(DOTS_AND_BAR) == Grid(
        [[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]
    )


def test_remove_largest_object():
    assert remove_largest_object(WORLD) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 2, 2, 0, 0, 5],
            [0, 2, 3, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 1],
        ]
    )


def test_remove_small_objects():
    assert remove_small_objects(WORLD, 2) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 2, 2, 0, 0, 0],
            [0, 2, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 4, 4, 4, 0, 0],
            [0, 4, 0, 4, 0, 0],
            [0, 4, 4, 4, 0, 0],
        ]
    )


def test_remove_border_objects():
    assert remove_border_objects(WORLD) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 2, 2, 0, 0, 0],
            [0, 2, 3, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
        ]
    )


def test_recolor_by_size_rank():
    assert recolor_by_size_rank(WORLD) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 2, 2, 0, 0, 3],
            [0, 2, 2, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 1, 1, 1, 0, 0],
            [0, 1, 0, 1, 0, 0],
            [0, 1, 1, 1, 0, 4],
        ]
    )


def test_recolor_by_size():
    assert recolor_by_size(WORLD) == Grid(
        [
            [0, 0, 0, 0, 0, 0],
            [0, 4, 4, 0, 0, 1],
            [0, 4, 4, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 8, 8, 8, 0, 0],
            [0, 8, 0, 8, 0, 0],
            [0, 8, 8, 8, 0, 1],
        ]
    )
    with pytest.raises(ValueError):
        recolor_by_size(Grid([[5] * 5, [5] * 5]))


def test_recolor_largest_object():
    assert recolor_largest_object(DOTS_AND_BAR, 7) == Grid(
        [[1, 0, 2], [0, 0, 0], [3, 0, 0], [0, 0, 0], [7, 7, 0]]
    )


def test_recolor_smallest_object():
    assert recolor_smallest_object(DOTS_AND_BAR, 7) == Grid(
        [[7, 0, 2], [0, 0, 0], [3, 0, 0], [0, 0, 0], [4, 4, 0]]
    )


def test_recolor_objects_of_size():
    assert recolor_objects_of_size(DOTS_AND_BAR, 1, 9) == Grid(
        [[9, 0, 9], [0, 0, 0], [9, 0, 0], [0, 0, 0], [4, 4, 0]]
    )


def test_fill_holes_of_objects():
    grid = Grid([[1, 1, 1, 0], [1, 0, 1, 0], [1, 1, 1, 0], [0, 0, 0, 0]])
    assert fill_holes_of_objects(grid, 6) == Grid(
        [[1, 1, 1, 0], [1, 6, 1, 0], [1, 1, 1, 0], [0, 0, 0, 0]]
    )
    nested = Grid(
        [[2, 2, 2, 2, 2], [2, 0, 0, 0, 2], [2, 0, 3, 0, 2], [2, 0, 0, 0, 2], [2, 2, 2, 2, 2]]
    )
    assert fill_holes_of_objects(nested, 6) == Grid(
        [[2, 2, 2, 2, 2], [2, 6, 6, 6, 2], [2, 6, 3, 6, 2], [2, 6, 6, 6, 2], [2, 2, 2, 2, 2]]
    )


def test_box_objects():
    assert box_objects(WORLD, 8) == Grid(
        [
            [8, 8, 8, 8, 8, 8],
            [8, 2, 2, 8, 8, 5],
            [8, 2, 3, 8, 8, 8],
            [8, 8, 8, 8, 8, 0],
            [8, 4, 4, 4, 8, 0],
            [8, 4, 0, 4, 8, 8],
            [8, 4, 4, 4, 8, 1],
        ]
    )


def test_keep_common_shape():
    assert keep_common_shape(DOTS_AND_BAR) == Grid(
        [[1, 0, 2], [0, 0, 0], [3, 0, 0], [0, 0, 0], [0, 0, 0]]
    )
    with pytest.raises(ValueError):
        keep_common_shape(Grid([[0]]))
