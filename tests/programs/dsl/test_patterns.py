from __future__ import annotations

import pytest

from abduce.programs.dsl.grid import Color, Grid, Integer
from abduce.programs.dsl.patterns import (
    color_count_bar,
    color_count_square,
    color_histogram,
    colors_by_frequency,
    complete_pattern,
    complete_symmetry,
    extend_pattern,
    extend_pattern_by,
    horizontal_period,
    is_symmetric_antidiagonal,
    is_symmetric_diagonal,
    is_symmetric_lr,
    is_symmetric_rotational,
    is_symmetric_ud,
    object_count_bar,
    object_count_square,
    pattern_patch,
    pattern_tile,
    symmetry_patch,
    vertical_period,
)

NOISE = Color(9)

# symmetric left-right and up-down; two noise cells in the top row mirror each other, so only
# the up-down symmetry can restore them
SYMMETRIC = [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]
HIDDEN = Grid([[1, 9, 9, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]])

# rows repeat every 2 columns, columns every 2 rows; two cells hidden under 0
TILED = [[1, 2, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4], [1, 2, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4]]
TILED_HIDDEN = Grid(
    [[1, 2, 1, 2, 1, 2], [3, 4, 3, 0, 3, 4], [1, 0, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4]]
)

COUNTED = Grid([[1, 2, 2], [0, 3, 2], [0, 1, 0]])


def test_is_symmetric_lr():
    assert is_symmetric_lr(Grid([[1, 2, 1], [3, 0, 3]]))
    assert not is_symmetric_lr(Grid([[1, 2]]))


def test_is_symmetric_ud():
    assert is_symmetric_ud(Grid([[1, 2], [3, 3], [1, 2]]))
    assert not is_symmetric_ud(Grid([[1, 2], [2, 1]]))


def test_is_symmetric_diagonal():
    assert is_symmetric_diagonal(Grid([[1, 2], [2, 3]]))
    assert not is_symmetric_diagonal(Grid([[1, 2], [3, 1]]))
    assert not is_symmetric_diagonal(Grid([[1, 1]]))


def test_is_symmetric_antidiagonal():
    assert is_symmetric_antidiagonal(Grid([[1, 2], [3, 1]]))
    assert not is_symmetric_antidiagonal(Grid([[1, 2], [2, 3]]))


def test_is_symmetric_rotational():
    assert is_symmetric_rotational(Grid([[1, 2], [2, 1]]))
    assert not is_symmetric_rotational(Grid([[1, 2], [1, 2]]))


def test_complete_symmetry():
    assert complete_symmetry(HIDDEN, NOISE) == Grid(SYMMETRIC)
    with pytest.raises(ValueError):
        complete_symmetry(Grid(SYMMETRIC), NOISE)  # nothing hidden
    with pytest.raises(ValueError):
        complete_symmetry(Grid([[1, 2, 3], [4, 9, 5], [6, 7, 8]]), NOISE)  # no symmetry


def test_complete_symmetry_finds_an_off_centre_axis():
    # columns 1-4 mirror each other about the line between columns 2 and 3; column 0 is cut off
    grid = Grid([[7, 9, 2, 2, 1], [8, 3, 4, 4, 3], [6, 5, 0, 0, 5]])
    assert complete_symmetry(grid, NOISE) == Grid(
        [[7, 1, 2, 2, 1], [8, 3, 4, 4, 3], [6, 5, 0, 0, 5]]
    )


def test_complete_symmetry_uses_a_diagonal():
    grid = Grid([[1, 2, 3], [9, 4, 5], [3, 5, 6]])
    assert complete_symmetry(grid, NOISE) == Grid([[1, 2, 3], [2, 4, 5], [3, 5, 6]])


def test_symmetry_patch():
    assert symmetry_patch(HIDDEN, NOISE) == Grid([[2, 2]])
    with pytest.raises(ValueError):
        symmetry_patch(Grid(SYMMETRIC), NOISE)


def test_horizontal_period():
    assert horizontal_period(Grid([[1, 2, 1, 2, 1]])) == 2
    assert horizontal_period(Grid(TILED)) == 2
    assert horizontal_period(Grid([[1, 2, 1]])) == 3  # not repeated twice
    assert horizontal_period(Grid([[5, 5, 5]])) == 1


