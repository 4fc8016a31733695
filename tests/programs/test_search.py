import inspect
import re
from pathlib import Path

import pytest

from abduce.programs import Sandbox, dsl
from abduce.programs.search import search
from abduce.programs.search.augment import variants
from abduce.programs.search.enumeration import Enumerator
from abduce.programs.search.expr import INPUT, Expr, evaluate
from abduce.programs.search.vocabulary import primitives, searchable
from abduce.tasks import Task


def task(*pairs, test) -> Task:
    train = [{"input": i, "output": o} for i, o in pairs]
    return Task.model_validate({"id": "t", "train": train, "test": [{"input": test}]})


# Crop to the largest object, then flip it left to right: two steps.
CROP_FLIP = task(
    ([[0, 0, 0, 0, 0], [0, 1, 2, 0, 0], [0, 1, 1, 0, 0], [0, 0, 0, 0, 3]], [[2, 1], [1, 1]]),
    ([[4, 4, 4, 0, 0], [0, 0, 4, 0, 5], [0, 0, 0, 0, 0]], [[4, 4, 4], [4, 0, 0]]),
    test=[[6, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 7], [0, 7, 7, 7]],
)
# Objects recoloured by their size: 1 cell -> 3, 2 cells -> 4 (a learned table).
BY_SIZE = task(
    ([[1, 0, 1], [0, 0, 1]], [[3, 0, 4], [0, 0, 4]]),
    ([[1, 1, 0], [0, 0, 0], [1, 0, 0]], [[4, 4, 0], [0, 0, 0], [3, 0, 0]]),
    test=[[1, 0, 0, 1], [1, 0, 0, 0]],
)


def test_finds_a_two_step_program_and_describes_it():
    found = search(CROP_FLIP, seconds=60, max_evaluations=20_000)
    best = found.candidates[0]
    assert best.test_outputs == [[[7, 0, 0], [7, 7, 7]]]
    assert best.expr.size == 2
    assert best.description == (
        "crop the grid to its largest object, then flip the grid left to right"
    )
    assert found.stopped == "found"


def test_the_printed_program_runs_in_the_sandbox_and_agrees():
    best = search(CROP_FLIP, seconds=60, max_evaluations=20_000).candidates[0]
    inputs = [example.input for example in CROP_FLIP.train + CROP_FLIP.test]
    results = Sandbox(workers=1).run(best.source, inputs)
    assert [r.value for r in results] == [
        *(example.output for example in CROP_FLIP.train),
        *best.test_outputs,
    ]


def test_learns_a_feature_to_color_table_for_objects():
    best = search(BY_SIZE, seconds=30).candidates[0]
    assert best.test_outputs == [[[4, 0, 0, 3], [4, 0, 0, 0]]]
    assert "'size'" in best.description


def test_same_task_same_candidates():
    first, second = (
        search(CROP_FLIP, seconds=60, max_evaluations=20_000),
        search(CROP_FLIP, seconds=60, max_evaluations=20_000),
    )
    assert [c.source for c in first.candidates] == [c.source for c in second.candidates]


def test_candidates_are_distinct_predictions_simplest_first():
    found = search(CROP_FLIP, seconds=60, max_evaluations=20_000)
    predictions = [str(c.test_outputs) for c in found.candidates]
    assert len(predictions) == len(set(predictions))
    costs = [c.expr.cost for c in found.candidates]
    assert costs == sorted(costs)


def test_a_tiny_budget_stops_the_search():
    noise = task(([[1, 2], [3, 4]], [[9, 9, 9], [8, 7, 1]]), test=[[1, 1], [2, 2]])
    found = search(noise, seconds=30, max_evaluations=50, augment=False)
    assert found.stopped == "budget spent"
    assert found.evaluations == 50
    assert found.candidates == []


def test_every_variant_maps_back_exactly():
    functions = {name: getattr(dsl, name) for name in dsl.__all__}
    grid = dsl.Grid([[1, 2, 0], [3, 4, 5]])
    for variant in variants(CROP_FLIP):
        round_trip = variant.map_back(Expr(INPUT))  # the identity on the variant
        assert evaluate(round_trip, grid, functions) == grid, variant.name


def test_observational_equivalence_keeps_each_value_once():
    grid = dsl.Grid([[1, 2], [3, 4]])
    vocabulary = [p for p in searchable(primitives()) if p.name.startswith("rotate_")]
    enumerator = Enumerator([grid], vocabulary, {}, max_evaluations=10_000, deadline=1e18)
    for _ in range(3):
        list(enumerator.level())
    grids = enumerator.pool(dsl.Grid)
    assert len(grids) == 4  # the four rotations, however they were reached
    assert all(node.expr.size <= 1 for node in grids)


TESTS = "\n".join(p.read_text() for p in Path(__file__).parent.glob("dsl/test_*.py"))


@pytest.mark.parametrize("name", [n for n in dsl.__all__ if inspect.isfunction(getattr(dsl, n))])
def test_every_primitive_is_typed_documented_and_tested(name):
    function = getattr(dsl, name)
    doc = inspect.getdoc(function)
    assert doc and len(doc.splitlines()) == 1 and doc.endswith(".")
    assert all(
        p.annotation is not inspect.Parameter.empty
        for p in inspect.signature(function).parameters.values()
    )
    assert re.search(rf"\b{name}\(", TESTS), f"no test calls {name}"
