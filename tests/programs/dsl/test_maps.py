import pytest

from abduce.programs.dsl import (
    Grid,
    apply_color_map,
    apply_local_rule,
    components,
    neighbourhood_codes,
    object_features,
    recolor_objects,
)

GRID = Grid([[1, 0, 1], [1, 0, 0], [0, 0, 2]])


def test_apply_color_map():
    assert apply_color_map(GRID, ((1, 3), (0, 5))) == Grid([[3, 5, 3], [3, 5, 5], [5, 5, 2]])


def test_object_features():
    objects = components(GRID)
    assert object_features(objects, "size") == [2, 1, 1]
    assert object_features(objects, "size rank, largest first") == [0, 1, 1]
    assert object_features(objects, "colour") == [1, 1, 2]


# a ring of 1 holding a 2; two 3s, one in line with the ring; a 4 below the ring
RELATED = Grid(
    [
        [1, 1, 1, 1, 0, 0],
        [1, 2, 0, 1, 0, 3],
        [1, 1, 1, 1, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [4, 0, 0, 0, 0, 3],
    ]
)


@pytest.mark.parametrize(
    ("feature", "values"),
    [
        ("number of objects of the same colour", [1, 1, 2, 1, 2]),
        ("number of objects of the same size", [1, 4, 4, 4, 4]),
        ("number of objects of the same height", [1, 4, 4, 4, 4]),
        ("number of objects of the same width", [1, 4, 4, 4, 4]),
        ("number of objects with as many holes", [1, 4, 4, 4, 4]),
        ("number of objects with as many colours", [5, 5, 5, 5, 5]),
        ("number of objects it touches", [1, 1, 0, 0, 0]),
        ("number of objects inside its box", [1, 0, 0, 0, 0]),
        ("being inside another object's box", [0, 1, 0, 0, 0]),
        ("number of objects in line with it", [3, 2, 3, 2, 2]),
        ("top row", [0, 1, 1, 4, 4]),
        ("left column", [0, 1, 5, 0, 5]),
    ],
)
def test_relation_features_count_the_other_objects(feature, values):
    assert object_features(components(RELATED), feature) == values


def test_the_odd_one_out_by_height_or_width_has_a_count_of_one():
    objects = components(Grid([[1, 0, 2, 2], [1, 0, 0, 3]]))  # 2×1, 1×2, 1×1
    assert object_features(objects, "number of objects of the same height") == [1, 2, 2]
    assert object_features(objects, "number of objects of the same width") == [2, 1, 2]


def test_touching_counts_each_neighbour_once_and_not_diagonals():
    grid = Grid([[1, 1, 2], [3, 1, 2], [0, 0, 4]])  # 1 touches 2 and 3; 4 only touches 2
    objects = components(grid)
    assert [o.colors for o in objects] == [(1,), (2,), (3,), (4,)]
    assert object_features(objects, "number of objects it touches") == [2, 2, 1, 1]


def test_recolor_objects():
    objects = components(GRID)
    keep = -1
    recolored = recolor_objects(GRID, objects, "size", ((1, keep), (2, 4)))
    assert recolored == Grid([[4, 0, 1], [4, 0, 0], [0, 0, 2]])


def test_recolor_objects_refuses_a_value_missing_from_the_table():
    with pytest.raises(ValueError, match="no colour for size 1"):
        recolor_objects(GRID, components(GRID), "size", ((2, 4),))


def test_neighbourhood_codes():
    codes = neighbourhood_codes(Grid([[1, 2]]), diagonal=False)
    outside = 11
    # centre, up, down, left, right; colours code as colour + 1
    expected = [
        [(((2 * 12 + outside) * 12 + outside) * 12 + outside) * 12 + 3],
        [(((3 * 12 + outside) * 12 + outside) * 12 + 2) * 12 + outside],
    ]
    assert codes.ravel().tolist() == [row[0] for row in expected]


def test_apply_local_rule():
    grid = Grid([[1, 2]])
    code_of_1 = int(neighbourhood_codes(grid, diagonal=False)[0, 0])
    assert apply_local_rule(grid, ((code_of_1, 5),), False) == Grid([[5, 2]])