def test_vertical_period():
    assert vertical_period(Grid([[1], [2], [3], [1], [2], [3]])) == 3
    assert vertical_period(Grid([[1, 2], [3, 4]])) == 2


def test_pattern_tile():
    assert pattern_tile(Grid(TILED)) == Grid([[1, 2], [3, 4]])
    shifted = Grid([[1, 2, 3, 1, 2, 3], [2, 3, 1, 2, 3, 1], [3, 1, 2, 3, 1, 2]])
    assert pattern_tile(shifted) == Grid([[1, 2, 3], [2, 3, 1], [3, 1, 2]])
    with pytest.raises(ValueError):
        pattern_tile(Grid([[1, 2], [3, 4]]))


def test_complete_pattern():
    assert complete_pattern(TILED_HIDDEN, Color(0)) == Grid(TILED)
    with pytest.raises(ValueError):
        complete_pattern(Grid(TILED), Color(0))  # nothing hidden
    with pytest.raises(ValueError):
        complete_pattern(Grid([[1, 2, 3], [4, 0, 5], [6, 7, 8]]), Color(0))  # no pattern


def test_complete_pattern_with_diagonal_stripes():
    stripes = [[1, 2, 3, 1, 2, 3], [2, 3, 1, 2, 3, 1], [3, 1, 2, 3, 1, 2]] * 2
    hidden = [row[:] for row in stripes]
    hidden[1][4] = hidden[4][0] = hidden[4][1] = 0
    assert complete_pattern(Grid(hidden), Color(0)) == Grid(stripes)


def test_pattern_patch():
    assert pattern_patch(TILED_HIDDEN, Color(0)) == Grid([[4, 3, 4], [2, 1, 2]])


def test_extend_pattern():
    assert extend_pattern(Grid([[1, 2, 1, 2]]), Integer(2), Integer(7)) == Grid(
        [[1, 2, 1, 2, 1, 2, 1], [1, 2, 1, 2, 1, 2, 1]]
    )
    with pytest.raises(ValueError):
        extend_pattern(Grid([[1, 2, 1, 2]]), Integer(1), Integer(31))
    with pytest.raises(ValueError):
        extend_pattern(Grid([[1, 2, 1, 2]]), Integer(0), Integer(4))


def test_extend_pattern_by():
    assert extend_pattern_by(Grid([[1, 2, 1, 2], [3, 3, 3, 3]]), Integer(2)) == Grid(
        [[1, 2, 1, 2, 1, 2, 1, 2], [3, 3, 3, 3, 3, 3, 3, 3]] * 2
    )
    with pytest.raises(ValueError):
        extend_pattern_by(Grid([[1, 2]]), Integer(0))


def test_color_count_bar():
    assert color_count_bar(COUNTED, Color(2)) == Grid([[2, 2, 2]])
    with pytest.raises(ValueError):
        color_count_bar(COUNTED, Color(5))


def test_color_count_square():
    assert color_count_square(COUNTED, Color(1)) == Grid([[1, 1], [1, 1]])


def test_object_count_bar():
    # the two 1s touching at a corner form one object
    grid = Grid([[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 1]])
    assert object_count_bar(grid, Color(1)) == Grid([[1, 1, 1]])
    with pytest.raises(ValueError):
        object_count_bar(grid, Color(2))


def test_object_count_square():
    grid = Grid([[4, 0, 4], [4, 0, 0]])
    assert object_count_square(grid, Color(4)) == Grid([[4, 4], [4, 4]])


def test_color_histogram():
    assert color_histogram(COUNTED) == Grid([[2, 0, 0], [2, 1, 0], [2, 1, 3]])
    with pytest.raises(ValueError):
        color_histogram(Grid([[0, 0]]))


def test_colors_by_frequency():
    assert colors_by_frequency(COUNTED) == Grid([[2, 1, 3]])
    assert colors_by_frequency(Grid([[5, 4], [0, 0]])) == Grid([[4, 5]])  # ties: lower colour first
    with pytest.raises(ValueError):
        colors_by_frequency(Grid([[0]]))
