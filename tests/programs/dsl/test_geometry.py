"""Tests for the geometry primitives, on small literal grids."""

from __future__ import annotations

import pytest

from abduce.programs.dsl import geometry as g
from abduce.programs.dsl.grid import Color, Grid, Integer

G = Grid([[1, 2, 3], [4, 5, 6]])
ODD = Grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]])


def test_all_is_complete_and_documented() -> None:
    public = {name for name in vars(g) if not name.startswith("_") and callable(vars(g)[name])}
    public -= {"Grid", "Color", "Integer"}
    assert set(g.__all__) == public
    assert len(g.__all__) >= 32
    for name in g.__all__:
        doc = getattr(g, name).__doc__
        assert doc and "\n" not in doc and doc.endswith("."), name


def test_rotate_90() -> None:
    assert g.rotate_90(G) == Grid([[4, 1], [5, 2], [6, 3]])


def test_rotate_180() -> None:
    assert g.rotate_180(G) == Grid([[6, 5, 4], [3, 2, 1]])


def test_rotate_270() -> None:
    assert g.rotate_270(G) == Grid([[3, 6], [2, 5], [1, 4]])
    assert g.rotate_270(g.rotate_90(G)) == G


def test_flip_left_right() -> None:
    assert g.flip_left_right(G) == Grid([[3, 2, 1], [6, 5, 4]])


def test_flip_up_down() -> None:
    assert g.flip_up_down(G) == Grid([[4, 5, 6], [1, 2, 3]])


def test_transpose() -> None:
    assert g.transpose(G) == Grid([[1, 4], [2, 5], [3, 6]])


def test_anti_transpose() -> None:
    assert g.anti_transpose(G) == Grid([[6, 3], [5, 2], [4, 1]])


def test_crop() -> None:
    assert g.crop(ODD, Integer(1), Integer(1), Integer(2), Integer(1)) == Grid([[5], [8]])
    assert g.crop(ODD, Integer(0), Integer(0), Integer(3), Integer(3)) == ODD
    with pytest.raises(ValueError):
        g.crop(ODD, Integer(2), Integer(0), Integer(2), Integer(1))
    with pytest.raises(ValueError):
        g.crop(ODD, Integer(-1), Integer(0), Integer(1), Integer(1))


def test_trim() -> None:
    grid = Grid([[0, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0], [0, 0, 0, 0]])
    assert g.trim(grid) == Grid([[3, 0], [0, 4]])
    with pytest.raises(ValueError):
        g.trim(Grid([[0, 0], [0, 0]]))


def test_crop_to_color() -> None:
    grid = Grid([[2, 0, 0], [0, 5, 0], [0, 0, 5]])
    assert g.crop_to_color(grid, Color(5)) == Grid([[5, 0], [0, 5]])
    assert g.crop_to_color(grid, Color(0)) == grid
    with pytest.raises(ValueError):
        g.crop_to_color(grid, Color(7))


def test_top_half() -> None:
    assert g.top_half(ODD) == Grid([[1, 2, 3]])
    assert g.top_half(Grid([[1], [2], [3], [4]])) == Grid([[1], [2]])
    with pytest.raises(ValueError):
        g.top_half(Grid([[1, 2]]))


def test_bottom_half() -> None:
    assert g.bottom_half(ODD) == Grid([[7, 8, 9]])
    assert g.bottom_half(Grid([[1], [2], [3], [4]])) == Grid([[3], [4]])


def test_left_half() -> None:
    assert g.left_half(ODD) == Grid([[1], [4], [7]])
    assert g.left_half(Grid([[1, 2, 3, 4]])) == Grid([[1, 2]])
    with pytest.raises(ValueError):
        g.left_half(Grid([[1], [2]]))


def test_right_half() -> None:
    assert g.right_half(ODD) == Grid([[3], [6], [9]])
    assert g.right_half(Grid([[1, 2, 3, 4]])) == Grid([[3, 4]])


def test_top_half_with_middle() -> None:
    assert g.top_half_with_middle(ODD) == Grid([[1, 2, 3], [4, 5, 6]])
    assert g.top_half_with_middle(Grid([[1], [2], [3], [4]])) == Grid([[1], [2]])


