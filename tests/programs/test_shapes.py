import pytest

from abduce.programs.dsl import Grid
from abduce.programs.search import _Goal, predict_shapes, search
from abduce.programs.search.expr import INPUT, Expr
from abduce.programs.search.shapes import shape_rule
from abduce.tasks import Task


def task(*pairs, tests) -> Task:
    train = [{"input": i, "output": o} for i, o in pairs]
    return Task.model_validate({"id": "t", "train": train, "test": [{"input": t} for t in tests]})


def blank(height: int, width: int) -> list[list[int]]:
    return [[0] * width for _ in range(height)]


# (rule name, task, predicted test shapes): one task per rule, outputs blank (only shapes count).
RULES = [
    (
        "the input's shape",
        task(([[1, 2], [3, 4]], [[2, 1], [4, 3]]), tests=[blank(4, 1)]),
        [(4, 1)],
    ),
    (
        "the fixed shape 1×1",
        task(([[1, 2], [3, 4]], [[1]]), ([[5, 6, 7]], [[5]]), tests=[blank(4, 4)]),
        [(1, 1)],
    ),
    (
        "the input's shape, height ×2, width ×2",
        task(([[1, 2]], blank(2, 4)), ([[1], [2]], blank(4, 2)), tests=[blank(3, 3)]),
        [(6, 6)],
    ),
    (
        "the input's shape, height +2, width +2",
        task(([[1]], blank(3, 3)), (blank(2, 3), blank(4, 5)), tests=[blank(3, 2)]),
        [(5, 4)],
    ),
    (
        "the input's shape, height ×1/3, width ×1/3",
        task((blank(3, 6), blank(1, 2)), (blank(6, 3), blank(2, 1)), tests=[blank(9, 9)]),
        [(3, 3)],
    ),
    (
        "the input's shape transposed",
        task(([[1, 2]], blank(2, 1)), ([[1], [2], [3]], blank(1, 3)), tests=[blank(2, 4)]),
        [(4, 2)],
    ),
    (
        "the box of the cells other than 0",
        task(
            ([[0, 0, 0], [0, 4, 4], [0, 0, 0]], blank(1, 2)),
            ([[3, 0], [3, 0], [0, 0]], blank(2, 1)),
            tests=[[[0, 5, 5, 5]]],
        ),
        [(1, 3)],
    ),
    (
        "the box of the largest object (single-colour)",
        task(
            ([[1, 1, 0, 0, 0], [1, 1, 0, 0, 2], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], blank(2, 2)),
            ([[0, 0, 0, 3], [0, 4, 4, 4], [0, 0, 0, 0]], blank(1, 3)),
            tests=[[[5, 0, 0], [0, 0, 0], [6, 6, 0], [6, 6, 0], [6, 6, 0]]],
        ),
        [(3, 2)],
    ),
    (
        "the box of the smallest object (single-colour)",
        task(
            ([[1, 1, 0, 0, 0], [1, 1, 0, 0, 2], [0, 0, 0, 0, 2], [0, 0, 0, 0, 0]], blank(2, 1)),
            ([[0, 0, 0, 3], [0, 0, 0, 3], [4, 4, 0, 3]], blank(1, 2)),
            tests=[[[5, 5, 5], [0, 0, 0], [6, 6, 6], [6, 6, 6], [6, 6, 6]]],
        ),
        [(1, 3)],
    ),
    (
        "the box of the colour 8 cells",
        task(
            ([[8, 0, 8, 0], [0, 0, 0, 1], [8, 0, 8, 0]], blank(3, 3)),
            ([[0, 0, 0], [1, 8, 8], [0, 0, 0]], blank(1, 2)),
            tests=[[[8, 0], [8, 0], [0, 1]]],
        ),
        [(2, 1)],
    ),
    (
        "the largest part between separator lines",
        task(
            ([[1, 0, 5, 2, 2], [0, 1, 5, 0, 2], [0, 1, 5, 2, 0]], blank(3, 2)),
            ([[1, 0, 1], [5, 5, 5], [2, 0, 2], [0, 2, 0]], blank(2, 3)),
            tests=[[[1, 5, 2, 0, 3], [0, 5, 0, 2, 2]]],
        ),
        [(2, 3)],
    ),
    (
        "the layout of the parts between separator lines",
        task(
            ([[1, 0, 5, 2, 0], [0, 1, 5, 0, 2]], blank(1, 2)),
            ([[1, 0, 5, 2, 0, 5, 3, 0], [0, 1, 5, 0, 2, 5, 0, 3]], blank(1, 3)),
            tests=[[[1, 0, 5, 2], [5, 5, 5, 5], [3, 0, 5, 4], [0, 3, 5, 0]]],
        ),
        [(2, 2)],
    ),
    (
        "height: the constant 1; width: the number of objects (single-colour)",
        task(
            ([[1, 1, 0, 1, 1]], blank(1, 2)),
            ([[2, 0, 2, 0, 2], [2, 0, 2, 0, 2]], blank(1, 3)),
            tests=[[[3, 3, 0, 3], [0, 0, 0, 0], [3, 0, 3, 3]]],
        ),
        [(1, 4)],
    ),
    (
        "height: the number of colours other than 0; width: the number of colours other than 0",
        task(
            ([[1, 0, 1, 0, 2]], blank(2, 2)),
            ([[1, 2, 3], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], blank(3, 3)),
            tests=[[[1, 0, 1], [0, 0, 0], [2, 0, 4], [0, 0, 0]]],
        ),
        [(3, 3)],
    ),
]


