"""The hybrid planner against a scripted OpenAI-compatible server on 127.0.0.1 that answers
with sketches close to a known solution of a training task (a step left as a hole, a
primitive wrong): with a strong model's sketches the mechanism solves them all."""

import pytest

from abduce.agent import Budget, Solver
from abduce.tasks import find_arc_task
from tests.cli.fake_openai import serve

BUDGET = 1_000  # evaluations per task, for the search alone and for the hybrid's search
SKETCHES = {
    "2013d3e2": (  # a step left as a hole: left_half(trim(x0))
        "Hypothesis 1: crop to the shape and keep its top left quarter.\n"
        "Sketch 1:\nx1 = trim(x0)\nx2 = hole()\nx3 = top_half(x2)"
    ),
    "48d8fb45": (  # an argument left as a hole: second_most_common_color(x0)
        "Hypothesis 1: crop to the largest object, then to one colour.\n"
        "Sketch 1:\nx1 = crop_to_largest_object(x0)\nx2 = crop_to_color(x1, hole())"
    ),
    "4c4377d9": (  # a primitive wrong: flip_up_down, not flip_left_right
        "Hypothesis 1: flip the grid upside down, then mirror it below.\n"
        "Sketch 1:\nx1 = flip_left_right(x0)\nx2 = mirror_down(x1)"
    ),
    "623ea044": (  # the colour left as a hole
        "Hypothesis 1: draw both diagonals through the single cell.\n"
        "Sketch 1:\nx1 = draw_diagonals(x0, hole())"
    ),
    "496994bd": (  # a primitive wrong: rotate_180, not rotate_90
        "Hypothesis 1: the rows are mirrored to the bottom.\n"
        "Sketch 1:\nx1 = rotate_90(x0)\nx2 = overlay(x1, x0)"
    ),
}


@pytest.fixture(scope="module")
def server():
    replies = {"now": ""}
    running, url = serve(lambda last: replies["now"])
    yield replies, url
    running.shutdown()


def test_a_strong_model_s_near_sketches_solve_every_task_within_the_budget(server):
    replies, url = server
    budget = Budget(max_evaluations=BUDGET, prior="uniform")
    alone, hybrid = [], []
    for task_id, reply in SKETCHES.items():
        replies["now"] = reply
        task = find_arc_task(task_id)
        alone.append(Solver(planner="search", budget=budget).solve(task).correct)
        model = f"openai-compatible:{url}"
        solution = Solver(model, planner="hybrid", budget=budget, use_cache=False).solve(task)
        assert solution.llm_calls == 1 and solution.evaluations <= BUDGET
        hybrid.append(solution.correct)
    assert all(hybrid)
    assert sum(alone) == 1  # the search alone, with the same budget
