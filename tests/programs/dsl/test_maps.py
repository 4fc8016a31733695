import pytest

from abduce.programs.dsl import Grid, apply_color_map, components, object_features, recolor_objects

GRID = Grid([[1, 0, 1], [1, 0, 0], [0, 0, 2]])


def test_apply_color_map():
    assert apply_color_map(GRID, ((1, 3), (0, 5))) == Grid([[3, 5, 3], [3, 5, 5], [5, 5, 2]])


def test_object_features():
    objects = components(GRID)
    assert object_features(objects, "size") == [2, 1, 1]
    assert object_features(objects, "size rank, largest first") == [0, 1, 1]
    assert object_features(objects, "colour") == [1, 1, 2]


def test_recolor_objects():
    objects = components(GRID)
    keep = -1
    recoloured = recolor_objects(GRID, objects, "size", ((1, keep), (2, 4)))
    assert recoloured == Grid([[4, 0, 1], [4, 0, 0], [0, 0, 2]])


def test_recolor_objects_refuses_a_value_missing_from_the_table():
    with pytest.raises(ValueError, match="no colour for size 1"):
        recolor_objects(GRID, components(GRID), "size", ((2, 4),))
