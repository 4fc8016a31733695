import gc
import inspect
import re
from pathlib import Path

import pytest

from abduce.programs import Sandbox, dsl
from abduce.programs.search import _Goal, _literals, search
from abduce.programs.search.augment import variants
from abduce.programs.search.enumeration import Enumerator, OutOfBudget
from abduce.programs.search.expr import INPUT, Expr, evaluate
from abduce.programs.search.prior import Prior
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


def test_max_evaluations_is_one_total_for_the_task_and_needs_no_clock():
    noise = task(([[1, 2], [3, 4]], [[9, 9, 9], [8, 7, 1]]), test=[[1, 1], [2, 2]])
    found = search(noise, seconds=None, max_evaluations=3000)  # with its variants
    assert (found.stopped, found.evaluations, found.candidates) == ("budget spent", 3000, [])
    again = search(noise, seconds=None, max_evaluations=3000)
    assert (again.evaluations, again.levels) == (found.evaluations, found.levels)


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


@pytest.mark.parametrize("ending", ["finished", "abandoned", "out of budget"])
def test_a_level_leaves_the_cycle_collector_as_it_found_it(ending):
    grid = dsl.Grid([[1, 2], [3, 4]])
    vocabulary = [p for p in searchable(primitives()) if p.name.startswith("rotate_")]
    budget = 2 if ending == "out of budget" else 10_000
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            enumerator = Enumerator([grid], vocabulary, {}, max_evaluations=budget, deadline=None)
            assert not list(enumerator.level())  # level 1: nothing costs 1
            level = enumerator.level()
            next(level)
            assert not gc.isenabled()  # paused while the level runs
            if ending == "finished":
                list(level)
            elif ending == "abandoned":
                del level
            else:
                with pytest.raises(OutOfBudget):
                    list(level)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


ORDER_VOCABULARY = [
    "rotate_90",
    "flip_left_right",
    "trim",
    "crop_to_color",
    "upscale",
    "tile",
    "hconcat",
    "overlay",
    "components",
    "largest_object",
    "crop_object",
    "object_color",
    "count_objects",
    "most_common_color",
    "recolor_largest_object",
    "fill_background",
    "objects_of_color",
    "mask_and",
]


def enumeration_order(prior: Prior | None, levels: int) -> list[str]:
    """'level expression' for every new value, in the order the enumerator yields them."""
    goal = _Goal(CROP_FLIP)
    vocabulary = [p for p in searchable(primitives()) if p.name in ORDER_VOCABULARY]
    enumerator = Enumerator(
        goal.inputs, vocabulary, _literals(CROP_FLIP), max_evaluations=10**9, deadline=None,
        prior=prior,
    )  # fmt: skip
    return [f"{level} {show(node.expr)}" for level in range(1, levels + 1)
            for _, node in enumerator.level()]  # fmt: skip


def show(expr: Expr) -> str:
    if expr.is_literal:
        return repr(expr.literal)
    return f"{expr.op}({', '.join(map(show, expr.args))})" if expr.args else expr.op


@pytest.mark.parametrize("prior", [None, Prior(), "uniform"])
def test_a_uniform_prior_reproduces_the_unweighted_order(prior):
    if prior == "uniform":
        share = 1 / len(ORDER_VOCABULARY)
        prior = Prior(primitives=dict.fromkeys(ORDER_VOCABULARY, share))
    recorded = (Path(__file__).parent / "data/unweighted_order.txt").read_text().splitlines()
    assert enumeration_order(prior, 6) == [line for line in recorded if not line.startswith("#")]


def test_a_likely_primitive_comes_sooner_and_an_impossible_one_never():
    share = 1 / len(ORDER_VOCABULARY)
    prior = Prior(primitives={"crop_object": 2 * share, "rotate_90": 0.0})
    order = enumeration_order(prior, 6)
    assert not any("rotate_90" in line for line in order)
    uniform = enumeration_order(None, 6)
    first = "crop_object(largest_object(components(grid)))"
    assert f"6 {first}" in uniform and f"5 {first}" in order  # crop_object: 1, not 2


def test_likely_literals_are_cheaper():
    prior = Prior(literals={("Color", 7): 0.9})
    order = enumeration_order(prior, 3)
    assert "2 fill_background(grid, 7)" in order
    assert "3 fill_background(grid, 7)" in enumeration_order(None, 3)


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


def test_the_object_a_relation_singles_out_is_cut_out_and_runs_in_the_sandbox():
    # the output is the ring that holds another object; the other ring is empty
    holder = task(
        (
            [
                [2, 2, 2, 0, 3, 3, 3],
                [2, 5, 2, 0, 3, 0, 3],
                [2, 2, 2, 0, 3, 3, 3],
                [4, 4, 0, 0, 0, 0, 0],
            ],
            [[2, 2, 2], [2, 5, 2], [2, 2, 2]],
        ),
        (
            [
                [1, 1, 1, 0, 0, 0, 0],
                [1, 0, 1, 0, 6, 6, 6],
                [1, 1, 1, 0, 6, 8, 6],
                [0, 0, 0, 0, 6, 6, 6],
            ],
            [[6, 6, 6], [6, 8, 6], [6, 6, 6]],
        ),
        test=[
            [0, 0, 0, 0, 0, 0, 0],
            [7, 7, 7, 0, 9, 9, 9],
            [7, 3, 7, 0, 9, 0, 9],
            [7, 7, 7, 0, 9, 9, 9],
        ],
    )
    best = search(holder, max_evaluations=20_000).candidates[0]
    assert best.test_outputs == [[[7, 7, 7], [7, 3, 7], [7, 7, 7]]]
    assert "object_where" in best.source and "number of objects inside its box" in best.source
    results = Sandbox(workers=1).run(best.source, [example.input for example in holder.test])
    assert [r.value for r in results] == best.test_outputs