@pytest.mark.parametrize(("name", "task", "shapes"), RULES, ids=[r[0] for r in RULES])
def test_each_rule_predicts_its_tasks_test_shapes(name, task, shapes):
    rule = shape_rule(task)
    assert rule is not None
    assert (rule.name, rule.shapes) == (name, shapes)
    assert predict_shapes(task) == shapes


@pytest.mark.parametrize(("name", "task", "shapes"), RULES, ids=[r[0] for r in RULES])
def test_a_rule_gives_the_train_inputs_their_outputs_shapes(name, task, shapes):
    rule = shape_rule(task)
    assert rule is not None
    inputs = [Grid(example.input) for example in task.train]
    assert rule.shapes_on(inputs) == [Grid(e.known_output()).shape for e in task.train]


def test_no_rule_fits_gives_none():
    unrelated = task((blank(1, 1), blank(2, 3)), (blank(2, 2), blank(1, 7)), tests=[blank(3, 3)])
    assert shape_rule(unrelated) is None
    assert predict_shapes(unrelated) == [None]


def test_the_simplest_rule_that_sizes_every_test_input_wins():
    # The box of the colour 8 cells fits the train pairs first, but the test input has no 8.
    boxed = task(
        ([[0, 8, 8, 0]], blank(1, 2)),
        ([[0, 0, 0], [0, 8, 0], [0, 8, 0]], blank(2, 1)),
        tests=[[[0, 0, 0], [2, 2, 0], [0, 0, 0]]],
    )
    rule = shape_rule(boxed)
    assert rule is not None and rule.shapes == [(1, 2)]
    assert "colour 8" not in rule.name


# The left half, or the cells other than 0: both fit the train pairs; the test's shape tells.
HALF = task(
    ([[5, 5, 0, 0], [5, 5, 0, 0]], [[5, 5], [5, 5]]),
    ([[5, 5, 5, 0, 0, 0], [5, 5, 5, 0, 0, 0]], [[5, 5, 5], [5, 5, 5]]),
    tests=[[[0, 0, 0, 0], [5, 0, 0, 0]]],
)


def test_search_ranks_a_candidate_of_the_predicted_shape_first():
    found = search(HALF, seconds=None, max_evaluations=5_000)
    assert found.shape_rule == "the input's shape, width ×1/2"
    first, *others = found.candidates
    assert Grid(first.test_outputs[0]).shape == (2, 2)
    cheaper = [c for c in others if c.expr.cost < first.expr.cost]
    assert cheaper and all(Grid(c.test_outputs[0]).shape != (2, 2) for c in cheaper)


def test_the_search_counts_only_candidates_of_the_predicted_shape_as_found():
    goal = _Goal(HALF)
    goal.record(Expr("trim", (Expr(INPUT),)))  # the test output: 1×1
    assert (len(goal.candidates), goal.fitting) == (1, 0)
    goal.record(Expr("left_half", (Expr(INPUT),)))  # the test output: 2×2
    assert (len(goal.candidates), goal.fitting) == (2, 1)
