from __future__ import annotations

import pytest

from abduce.programs.dsl.grid import Color, Grid
from abduce.programs.dsl.masks import (
    common_cells,
    halves_and,
    halves_common,
    halves_left_only,
    halves_nor,
    halves_or,
    halves_overlay,
    halves_overlay_reversed,
    halves_right_only,
    halves_xor,
    invert_mask,
    mark_differences,
    mask_and,
    mask_left_only,
    mask_nor,
    mask_or,
    mask_xor,
    overlay,
    paint_where,
)

A = Grid([[1, 1, 0], [0, 2, 0]])
B = Grid([[3, 0, 0], [0, 2, 4]])
C = Color(7)

# left half [[1, 0], [0, 2]], a column of 5, right half [[3, 3], [0, 2]]
SEPARATED = Grid([[1, 0, 5, 3, 3], [0, 2, 5, 0, 2]])


def test_overlay():
    assert overlay(A, B) == Grid([[1, 1, 0], [0, 2, 4]])
    assert overlay(B, A) == Grid([[3, 1, 0], [0, 2, 4]])
    with pytest.raises(ValueError):
        overlay(A, Grid([[1]]))


def test_mask_and():
    assert mask_and(A, B, C) == Grid([[7, 0, 0], [0, 7, 0]])
    with pytest.raises(ValueError):
        mask_and(A, Grid([[1, 2]]), C)


def test_mask_or():
    assert mask_or(A, B, C) == Grid([[7, 7, 0], [0, 7, 7]])


def test_mask_xor():
    assert mask_xor(A, B, C) == Grid([[0, 7, 0], [0, 0, 7]])


def test_mask_nor():
    assert mask_nor(A, B, C) == Grid([[0, 0, 7], [7, 0, 0]])


def test_mask_left_only():
    assert mask_left_only(A, B, C) == Grid([[0, 7, 0], [0, 0, 0]])
    assert mask_left_only(B, A, C) == Grid([[0, 0, 0], [0, 0, 7]])


def test_common_cells():
    assert common_cells(A, B) == Grid([[0, 0, 0], [0, 2, 0]])


def test_mark_differences():
    assert mark_differences(A, B, C) == Grid([[7, 7, 0], [0, 0, 7]])


def test_paint_where():
    assert paint_where(A, B, Color(2), Color(9)) == Grid([[1, 1, 0], [0, 9, 0]])
    assert paint_where(A, B, Color(0), Color(9)) == Grid([[1, 9, 9], [9, 2, 0]])


def test_invert_mask():
    assert invert_mask(A, C) == Grid([[0, 0, 7], [7, 0, 7]])


def test_halves_overlay():
    assert halves_overlay(SEPARATED) == Grid([[1, 3], [0, 2]])
    # no separator, taller than wide: top and bottom halves
    assert halves_overlay(Grid([[1, 0], [0, 0], [0, 2], [3, 3]])) == Grid([[1, 2], [3, 3]])
    # no separator, wider than tall: left and right halves
    assert halves_overlay(Grid([[0, 1, 2, 2]])) == Grid([[2, 1]])
    with pytest.raises(ValueError):
        halves_overlay(Grid([[1, 2, 3]]))
    with pytest.raises(ValueError):
        halves_overlay(Grid([[1], [2], [3]]))


def test_halves_overlay_reversed():
    assert halves_overlay_reversed(SEPARATED) == Grid([[3, 3], [0, 2]])


def test_halves_and():
    assert halves_and(SEPARATED, C) == Grid([[7, 0], [0, 7]])
    # a separator row in the middle of a tall grid
    tall = Grid([[1, 1], [0, 1], [4, 4], [1, 0], [1, 0]])
    assert halves_and(tall, C) == Grid([[7, 0], [0, 0]])


def test_halves_or():
    assert halves_or(SEPARATED, C) == Grid([[7, 7], [0, 7]])


def test_halves_xor():
    assert halves_xor(SEPARATED, C) == Grid([[0, 7], [0, 0]])


def test_halves_nor():
    assert halves_nor(SEPARATED, C) == Grid([[0, 0], [7, 0]])


def test_halves_left_only():
    assert halves_left_only(Grid([[1, 1, 0, 1]]), C) == Grid([[7, 0]])


def test_halves_right_only():
    assert halves_right_only(SEPARATED, C) == Grid([[0, 7], [0, 0]])


def test_halves_common():
    assert halves_common(SEPARATED) == Grid([[0, 0], [0, 2]])