def test_bottom_half_with_middle() -> None:
    assert g.bottom_half_with_middle(ODD) == Grid([[4, 5, 6], [7, 8, 9]])
    assert g.bottom_half_with_middle(Grid([[1], [2], [3], [4]])) == Grid([[3], [4]])


def test_left_half_with_middle() -> None:
    assert g.left_half_with_middle(ODD) == Grid([[1, 2], [4, 5], [7, 8]])


def test_right_half_with_middle() -> None:
    assert g.right_half_with_middle(ODD) == Grid([[2, 3], [5, 6], [8, 9]])
    assert g.right_half_with_middle(Grid([[7]])) == Grid([[7]])


def test_first_row() -> None:
    assert g.first_row(ODD) == Grid([[1, 2, 3]])


def test_last_row() -> None:
    assert g.last_row(ODD) == Grid([[7, 8, 9]])


def test_first_column() -> None:
    assert g.first_column(ODD) == Grid([[1], [4], [7]])


def test_last_column() -> None:
    assert g.last_column(ODD) == Grid([[3], [6], [9]])


def test_upscale() -> None:
    assert g.upscale(Grid([[1, 2]]), Integer(2)) == Grid([[1, 1, 2, 2], [1, 1, 2, 2]])
    with pytest.raises(ValueError):
        g.upscale(G, Integer(0))
    with pytest.raises(ValueError):
        g.upscale(G, Integer(11))


def test_upscale_rows() -> None:
    assert g.upscale_rows(G, Integer(2)) == Grid([[1, 2, 3], [1, 2, 3], [4, 5, 6], [4, 5, 6]])


def test_upscale_columns() -> None:
    assert g.upscale_columns(G, Integer(2)) == Grid([[1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 6, 6]])


def test_downscale() -> None:
    big = Grid([[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]])
    assert g.downscale(big, Integer(2)) == Grid([[1, 2], [3, 4]])
    assert g.downscale(g.upscale(ODD, Integer(3)), Integer(3)) == ODD
    with pytest.raises(ValueError):
        g.downscale(G, Integer(2))
    with pytest.raises(ValueError):
        g.downscale(big, Integer(0))


def test_downscale_rows() -> None:
    assert g.downscale_rows(Grid([[1, 2], [1, 2], [3, 4], [3, 4]]), Integer(2)) == Grid(
        [[1, 2], [3, 4]]
    )
    with pytest.raises(ValueError):
        g.downscale_rows(ODD, Integer(2))


def test_downscale_columns() -> None:
    assert g.downscale_columns(G, Integer(3)) == Grid([[1], [4]])
    with pytest.raises(ValueError):
        g.downscale_columns(G, Integer(2))


def test_merge_repeated_lines() -> None:
    grid = Grid([[1, 1, 2], [1, 1, 2], [3, 3, 3], [1, 1, 2]])
    assert g.merge_repeated_lines(grid) == Grid([[1, 2], [3, 3], [1, 2]])
    assert g.merge_repeated_lines(ODD) == ODD


def test_tile() -> None:
    assert g.tile(Grid([[1, 2]]), Integer(2), Integer(2)) == Grid([[1, 2, 1, 2], [1, 2, 1, 2]])
    assert g.tile(G, Integer(1), Integer(1)) == G
    with pytest.raises(ValueError):
        g.tile(G, Integer(0), Integer(1))


def test_tile_where_colored_copies_the_grid_into_the_coloured_cells_blocks() -> None:
    assert g.tile_where_colored(Grid([[2, 0], [0, 3]])) == Grid(
        [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 2, 0], [0, 0, 0, 3]]
    )
    with pytest.raises(ValueError, match="larger than"):
        g.tile_where_colored(Grid([[1] * 6] * 6))


def test_tile_where_color_copies_the_grid_into_the_blocks_of_one_colour() -> None:
    grid = Grid([[2, 1], [0, 2]])
    assert g.tile_where_color(grid, Color(1)) == Grid(
        [[0, 0, 2, 1], [0, 0, 0, 2], [0, 0, 0, 0], [0, 0, 0, 0]]
    )
    assert g.tile_where_color(grid, Color(0)) == Grid(
        [[0, 0, 0, 0], [0, 0, 0, 0], [2, 1, 0, 0], [0, 2, 0, 0]]
    )


