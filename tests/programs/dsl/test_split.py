from __future__ import annotations

import pytest

from abduce.programs.dsl.grid import Color, Grid, Integer
from abduce.programs.dsl.split import (
    first_grid,
    hconcat_all,
    hsplit,
    largest_grid,
    last_grid,
    least_colored_grid,
    most_colored_grid,
    most_common_grid,
    odd_colors_grid,
    odd_shape_grid,
    overlay_all,
    remove_separators,
    smallest_grid,
    split_blocks,
    split_by_color,
    split_by_lines,
    summarize_blocks,
    summarize_blocks_by_color,
    unique_grid,
    vconcat_all,
    vsplit,
)

# four 2x2 blocks between lines of 5 (a full row and a full column)
BLOCKS = Grid(
    [
        [1, 1, 5, 0, 2],
        [1, 0, 5, 2, 2],
        [5, 5, 5, 5, 5],
        [0, 3, 5, 0, 0],
        [3, 3, 5, 4, 0],
    ]
)
G1 = Grid([[1, 0], [0, 0]])
G2 = Grid([[2, 2], [0, 0]])
G3 = Grid([[3, 3, 3]])


def test_split_by_lines():
    assert split_by_lines(BLOCKS) == (
        Grid([[1, 1], [1, 0]]),
        Grid([[0, 2], [2, 2]]),
        Grid([[0, 3], [3, 3]]),
        Grid([[0, 0], [4, 0]]),
    )
    # a frame of lines around the grid leaves no empty blocks
    framed = Grid([[8, 8, 8, 8], [8, 1, 2, 8], [8, 8, 8, 8], [8, 3, 0, 8], [8, 8, 8, 8]])
    assert split_by_lines(framed) == (Grid([[1, 2]]), Grid([[3, 0]]))
    with pytest.raises(ValueError):
        split_by_lines(Grid([[1, 2], [0, 1]]))


def test_split_by_lines_prefers_the_most_common_line_color():
    # a full row of 2 inside the top block does not split it
    grid = Grid([[2, 2, 2], [1, 0, 1], [4, 4, 4], [0, 3, 0], [4, 4, 4], [1, 1, 0]])
    assert split_by_lines(grid) == (
        Grid([[2, 2, 2], [1, 0, 1]]),
        Grid([[0, 3, 0]]),
        Grid([[1, 1, 0]]),
    )


def test_split_by_color():
    grid = Grid([[1, 0, 2], [0, 0, 0], [3, 0, 4]])
    assert split_by_color(grid, Color(0)) == (Grid([[1]]), Grid([[2]]), Grid([[3]]), Grid([[4]]))
    with pytest.raises(ValueError):
        split_by_color(grid, Color(5))


def test_hsplit():
    assert hsplit(Grid([[1, 2, 3, 4]]), Integer(2)) == (Grid([[1, 2]]), Grid([[3, 4]]))
    with pytest.raises(ValueError):
        hsplit(Grid([[1, 2, 3]]), Integer(2))
    with pytest.raises(ValueError):
        hsplit(Grid([[1, 2, 3]]), Integer(0))


def test_vsplit():
    assert vsplit(Grid([[1], [2], [3]]), Integer(3)) == (Grid([[1]]), Grid([[2]]), Grid([[3]]))
    with pytest.raises(ValueError):
        vsplit(Grid([[1], [2], [3]]), Integer(2))


def test_split_blocks():
    grid = Grid([[1, 2, 3, 4], [5, 6, 7, 8]])
    assert split_blocks(grid, Integer(2), Integer(2)) == (
        Grid([[1, 2]]),
        Grid([[3, 4]]),
        Grid([[5, 6]]),
        Grid([[7, 8]]),
    )


def test_first_grid():
    assert first_grid((G1, G2)) == G1
    with pytest.raises(ValueError):
        first_grid(())


def test_last_grid():
    assert last_grid((G1, G2)) == G2


def test_largest_grid():
    assert largest_grid((G3, G1, G2)) == G1


def test_smallest_grid():
    assert smallest_grid((G1, G3, G2)) == G3


def test_most_colored_grid():
    assert most_colored_grid((G1, G2, G3)) == G3
    assert most_colored_grid((G2, Grid([[0, 5], [5, 0]]))) == G2


def test_least_colored_grid():
    assert least_colored_grid((G2, G1, G3)) == G1


def test_unique_grid():
    assert unique_grid((G1, G2, G1, G1)) == G2
    with pytest.raises(ValueError):
        unique_grid((G1, G2))
    with pytest.raises(ValueError):
        unique_grid((G1, G1))


def test_odd_shape_grid():
    other = Grid([[0, 4], [0, 0]])
    assert odd_shape_grid((G1, Grid([[6, 0], [0, 0]]), other)) == other


def test_odd_colors_grid():
    assert odd_colors_grid((G1, Grid([[0, 1], [1, 0]]), G2)) == G2


def test_most_common_grid():
    assert most_common_grid((G2, G1, G1, G2, G1)) == G1
    assert most_common_grid((G3,)) == G3
    with pytest.raises(ValueError):
        most_common_grid((G1, G2))


def test_hconcat_all():
    assert hconcat_all((G1, G2)) == Grid([[1, 0, 2, 2], [0, 0, 0, 0]])
    with pytest.raises(ValueError):
        hconcat_all((G1, G3))


def test_vconcat_all():
    assert vconcat_all((G1, G2)) == Grid([[1, 0], [0, 0], [2, 2], [0, 0]])
    with pytest.raises(ValueError):
        vconcat_all((G1, G3))


def test_overlay_all():
    assert overlay_all((G1, G2, Grid([[0, 0], [0, 9]]))) == Grid([[1, 2], [0, 9]])
    with pytest.raises(ValueError):
        overlay_all((G1, G3))


def test_summarize_blocks():
    assert summarize_blocks(BLOCKS) == Grid([[1, 2], [3, 4]])
    grid = Grid([[1, 0, 6, 0, 0], [1, 2, 6, 0, 0], [0, 0, 6, 0, 0]])
    assert summarize_blocks(grid) == Grid([[1, 0]])


def test_summarize_blocks_by_color():
    # blocks of 1 and 2 with stray background cells, between lines of background
    grid = Grid([[1, 1, 0, 2, 2], [0, 1, 0, 2, 0], [0, 0, 0, 0, 0], [3, 3, 0, 0, 4]])
    assert summarize_blocks_by_color(grid, Color(0)) == Grid([[1, 2], [3, 4]])
    with pytest.raises(ValueError):
        summarize_blocks_by_color(grid, Color(5))


def test_remove_separators():
    assert remove_separators(BLOCKS) == Grid(
        [[1, 1, 0, 2], [1, 0, 2, 2], [0, 3, 0, 0], [3, 3, 4, 0]]
    )
    with pytest.raises(ValueError):
        remove_separators(Grid([[1, 1], [1, 1]]))
