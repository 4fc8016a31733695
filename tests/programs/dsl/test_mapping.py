import pytest

from abduce.programs.dsl import (
    Grid,
    components,
    flip_left_right,
    map_objects,
    map_parts,
    objects_where,
)

GRID = Grid([[1, 1, 0, 0], [1, 0, 0, 3], [0, 0, 3, 3], [0, 0, 0, 0]])


def test_map_objects_runs_the_program_on_each_box_in_place():
    flipped = map_objects(GRID, components(GRID), flip_left_right)
    assert flipped == Grid([[1, 1, 0, 0], [0, 1, 3, 0], [0, 0, 3, 3], [0, 0, 0, 0]])


def test_map_objects_passes_the_whole_box_with_what_else_lies_in_it():
    grid = Grid([[5, 5, 5], [5, 1, 0], [5, 0, 0]])
    ring = components(grid)[:1]  # the 5s: their box is the whole grid
    assert map_objects(grid, ring, flip_left_right) == Grid([[5, 5, 5], [0, 1, 5], [0, 0, 5]])


def test_map_objects_refuses_a_program_that_changes_a_box_s_shape():
    with pytest.raises(ValueError, match="shape"):
        map_objects(GRID, components(GRID), lambda box: Grid([[1]]))


SEPARATED = Grid([[1, 2, 5, 3, 0], [0, 0, 5, 0, 0], [5, 5, 5, 5, 5], [4, 0, 5, 0, 6]])


def test_map_parts_runs_the_program_on_each_part_and_keeps_the_separators():
    assert map_parts(SEPARATED, flip_left_right) == Grid(
        [[2, 1, 5, 0, 3], [0, 0, 5, 0, 0], [5, 5, 5, 5, 5], [0, 4, 5, 6, 0]]
    )


def test_map_parts_needs_separator_lines():
    with pytest.raises(ValueError, match="no separator lines"):
        map_parts(GRID, flip_left_right)


def test_objects_where_keeps_the_objects_with_a_feature_value():
    objects = components(GRID)
    assert objects_where(objects, "colour", (3,)) == objects[1:]
    assert objects_where(objects, "size", (4,)) == ()
