from __future__ import annotations

import pytest

from abduce.programs.dsl import drawing
from abduce.programs.dsl.drawing import (
    continue_runs,
    elbow_paths,
    fill_empty_lines,
    fill_object_boxes,
    join_objects,
    join_objects_horizontal,
    recolor_inside,
    ring_color,
    shoot_from_odd_cells,
    tile_from_box,
)
from abduce.programs.dsl.grid import Color, Grid
from abduce.programs.search.vocabulary import primitives, searchable

# two pairs of 1-blocks facing each other, one across a row and one down a column, a 5 in the
# way of the first (the band passes behind it), and a 2 that faces no other 2
FACING = Grid(
    [
        [1, 0, 5, 0, 1],
        [0, 0, 0, 0, 0],
        [0, 0, 2, 0, 0],
        [1, 0, 0, 0, 0],
    ]
)


def test_fill_object_boxes_fills_the_background_in_each_box():
    grid = Grid([[3, 3, 0, 0], [0, 3, 0, 4], [0, 0, 0, 0], [4, 0, 4, 0]])
    assert fill_object_boxes(grid, Color(1)) == Grid(
        [[3, 3, 0, 0], [1, 3, 0, 4], [0, 0, 0, 0], [4, 0, 4, 0]]
    )


def test_join_objects_joins_across_rows_and_down_columns():
    assert join_objects(FACING) == Grid(
        [[1, 1, 5, 1, 1], [1, 0, 0, 0, 0], [1, 0, 2, 0, 0], [1, 0, 0, 0, 0]]
    )


def test_join_objects_horizontal_joins_only_across_rows():
    assert join_objects_horizontal(FACING) == Grid(
        [[1, 1, 5, 1, 1], [0, 0, 0, 0, 0], [0, 0, 2, 0, 0], [1, 0, 0, 0, 0]]
    )


def test_join_objects_does_not_reach_past_an_object_of_the_same_colour():
    # the two outer 2s share both rows, but the middle one stands between them
    grid = Grid([[2, 0, 2, 0, 2], [2, 0, 0, 0, 2]])
    assert join_objects_horizontal(grid) == Grid([[2, 2, 2, 2, 2], [2, 0, 0, 0, 2]])
    grid = Grid([[2, 0, 0, 0, 2], [2, 0, 2, 0, 2]])
    assert join_objects_horizontal(grid) == Grid([[2, 0, 0, 0, 2], [2, 2, 2, 2, 2]])


def test_fill_empty_lines_paints_the_empty_rows_and_columns():
    grid = Grid([[1, 0, 3], [0, 0, 0], [2, 0, 0]])
    assert fill_empty_lines(grid, Color(4)) == Grid([[1, 4, 3], [4, 4, 4], [2, 4, 0]])


def test_ring_color_rings_only_the_given_colour():
    grid = Grid([[0, 0, 0, 0], [0, 2, 0, 3], [0, 0, 0, 0]])
    assert ring_color(grid, Color(2), Color(1)) == Grid([[1, 1, 1, 0], [1, 2, 1, 3], [1, 1, 1, 0]])


@pytest.mark.parametrize(
    ("color", "middle"),
    [(0, [5, 0, 0, 5]), (8, [5, 8, 8, 5])],
)
def test_recolor_inside_recolours_the_cells_inside_each_shape(color, middle):
    grid = Grid([[5, 5, 5, 5, 4], [5, 5, 5, 5, 4], [5, 5, 5, 5, 4]])
    assert recolor_inside(grid, Color(color)) == Grid(
        [[5, 5, 5, 5, 4], [*middle, 4], [5, 5, 5, 5, 4]]
    )


def test_continue_runs_repeats_runs_along_rows_and_columns():
    grid = Grid(
        [
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [0, 4, 0, 0, 0],
            [0, 7, 8, 9, 0],
            [0, 0, 0, 0, 0],
        ]
    )
    assert continue_runs(grid) == Grid(
        [
            [0, 4, 0, 0, 0],
            [0, 7, 0, 0, 0],
            [0, 4, 0, 0, 0],
            [9, 7, 8, 9, 7],
            [0, 4, 0, 0, 0],
        ]
    )


def test_continue_runs_leaves_single_cells_alone():
    grid = Grid([[0, 3, 0], [0, 0, 0]])
    assert continue_runs(grid) == grid


def test_tile_from_box_repeats_the_block_in_step_with_it():
    grid = Grid([[0, 0, 0, 0], [0, 0, 0, 0], [1, 2, 1, 2], [3, 0, 3, 0], [0, 0, 0, 0]])
    assert tile_from_box(grid) == Grid(
        [[1, 2, 1, 2], [3, 0, 3, 0], [1, 2, 1, 2], [3, 0, 3, 0], [1, 2, 1, 2]]
    )


def test_tile_from_box_refuses_an_empty_grid():
    with pytest.raises(ValueError, match="no cells"):
        tile_from_box(Grid([[0, 0]]))


def test_shoot_from_odd_cells_shoots_through_the_object():
    # the 3 sits at the back of an arrow pointing right: its ray passes through the arrow
    grid = Grid(
        [
            [2, 0, 0, 0, 0, 0],
            [3, 2, 2, 0, 0, 0],
            [2, 0, 0, 0, 0, 0],
        ]
    )
    assert shoot_from_odd_cells(grid) == Grid(
        [
            [2, 0, 0, 0, 0, 0],
            [3, 2, 2, 3, 3, 3],
            [2, 0, 0, 0, 0, 0],
        ]
    )


def test_elbow_paths_run_along_the_row_then_the_column():
    grid = Grid([[0, 0, 0, 3], [0, 0, 0, 0], [2, 0, 0, 0]])
    assert elbow_paths(grid, Color(2), Color(8)) == Grid([[0, 0, 0, 3], [0, 0, 0, 8], [2, 8, 8, 8]])
    assert elbow_paths(grid, Color(3), Color(8)) == Grid([[8, 8, 8, 3], [8, 0, 0, 0], [2, 0, 0, 0]])


def test_elbow_paths_need_cells_at_both_ends():
    with pytest.raises(ValueError, match="no cells"):
        elbow_paths(Grid([[2, 0, 2]]), Color(2), Color(8))


def test_every_drawing_primitive_is_searched():
    names = {primitive.name for primitive in searchable(primitives())}
    assert set(drawing.__all__) <= names
