"""Tests of the relation primitives, on small literal grids."""

from __future__ import annotations

import pytest

from abduce.programs.dsl import relations
from abduce.programs.dsl.grid import Grid
from abduce.programs.dsl.relations import (
    asymmetric_grid,
    crop_to_most_color_object,
    keep_within_color_box,
    move_onto_nearest,
    recolor_by_nearest,
    step_toward_nearest,
)
from abduce.programs.search.vocabulary import primitives, searchable


def test_every_relation_primitive_is_searched():
    names = {p.name for p in searchable(primitives())}
    assert set(relations.__all__) <= names


@pytest.mark.parametrize(
    ("rows", "color", "wanted"),
    [
        # cells take the colour of the nearer edge line
        ([[1, 3, 0, 0, 2], [1, 0, 0, 3, 2]], 3, [[1, 1, 0, 0, 2], [1, 0, 0, 2, 2]]),
        # a marker in the first column colours its own row, not the next one
        ([[4, 0, 5, 5], [6, 0, 5, 5]], 5, [[4, 0, 4, 4], [6, 0, 6, 6]]),
        # equally near two cells of one colour is no ambiguity
        ([[2, 3, 2]], 3, [[2, 2, 2]]),
    ],
)
def test_recolor_by_nearest(rows, color, wanted):
    assert recolor_by_nearest(Grid(rows), color) == Grid(wanted)


@pytest.mark.parametrize(
    ("rows", "color"),
    [
        ([[1, 3, 2]], 3),  # equally near two colours
        ([[1, 0, 2]], 3),  # no cell to recolour
        ([[3, 0, 3]], 3),  # nothing to take a colour from
        ([[3, 0, 3]], 0),  # the background is not recoloured
    ],
)
def test_recolor_by_nearest_refuses_ambiguous_or_empty_grids(rows, color):
    with pytest.raises(ValueError):
        recolor_by_nearest(Grid(rows), color)


@pytest.mark.parametrize(
    ("rows", "wanted"),
    [
        ([[3, 0, 0], [0, 0, 0], [0, 0, 4]], [[0, 0, 0], [0, 3, 0], [0, 0, 4]]),  # diagonally
        ([[0, 0, 0, 0], [0, 4, 0, 3]], [[0, 0, 0, 0], [0, 4, 3, 0]]),  # along a row
        ([[3, 4]], [[3, 4]]),  # already beside it: blocked, stays
    ],
)
def test_step_toward_nearest(rows, wanted):
    assert step_toward_nearest(Grid(rows), 3) == Grid(wanted)


def test_move_onto_nearest():
    grid = Grid([[7, 0, 0, 0, 0], [0, 0, 8, 8, 0], [0, 0, 8, 8, 0], [0, 0, 0, 0, 9]])
    wanted = Grid([[0, 0, 0, 0, 0], [0, 0, 7, 8, 0], [0, 0, 8, 9, 0], [0, 0, 0, 0, 0]])
    assert move_onto_nearest(grid, 8) == wanted
    with pytest.raises(ValueError):
        move_onto_nearest(Grid([[7, 0, 8, 0, 9]]), 8)  # both would land on the one 8


def test_keep_within_color_box():
    grid = Grid([[1, 1, 0, 1], [1, 8, 1, 1], [0, 1, 8, 1], [1, 1, 0, 1]])
    wanted = Grid([[0, 0, 0, 0], [0, 8, 1, 0], [0, 1, 8, 0], [0, 0, 0, 0]])
    assert keep_within_color_box(grid, 8) == wanted
    with pytest.raises(ValueError):
        keep_within_color_box(grid, 5)


def test_crop_to_most_color_object():
    grid = Grid(
        [
            [1, 2, 0, 0, 0],
            [1, 1, 0, 1, 2],
            [0, 0, 0, 2, 1],
        ]
    )
    assert crop_to_most_color_object(grid, 2) == Grid([[1, 2], [2, 1]])
    assert crop_to_most_color_object(grid, 1) == Grid([[1, 2], [1, 1]])  # three 1s beat two
    with pytest.raises(ValueError):
        crop_to_most_color_object(Grid([[2, 0, 2]]), 2)  # a tie
    with pytest.raises(ValueError):
        crop_to_most_color_object(grid, 5)  # no object has the colour


def test_asymmetric_grid():
    symmetric = Grid([[1, 2], [2, 1]])  # mirrored in both diagonals, turned half a turn
    also = Grid([[3, 4], [4, 3]])
    odd = Grid([[1, 2], [3, 1]])  # the only one not mirrored in the main diagonal
    assert asymmetric_grid((symmetric, odd, also)) == odd
    with pytest.raises(ValueError):
        asymmetric_grid((symmetric, also))  # two grids have no odd one out
    with pytest.raises(ValueError):
        asymmetric_grid((symmetric, also, symmetric))  # none lacks a symmetry
