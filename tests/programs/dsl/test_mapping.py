import pytest

from abduce.programs.dsl import (
    Grid,
    arrange_objects,
    components,
    flip_left_right,
    flip_up_down,
    map_objects,
    map_parts,
    object_where,
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


def test_object_where_takes_the_one_object_with_the_value():
    objects = components(GRID)
    assert object_where(objects, "colour", (3,)) == objects[1]
    with pytest.raises(ValueError, match="2 objects"):
        object_where(objects, "size", (3,))
    with pytest.raises(ValueError, match="0 objects"):
        object_where(objects, "size", (99,))


def test_arrange_objects_joins_the_program_s_results_in_the_feature_s_order():
    grid = Grid([[0, 0, 4, 4], [2, 0, 4, 0], [2, 0, 0, 0], [0, 0, 3, 0], [0, 0, 3, 0]])
    objects = components(grid)  # the 4 (3 cells), the 2 and the 3 (2 cells each)
    assert arrange_objects(grid, objects, "size", False, flip_up_down) == Grid(
        [[2, 3, 4, 0], [2, 3, 4, 4]]
    )
    assert arrange_objects(grid, objects, "left column", False, flip_up_down) == Grid(
        [[2, 4, 0, 3], [2, 4, 4, 3]]
    )


@pytest.mark.parametrize("vertical", [False, True])
def test_arrange_objects_refuses_boxes_that_do_not_join(vertical):
    grid = Grid([[0, 3, 0, 0], [0, 3, 1, 1], [0, 0, 1, 1], [2, 2, 2, 0]])  # 2×1, 2×2, 1×3
    with pytest.raises(ValueError, match="differ in"):
        arrange_objects(grid, components(grid), "size", vertical, flip_up_down)
