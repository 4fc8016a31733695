"""Tests for the colour primitives, on small literal grids."""

from __future__ import annotations

import pytest

from abduce.programs.dsl import color as c
from abduce.programs.dsl.grid import Color, Grid

G = Grid([[0, 1, 1], [2, 0, 1], [0, 3, 0]])  # 0: 4 cells, 1: 3, 2: 1, 3: 1
BLACK = Grid([[0, 0], [0, 0]])


def test_all_is_complete_and_documented() -> None:
    public = {name for name in vars(c) if not name.startswith("_") and callable(vars(c)[name])}
    public -= {"Color", "Grid", "Integer", "lru_cache"}
    assert set(c.__all__) == public
    assert len(c.__all__) >= 26
    for name in c.__all__:
        doc = getattr(c, name).__doc__
        assert doc and "\n" not in doc and doc.endswith("."), name


def test_recolor() -> None:
    assert c.recolor(G, Color(1), Color(5)) == Grid([[0, 5, 5], [2, 0, 5], [0, 3, 0]])
    assert c.recolor(G, Color(7), Color(5)) == G


def test_swap_colors() -> None:
    assert c.swap_colors(G, Color(0), Color(1)) == Grid([[1, 0, 0], [2, 1, 0], [1, 3, 1]])


def test_keep_color() -> None:
    assert c.keep_color(G, Color(1)) == Grid([[0, 1, 1], [0, 0, 1], [0, 0, 0]])


def test_remove_color() -> None:
    assert c.remove_color(G, Color(1)) == Grid([[0, 0, 0], [2, 0, 0], [0, 3, 0]])


def test_paint_foreground() -> None:
    assert c.paint_foreground(G, Color(4)) == Grid([[0, 4, 4], [4, 0, 4], [0, 4, 0]])


def test_fill_background() -> None:
    assert c.fill_background(G, Color(8)) == Grid([[8, 1, 1], [2, 8, 1], [8, 3, 8]])


def test_recolor_touching() -> None:
    assert c.recolor_touching(G, Color(0), Color(1), Color(6)) == Grid(
        [[6, 1, 1], [2, 6, 1], [0, 3, 6]]
    )
    assert c.recolor_touching(G, Color(1), Color(3), Color(6)) == G  # 3 touches 1 only diagonally


def test_invert_colors() -> None:
    assert c.invert_colors(Grid([[0, 5], [5, 5]])) == Grid([[5, 0], [0, 0]])
    with pytest.raises(ValueError):
        c.invert_colors(G)
    with pytest.raises(ValueError):
        c.invert_colors(BLACK)


def test_rank_colors() -> None:
    assert c.rank_colors(G) == Grid([[0, 1, 1], [2, 0, 1], [0, 3, 0]])
    assert c.rank_colors(Grid([[7, 7, 7], [2, 5, 5]])) == Grid([[0, 0, 0], [2, 1, 1]])


def test_fill_with_most_common_color() -> None:
    assert c.fill_with_most_common_color(Grid([[3, 3, 1]])) == Grid([[3, 3, 3]])


def test_keep_row_majority() -> None:
    grid = Grid([[4, 4, 2], [1, 3, 3], [5, 6, 7]])
    assert c.keep_row_majority(grid) == Grid([[4, 4, 0], [0, 3, 3], [5, 0, 0]])


def test_keep_column_majority() -> None:
    grid = Grid([[4, 1, 5], [4, 3, 6], [2, 3, 7]])
    assert c.keep_column_majority(grid) == Grid([[4, 0, 5], [4, 3, 0], [0, 3, 0]])


def test_most_common_color() -> None:
    assert c.most_common_color(G) == 0
    assert c.most_common_color(Grid([[6, 2], [2, 6]])) == 2


def test_second_most_common_color() -> None:
    assert c.second_most_common_color(G) == 1
    assert c.second_most_common_color(Grid([[3, 3, 3, 8, 1]])) == 1
    with pytest.raises(ValueError):
        c.second_most_common_color(BLACK)


def test_least_common_color() -> None:
    assert c.least_common_color(G) == 2
    assert c.least_common_color(BLACK) == 0


def test_background_color() -> None:
    banded = Grid(
        [[1, 1, 1, 1, 1], [4, 4, 4, 4, 4], [4, 4, 4, 4, 4], [4, 4, 4, 4, 4], [1, 1, 1, 1, 1]]
    )
    assert c.background_color(banded) == 1  # 10 of the 16 edge cells, though 4 is more common
    assert c.background_color(Grid([[9]])) == 9


def test_most_common_foreground() -> None:
    assert c.most_common_foreground(G) == 1
    with pytest.raises(ValueError):
        c.most_common_foreground(BLACK)


def test_least_common_foreground() -> None:
    assert c.least_common_foreground(G) == 2
    with pytest.raises(ValueError):
        c.least_common_foreground(BLACK)


def test_largest_region_color() -> None:
    grid = Grid([[2, 0, 3, 3], [2, 0, 0, 3], [0, 3, 0, 0], [0, 3, 3, 0]])  # 3 in regions of 3 and 3
    assert c.largest_region_color(grid) == 3
    assert c.largest_region_color(Grid([[4, 0, 4], [0, 4, 0], [6, 6, 0]])) == 6
    assert c.largest_region_color(Grid([[1, 1, 0, 2, 2]])) == 1  # tie: first in reading order
    with pytest.raises(ValueError):
        c.largest_region_color(BLACK)


def test_smallest_region_color() -> None:
    grid = Grid([[2, 2, 0, 3], [2, 0, 5, 5], [0, 0, 0, 0]])
    assert c.smallest_region_color(grid) == 3
    assert c.smallest_region_color(Grid([[1, 0, 2], [1, 0, 0]])) == 2
    assert c.smallest_region_color(Grid([[7, 7, 1, 1]])) == 7  # tie: first in reading order
    with pytest.raises(ValueError):
        c.smallest_region_color(BLACK)


def test_top_left_color() -> None:
    assert c.top_left_color(Grid([[1, 2], [3, 4]])) == 1


def test_top_right_color() -> None:
    assert c.top_right_color(Grid([[1, 2], [3, 4]])) == 2


def test_bottom_left_color() -> None:
    assert c.bottom_left_color(Grid([[1, 2], [3, 4]])) == 3


def test_bottom_right_color() -> None:
    assert c.bottom_right_color(Grid([[1, 2], [3, 4]])) == 4


def test_count_colors() -> None:
    assert c.count_colors(G) == 4
    assert c.count_colors(BLACK) == 1


def test_count_color() -> None:
    assert c.count_color(G, Color(1)) == 3
    assert c.count_color(G, Color(9)) == 0


def test_count_foreground() -> None:
    assert c.count_foreground(G) == 5
    assert c.count_foreground(BLACK) == 0


def test_has_color() -> None:
    assert c.has_color(G, Color(3)) is True
    assert c.has_color(G, Color(9)) is False
