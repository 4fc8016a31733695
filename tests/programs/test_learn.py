import pytest

from abduce.programs.dsl import Grid, Object, apply_color_map, apply_local_rule, components, overlay
from abduce.programs.search.learn import (
    learn_color_map,
    learn_local_rule,
    learn_object_choice,
    learn_object_colors,
    learn_overlay,
    unseen_neighbourhoods,
)


def test_color_table_must_be_consistent():
    assert learn_color_map((Grid([[1, 2]]),), (Grid([[3, 2]]),)) == ((1, 3),)
    assert learn_color_map((Grid([[1, 1]]),), (Grid([[3, 2]]),)) is None


@pytest.mark.parametrize(
    ("got", "wanted", "table"),
    [
        ([[[5, 2]]], [[[1, 7]]], ((2, 7), (5, 1))),  # by source colour
        ([[[-1, 1]]], [[[0, 3]]], ((-1, 0), (1, 3))),  # TRANSPARENT cells too
        ([[[1]], [[1]]], [[[2]], [[3]]], None),  # one colour, two outcomes across pairs
        ([[[1, 2]]], [[[1, 2]]], None),  # nothing changes
        ([[[1, 2]]], [[[1], [2]]], None),  # another shape
        ([[[1, 2]], [[2, 0]]], [[[4, 2]], [[2, 0]]], ((1, 4),)),
    ],
)
def test_color_table_cases(got, wanted, table):
    grids = [tuple(Grid(cells) for cells in side) for side in (got, wanted)]
    assert learn_color_map(*grids) == table


@pytest.mark.parametrize(
    ("top", "canvas", "wanted", "table"),
    [
        ([[0, 4]], [[1, 0]], [[1, 4]], ()),  # painted as it is: an empty table
        ([[0, 0]], [[1, 0]], [[1, 0]], None),  # nothing painted
        ([[4, 4]], [[1, 0]], [[7, 8]], None),  # one colour, two outcomes
        ([[-1, 0]], [[1, 2]], [[5, 2]], ((-1, 5),)),  # TRANSPARENT is painted too
        ([[0, 4]], [[1, 0]], [[1, 4], [0, 0]], None),  # another shape
    ],
)
def test_overlay_cases(top, canvas, wanted, table):
    assert learn_overlay((Grid(top),), (Grid(canvas),), (Grid(wanted),)) == table


def test_local_rule_recolors_cells_by_their_neighbours():
    # a background cell between two 1s (left and right) becomes 2
    got = (Grid([[1, 0, 1, 0, 0]]), Grid([[0, 1, 0, 1, 0]]))
    wanted = (Grid([[1, 2, 1, 0, 0]]), Grid([[0, 1, 2, 1, 0]]))
    table = learn_local_rule(got, wanted, diagonal=False)
    assert table is not None
    assert all(apply_local_rule(g, table, False) == w for g, w in zip(got, wanted, strict=True))
    assert not unseen_neighbourhoods((Grid([[1, 0, 1, 0, 0]]),), got, False)
    assert unseen_neighbourhoods((Grid([[3, 3]]),), got, False)


def test_local_rule_refuses_one_neighbourhood_with_two_outcomes():
    got = (Grid([[0, 0]]), Grid([[0, 0]]))
    assert learn_local_rule(got, (Grid([[0, 0]]), Grid([[5, 5]])), diagonal=False) is None


def test_overlay_paints_recolored_cells_over_the_canvas():
    canvas = Grid([[1, 0], [0, 1]])
    top = Grid([[0, 4], [0, 0]])
    wanted = Grid([[1, 7], [0, 1]])
    table = learn_overlay((top,), (canvas,), (wanted,))
    assert table == ((4, 7),)
    assert overlay(apply_color_map(top, table), canvas) == wanted
    assert learn_overlay((top,), (canvas,), (Grid([[2, 7], [0, 1]]),)) is None


def test_object_colours_are_learned_with_the_shortest_table():
    # the two rings become 3; sizes (8, 10, 3, 2) fit too, but need a longer table
    grid = Grid(
        [
            [1, 1, 1, 0, 1, 1, 1, 1, 0, 1],
            [1, 0, 1, 0, 1, 0, 0, 1, 0, 1],
            [1, 1, 1, 0, 1, 1, 1, 1, 0, 1],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        ]
    )
    wanted = Grid(
        [
            [3 if c and r < 3 and col < 8 else c for col, c in enumerate(row)]
            for r, row in enumerate(grid.to_list())
        ]
    )
    learned = learn_object_colors((grid,), (components(grid),), (wanted,))
    assert learned == ("number of holes", ((0, -1), (1, 3)))


@pytest.mark.parametrize(
    ("objects", "wanted", "learned"),
    [
        ([(1, 0, 0)], [[3, 1], [0, 1]], ("size", ((1, 3),))),
        ([(2, 0, 0), (1, 1, 1)], [[1, 1], [0, 4]], ("size", ((1, 4), (2, -1)))),
        ([(2, 0, 0), (1, 1, 1)], [[1, 1], [0, 1]], None),  # nothing changes
        ([(1, 0, 0)], [[3, 1], [5, 1]], None),  # a change outside every object
        ([(2, 0, 1)], [[1, 3], [0, 1]], None),  # an object reaching past the right edge
        ([(2, 0, 0)], [[3, 4], [0, 1]], None),  # one object, two new colours
    ],
)
def test_object_colour_cases(objects, wanted, learned):
    # on the canvas [[1, 1], [0, 1]]: (width, row, column) of one-row objects of colour 1
    canvas = Grid([[1, 1], [0, 1]])
    objs = tuple(Object(Grid([[1] * width]), row, col) for width, row, col in objects)
    assert learn_object_colors((canvas,), (objs,), (Grid(wanted),)) == learned


def test_the_object_chosen_by_a_relation_is_learned():
    # the output is the ring that holds another object; both inputs have a ring with a hole,
    # so neither size, holes nor shape tells the two rings apart
    inputs = (
        Grid(
            [
                [2, 2, 2, 0, 3, 3, 3],
                [2, 5, 2, 0, 3, 0, 3],
                [2, 2, 2, 0, 3, 3, 3],
                [4, 4, 0, 0, 0, 0, 0],
            ]
        ),
        Grid(
            [
                [1, 1, 1, 0, 0, 0, 0],
                [1, 0, 1, 0, 6, 6, 6],
                [1, 1, 1, 0, 6, 8, 6],
                [0, 0, 0, 0, 6, 6, 6],
            ]
        ),
    )
    wanted = (Grid([[2, 2, 2], [2, 5, 2], [2, 2, 2]]), Grid([[6, 6, 6], [6, 8, 6], [6, 6, 6]]))
    objects = tuple(components(grid) for grid in inputs)
    learned = learn_object_choice(inputs, objects, wanted)
    assert learned == ("object_subgrid", "number of objects inside its box", 1)
    assert learn_object_choice(inputs, objects, (wanted[0], wanted[0])) is None
