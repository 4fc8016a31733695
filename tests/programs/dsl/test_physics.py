from __future__ import annotations

import pytest

from abduce.programs.dsl.grid import Color, Grid, Integer
from abduce.programs.dsl.physics import (
    connect_color,
    connect_diagonal,
    connect_horizontal,
    connect_vertical,
    draw_cross,
    draw_diagonals,
    drop_objects_down,
    drop_objects_left,
    drop_objects_right,
    drop_objects_up,
    extend_horizontal,
    extend_vertical,
    fill_enclosed,
    flood_fill,
    gravity_down,
    gravity_left,
    gravity_right,
    gravity_up,
    ray_down,
    ray_left,
    ray_right,
    ray_up,
    shoot_ray,
    shoot_ray_until_blocked,
    shoot_rays,
)

LOOSE = Grid([[1, 0], [0, 2], [3, 0], [0, 0]])

# a bar with a hook resting above a single cell: it falls as one piece
HOOK = [[1, 1, 1], [0, 0, 1], [0, 0, 0], [2, 0, 0]]
HOOK_DROPPED = [[0, 0, 0], [0, 0, 0], [1, 1, 1], [2, 0, 1]]


def _flip(rows: list[list[int]]) -> list[list[int]]:
    return rows[::-1]


def _transpose(rows: list[list[int]]) -> list[list[int]]:
    return [list(col) for col in zip(*rows, strict=True)]


def test_gravity_down():
    assert gravity_down(LOOSE) == Grid([[0, 0], [0, 0], [1, 0], [3, 2]])


def test_gravity_up():
    assert gravity_up(LOOSE) == Grid([[1, 2], [3, 0], [0, 0], [0, 0]])


def test_gravity_left():
    assert gravity_left(Grid([[0, 1, 0, 2], [3, 0, 0, 0]])) == Grid([[1, 2, 0, 0], [3, 0, 0, 0]])


def test_gravity_right():
    assert gravity_right(Grid([[0, 1, 0, 2], [3, 0, 0, 0]])) == Grid([[0, 0, 1, 2], [0, 0, 0, 3]])


def test_drop_objects_down():
    assert drop_objects_down(Grid(HOOK)) == Grid(HOOK_DROPPED)
    assert gravity_down(Grid(HOOK)) != Grid(HOOK_DROPPED)


def test_drop_objects_down_settles_the_lowest_objects_first():
    # the cup falls first, then the 3 falls into it
    grid = Grid([[0, 3, 0], [4, 0, 4], [4, 4, 4], [0, 0, 0], [0, 0, 0]])
    assert drop_objects_down(grid) == Grid([[0, 0, 0], [0, 0, 0], [0, 0, 0], [4, 3, 4], [4, 4, 4]])


def test_drop_objects_up():
    assert drop_objects_up(Grid(_flip(HOOK))) == Grid(_flip(HOOK_DROPPED))


def test_drop_objects_left():
    left = [row[::-1] for row in _transpose(HOOK)]
    assert drop_objects_left(Grid(left)) == Grid([row[::-1] for row in _transpose(HOOK_DROPPED)])


def test_drop_objects_right():
    assert drop_objects_right(Grid(_transpose(HOOK))) == Grid(_transpose(HOOK_DROPPED))


def test_flood_fill():
    grid = Grid([[1, 1, 0], [0, 1, 0], [1, 0, 1]])
    assert flood_fill(grid, Integer(0), Integer(0), Color(5)) == Grid(
        [[5, 5, 0], [0, 5, 0], [1, 0, 1]]
    )
    assert flood_fill(grid, Integer(0), Integer(2), Color(5)) == Grid(
        [[1, 1, 5], [0, 1, 5], [1, 0, 1]]
    )
    with pytest.raises(ValueError):
        flood_fill(grid, Integer(3), Integer(0), Color(5))
    with pytest.raises(ValueError):
        flood_fill(grid, Integer(0), Integer(-1), Color(5))


def test_fill_enclosed():
    grid = Grid([[0, 3, 3, 3, 0], [0, 3, 0, 3, 0], [0, 3, 3, 3, 0], [3, 0, 3, 0, 0]])
    assert fill_enclosed(grid, Color(4)) == Grid(
        [[0, 3, 3, 3, 0], [0, 3, 4, 3, 0], [0, 3, 3, 3, 0], [3, 0, 3, 0, 0]]
    )
    # a diagonal gap does not let the outside in
    assert fill_enclosed(Grid([[3, 3, 0], [3, 0, 3], [3, 3, 3]]), Color(4)) == Grid(
        [[3, 3, 0], [3, 4, 3], [3, 3, 3]]
    )


def test_fill_enclosed_follows_a_winding_path_to_the_border():
    grid = Grid(
        [
            [3, 3, 3, 3, 3],
            [0, 0, 0, 0, 3],
            [3, 3, 3, 0, 3],
            [3, 0, 0, 0, 3],
            [3, 0, 3, 3, 3],
            [3, 3, 3, 0, 3],
        ]
    )
    assert fill_enclosed(grid, Color(4)) == grid
    closed = Grid([[3, *row[1:]] if i == 1 else row for i, row in enumerate(grid.to_list())])
    assert fill_enclosed(closed, Color(4)).to_list()[3] == [3, 4, 4, 4, 3]