def test_mirror_right() -> None:
    assert g.mirror_right(G) == Grid([[1, 2, 3, 3, 2, 1], [4, 5, 6, 6, 5, 4]])


def test_mirror_down() -> None:
    assert g.mirror_down(G) == Grid([[1, 2, 3], [4, 5, 6], [4, 5, 6], [1, 2, 3]])


def test_mirror_quadrants() -> None:
    assert g.mirror_quadrants(Grid([[1, 2], [3, 0]])) == Grid(
        [[1, 2, 2, 1], [3, 0, 0, 3], [3, 0, 0, 3], [1, 2, 2, 1]]
    )
    with pytest.raises(ValueError):
        g.mirror_quadrants(Grid([[0] * 16]))


def test_symmetrize_left_right() -> None:
    assert g.symmetrize_left_right(ODD) == Grid([[1, 2, 1], [4, 5, 4], [7, 8, 7]])
    assert g.symmetrize_left_right(Grid([[1, 2, 0, 0]])) == Grid([[1, 2, 2, 1]])


def test_symmetrize_up_down() -> None:
    assert g.symmetrize_up_down(ODD) == Grid([[1, 2, 3], [4, 5, 6], [1, 2, 3]])
    assert g.symmetrize_up_down(Grid([[5]])) == Grid([[5]])


def test_hconcat() -> None:
    assert g.hconcat(G, Grid([[7], [8]])) == Grid([[1, 2, 3, 7], [4, 5, 6, 8]])
    with pytest.raises(ValueError):
        g.hconcat(G, ODD)


def test_vconcat() -> None:
    assert g.vconcat(G, Grid([[7, 8, 9]])) == ODD
    with pytest.raises(ValueError):
        g.vconcat(G, Grid([[7, 8]]))


def test_shift() -> None:
    assert g.shift(ODD, Integer(1), Integer(-1)) == Grid([[0, 0, 0], [2, 3, 0], [5, 6, 0]])
    assert g.shift(ODD, Integer(-2), Integer(2)) == Grid([[0, 0, 7], [0, 0, 0], [0, 0, 0]])
    assert g.shift(ODD, Integer(0), Integer(3)) == Grid([[0, 0, 0]] * 3)


def test_roll() -> None:
    assert g.roll(ODD, Integer(1), Integer(-1)) == Grid([[8, 9, 7], [2, 3, 1], [5, 6, 4]])


def test_add_border() -> None:
    assert g.add_border(Grid([[1]]), Color(4)) == Grid([[4, 4, 4], [4, 1, 4], [4, 4, 4]])


def test_remove_border() -> None:
    assert g.remove_border(ODD) == Grid([[5]])
    with pytest.raises(ValueError):
        g.remove_border(G)


def test_extend() -> None:
    assert g.extend(G, Integer(3), Integer(4)) == Grid([[1, 2, 3, 0], [4, 5, 6, 0], [0, 0, 0, 0]])
    with pytest.raises(ValueError):
        g.extend(G, Integer(1), Integer(4))


def test_paste() -> None:
    base = Grid([[0, 0, 0], [0, 0, 0]])
    assert g.paste(base, Grid([[1, 2], [3, 4]]), Integer(1), Integer(2)) == Grid(
        [[0, 0, 0], [0, 0, 1]]
    )
    assert g.paste(base, Grid([[5, -1]]), Integer(0), Integer(-1)) == base
    assert g.paste(base, Grid([[-1, 5]]), Integer(0), Integer(-1)) == Grid([[5, 0, 0], [0, 0, 0]])
    with pytest.raises(ValueError):
        g.paste(base, G, Integer(2), Integer(0))


def test_canvas() -> None:
    assert g.canvas(Color(3), Integer(2), Integer(3)) == Grid([[3, 3, 3], [3, 3, 3]])
    with pytest.raises(ValueError):
        g.canvas(Color(3), Integer(0), Integer(3))
