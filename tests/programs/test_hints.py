"""A person's words turned into a prior for the search."""

import pytest

from abduce.agent import Budget, Solver
from abduce.errors import UsageError
from abduce.programs.search import search
from abduce.programs.search.hints import hint_prior
from abduce.programs.search.learned import searchable_names
from abduce.programs.search.prior import Prior
from abduce.tasks import Task


@pytest.mark.parametrize(
    ("text", "word", "raised"),
    [
        ("flip it", "flip", ("flip_left_right", "flip_up_down")),
        ("turn it", "turn", ("rotate_180", "rotate_270", "rotate_90")),  # a synonym
        ("the cropped part", "cropped", ("crop_object", "crop_to_color")),  # a tense, a subset
        ("then trim(x) it", "trim", ("trim",)),  # a DSL name typed
        ("paint the red cells", "red", ("colour 2",)),
        ("tile it 3 times", "3", ("number 3",)),
    ],
)
def test_words_and_names_are_matched_to_primitives_and_literals(text, word, raised):
    found = hint_prior(text).matches[word]
    assert set(raised) <= set(found)


def test_a_name_counts_more_than_a_word_and_unmatched_words_change_nothing():
    base = Prior(primitives={name: 1 / len(searchable_names()) for name in searchable_names()})
    hint = hint_prior("transpose, then flip it", base)
    chances = hint.prior.primitives
    assert abs(sum(chances.values()) - 1) < 1e-9
    assert chances["transpose"] > chances["flip_up_down"] > chances["rotate_90"]
    assert chances["rotate_90"] < base.primitives["rotate_90"]  # the rest make room
    quiet = hint_prior("please, whatever you like", base)
    assert quiet.matches == {} and quiet.prior == base


def test_digits_in_an_echoed_grid_and_stop_words_raise_nothing():
    hint = hint_prior("the grids are mirrored\n4 0 0 0\n[4, 5, 0, 0]")
    assert set(hint.matches) == {"mirrored"} and not hint.prior.literals


def test_colours_and_numbers_become_cheaper_literals():
    costs = hint_prior("red 2").prior.costs([], {"Color": list(range(10)), "Integer": [1, 2]})
    assert costs.literals[("Color", 2)] < costs.literals[("Color", 3)]
    assert costs.literals[("Integer", 2)] < costs.literals[("Integer", 1)]


# the largest object cut out and turned upside down
CROP_FLIP = Task.model_validate(
    {
        "id": "crop-flip",
        "train": [
            {"input": [[0, 0, 0, 0, 0], [0, 5, 5, 0, 2], [0, 5, 0, 0, 0], [0, 5, 0, 0, 3]],
             "output": [[5, 0], [5, 0], [5, 5]]},
            {"input": [[4, 0, 0, 0], [0, 0, 6, 6], [0, 0, 0, 6], [1, 0, 0, 0]],
             "output": [[0, 6], [6, 6]]},
        ],
        "test": [{"input": [[0, 7, 0, 0], [0, 7, 7, 7], [0, 0, 0, 0], [2, 0, 0, 0]],
                  "output": [[7, 7, 7], [7, 0, 0]]}],
    }
)  # fmt: skip
HINT = "crop to the largest object, then flip it upside down"


def test_a_hint_lets_the_search_find_the_program_within_a_smaller_budget():
    plain = search(CROP_FLIP, max_evaluations=500)
    hinted = search(CROP_FLIP, max_evaluations=500, prior=hint_prior(HINT).prior)
    assert not plain.candidates
    assert hinted.candidates[0].test_outputs == [[[7, 7, 7], [7, 0, 0]]]


def test_the_solver_takes_a_hint_and_keeps_what_its_words_matched():
    budget = Budget(max_evaluations=500, prior="uniform")
    solver = Solver(planner="search", budget=budget, hint=HINT)
    assert solver.solve(CROP_FLIP).correct
    assert solver.search is not None and solver.search.hint is not None
    assert "crop_to_largest_object" in solver.search.hint.matches["largest"]


def test_a_hint_needs_a_planner_that_searches():
    with pytest.raises(UsageError, match="a hint steers the search"):
        Solver(planner="llm", llm="local", hint=HINT)


@pytest.mark.parametrize(
    ("task_id", "hint"),
    [
        ("2013d3e2", "trim, then left_half and top_half"),  # DSL names typed
        ("4c4377d9", "flip it upside down and mirror it below"),
        ("48d8fb45", "crop to the largest object, then to its second most common colour"),
    ],
)
def test_a_hint_solves_training_tasks_the_search_alone_misses_at_a_small_budget(task_id, hint):
    from abduce.tasks import find_arc_task

    task = find_arc_task(task_id)
    budget = Budget(max_evaluations=1_000, prior="uniform")
    assert not Solver(planner="search", budget=budget).solve(task).correct
    assert Solver(planner="search", budget=budget, hint=hint).solve(task).correct