def test_connect_horizontal():
    grid = Grid([[1, 0, 0, 1, 0], [2, 0, 2, 0, 3]])
    assert connect_horizontal(grid) == Grid([[1, 1, 1, 1, 0], [2, 2, 2, 0, 3]])
    # overlapping lines: the lower colour is drawn first
    assert connect_horizontal(Grid([[1, 0, 2, 0, 1, 0, 2]])) == Grid([[1, 1, 2, 1, 1, 2, 2]])


def test_connect_vertical():
    assert connect_vertical(Grid([[1, 2], [0, 0], [1, 0]])) == Grid([[1, 2], [1, 0], [1, 0]])


def test_connect_diagonal():
    grid = Grid([[1, 0, 0, 2], [0, 0, 0, 0], [0, 0, 1, 0], [2, 0, 0, 0]])
    assert connect_diagonal(grid) == Grid([[1, 0, 0, 2], [0, 1, 2, 0], [0, 2, 1, 0], [2, 0, 0, 0]])
    # lines are drawn between the original cells only
    grid = Grid([[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0]])
    assert connect_diagonal(grid) == Grid([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]])


def test_connect_color():
    grid = Grid([[8, 0, 0, 8], [0, 0, 0, 0], [8, 0, 1, 0], [0, 0, 0, 0]])
    assert connect_color(grid, Color(8), Color(3)) == Grid(
        [[8, 3, 3, 8], [3, 0, 0, 0], [8, 0, 1, 0], [0, 0, 0, 0]]
    )


def test_ray_up():
    assert ray_up(Grid([[0, 0], [1, 0], [5, 0]]), Color(5)) == Grid([[5, 0], [1, 0], [5, 0]])
    assert ray_up(Grid([[0, 0], [0, 0], [5, 0]]), Color(5)) == Grid([[5, 0], [5, 0], [5, 0]])


def test_ray_down():
    assert ray_down(Grid([[0, 5], [0, 0], [0, 0]]), Color(5)) == Grid([[0, 5], [0, 5], [0, 5]])


def test_ray_left():
    assert ray_left(Grid([[0, 0, 5, 1]]), Color(5)) == Grid([[5, 5, 5, 1]])


def test_ray_right():
    # the ray passes behind other cells and goes on to the edge
    assert ray_right(Grid([[0, 5, 0, 2, 0]]), Color(5)) == Grid([[0, 5, 5, 2, 5]])


CENTRE = Grid([[0, 0, 0], [0, 5, 0], [0, 0, 0]])


@pytest.mark.parametrize(
    ("direction", "cell"),
    [
        (0, (0, 1)),
        (1, (0, 2)),
        (2, (1, 2)),
        (3, (2, 2)),
        (4, (2, 1)),
        (5, (2, 0)),
        (6, (1, 0)),
        (7, (0, 0)),
    ],
)
def test_shoot_ray(direction: int, cell: tuple[int, int]):
    expected = CENTRE.to_list()
    expected[cell[0]][cell[1]] = 5
    assert shoot_ray(CENTRE, Color(5), Integer(direction)) == Grid(expected)


@pytest.mark.parametrize(
    ("direction", "wanted"),
    [
        # down-right: each cell's own diagonal, the 6 over the 1's, the background 0 only
        (3, [[6, 1, 0, 0], [3, 6, 1, 0], [0, 3, 6, 1], [0, 0, 3, 6]]),
        # right: each row's last cell wins the cells beyond it
        (2, [[6, 1, 1, 1], [3, 3, 3, 3], [0, 0, 0, 0], [0, 0, 0, 0]]),
    ],
)
def test_shoot_rays_extends_every_cell_in_its_own_colour(direction, wanted):
    grid = Grid([[6, 1, 0, 0], [3, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    assert shoot_rays(grid, Integer(direction)) == Grid(wanted)


def test_shoot_ray_rejects_a_bad_direction():
    with pytest.raises(ValueError):
        shoot_ray(CENTRE, Color(5), Integer(8))


def test_shoot_ray_until_blocked():
    grid = Grid([[0, 5, 0, 2, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 5]])
    assert shoot_ray_until_blocked(grid, Color(5), Integer(2)) == Grid(
        [[0, 5, 5, 2, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 5]]
    )
    diagonal = Grid([[0, 0, 0], [0, 3, 0], [0, 0, 5]])
    assert shoot_ray_until_blocked(diagonal, Color(5), Integer(7)) == diagonal
    assert shoot_ray(diagonal, Color(5), Integer(7)) == Grid([[5, 0, 0], [0, 3, 0], [0, 0, 5]])
    with pytest.raises(ValueError):
        shoot_ray_until_blocked(grid, Color(5), Integer(-1))


def test_extend_horizontal():
    grid = Grid([[0, 0, 0], [0, 4, 1], [0, 0, 0]])
    assert extend_horizontal(grid, Color(4)) == Grid([[0, 0, 0], [4, 4, 1], [0, 0, 0]])


def test_extend_vertical():
    grid = Grid([[0, 0, 0], [0, 4, 1], [0, 0, 0]])
    assert extend_vertical(grid, Color(4)) == Grid([[0, 4, 0], [0, 4, 1], [0, 4, 0]])


def test_draw_cross():
    grid = Grid([[0, 0, 0], [0, 4, 0], [1, 0, 0]])
    assert draw_cross(grid, Color(4)) == Grid([[0, 4, 0], [4, 4, 4], [1, 4, 0]])


def test_draw_diagonals():
    grid = Grid([[0, 0, 0], [0, 4, 0], [1, 0, 0]])
    assert draw_diagonals(grid, Color(4)) == Grid([[4, 0, 4], [0, 4, 0], [1, 0, 4]])
