import pytest

from abduce import Budget, Solution, Solver
from abduce.errors import ModelUnreachable
from tests.fakes import FLIP, fence

HYPOTHESES = (
    "Hypothesis 1: mirror each row left to right\nHypothesis 2: rotate the grid by 180 degrees"
)
WRONG = "def transform(grid):\n    return [row[:] for row in grid]"
RIGHT = "def transform(grid):\n    return [row[::-1] for row in grid]"


def solver(model, **budget) -> Solver:
    return Solver(model, budget=Budget(**budget), use_cache=False, planner="llm")


def test_failed_program_gets_cell_diff_feedback_and_revision_solves(scripted):
    model = scripted(HYPOTHESES, fence(WRONG), fence(RIGHT))
    solution = solver(model).solve(FLIP)

    revise_prompt = model.prompts[2][-1].content
    assert "row 0, col 0: expected 0, got 1" in revise_prompt
    assert model.prompts[2][-2].content == f"```python\n{WRONG}\n```"
    assert solution.correct is True
    assert solution.passed_train is True
    assert solution.attempts == [[[[9, 8, 7]]]]
    assert solution.hypothesis == "mirror each row left to right"
    assert solution.program == RIGHT
    assert [v.passed for v in solution.verdicts] == [True, True]
    assert solution.llm_calls == 3
    assert solution.stopped == "solved train examples"

    graph = solution.trace.graph
    assert solution.trace.nodes("hypothesis") == ["h1"]
    assert solution.trace.nodes("program") == ["p1", "p2"]
    assert graph.edges["task:flip", "h1"]["relation"] == "proposed"
    assert graph.edges["h1", "p1"]["relation"] == "implemented-by"
    assert graph.edges["h1", "p2"]["relation"] == "implemented-by"
    assert graph.edges["p2", "p1"]["relation"] == "revised-from"
    assert graph.nodes["verdict:p1"]["passed"] is False
    assert graph.nodes["verdict:p2"]["passed"] is True


def test_every_call_shares_the_task_prefix(scripted):
    model = scripted(HYPOTHESES, fence(WRONG), fence(RIGHT))
    solver(model).solve(FLIP)
    prefixes = [[m.content for m in prompt[:2]] for prompt in model.prompts]
    assert all(prefix == prefixes[0] for prefix in prefixes)
    assert "\n789" in prefixes[0][1]


def test_next_hypothesis_after_one_keeps_failing(scripted):
    model = scripted(HYPOTHESES, fence(WRONG), fence(WRONG), fence(RIGHT))
    solution = solver(model, revisions=1).solve(FLIP)
    assert solution.correct is True
    assert solution.hypothesis == "rotate the grid by 180 degrees"
    assert solution.trace.nodes("hypothesis") == ["h1", "h2"]
    assert "p2" not in solution.trace.graph["p3"]


def test_new_round_tells_the_planner_what_failed(scripted):
    model = scripted("Hypothesis 1: keep the grid as it is", fence(WRONG),
                     "Hypothesis 1: mirror each row", fence(RIGHT))  # fmt: skip
    solution = solver(model, revisions=0).solve(FLIP)
    assert "keep the grid as it is" in model.prompts[2][-1].content
    assert solution.correct is True


def test_malformed_planner_output_is_reasked(scripted):
    model = scripted("I think it is something with colours.", HYPOTHESES, fence(RIGHT))
    solution = solver(model).solve(FLIP)
    assert "could not read your answer" in model.prompts[1][-1].content
    assert solution.correct is True


def test_budget_stops_the_search_and_keeps_best_partial_attempt(scripted):
    partial = (
        "def transform(grid):\n    return [row[::-1] if len(row) == 3 else row for row in grid]"
    )
    model = scripted(HYPOTHESES, fence(partial), fence(WRONG), fence(WRONG))
    solution = solver(model, max_llm_calls=2).solve(FLIP)
    assert solution.stopped == "budget spent"
    assert solution.llm_calls == 2
    assert solution.passed_train is False
    assert solution.program == partial
    assert solution.attempts == [[[[9, 8, 7]]]]
    assert solution.correct is True  # right on the test, though not on every train pair


def test_program_errors_become_feedback(scripted):
    crash = "def transform(grid):\n    return grid[5]"
    model = scripted(HYPOTHESES, fence(crash), fence(RIGHT))
    solver(model).solve(FLIP)
    assert "IndexError" in model.prompts[2][-1].content


def test_trace_round_trips_through_json(scripted):
    model = scripted(HYPOTHESES, fence(WRONG), fence(RIGHT))
    solution = solver(model).solve(FLIP)
    restored = Solution.model_validate_json(solution.model_dump_json())
    assert set(restored.trace.graph.edges) == set(solution.trace.graph.edges)
    assert restored.trace.graph.nodes["p2"] == solution.trace.graph.nodes["p2"]
    assert restored.attempts == solution.attempts


def broken(scripted, error):
    class Broken(type(scripted())):
        def _call(self, *args, **kwargs):
            raise error

    return Broken(responses=[])


def test_a_model_refusing_the_task_ends_the_task_with_a_reason(scripted):
    model = broken(scripted, ValueError("context window exceeded\nmore detail"))
    solution = Solver(model, use_cache=False, planner="llm").solve(FLIP)
    assert solution.stopped == "error: ValueError: context window exceeded"
    assert solution.attempts == [[[[7, 8, 9]]]]


def test_a_fault_of_the_model_server_does_not_finish_the_task(scripted):
    solver = Solver(broken(scripted, ConnectionError("server went away")), planner="llm")
    with pytest.raises(ModelUnreachable, match="^cannot reach the model at Broken: server went"):
        solver.solve(FLIP)


USES_DSL = (
    "from dsl import *\n\ndef transform(grid):\n    return flip_left_right(Grid(grid)).to_list()"
)


def test_llm_programs_may_call_the_dsl_whose_reference_the_model_sees(scripted):
    model = scripted("Hypothesis 1: mirror each row", fence(USES_DSL))
    solution = solver(model).solve(FLIP)
    assert solution.correct is True
    system = model.prompts[0][0].content
    assert "flip_left_right(grid: Grid) -> Grid: Flip the grid left to right." in system


def test_search_planner_answers_without_calling_the_model(scripted):
    model = scripted()  # any call would fail: no scripted replies
    solution = Solver(model, use_cache=False, planner="both").solve(FLIP)
    assert solution.correct is True
    assert solution.llm_calls == 0
    assert solution.hypothesis == "flip the grid left to right"
    assert "flip_left_right(Grid(grid))" in solution.program
    assert solution.model.startswith("dsl-search+")


def test_search_only_never_builds_a_model(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("a model was built")

    monkeypatch.setattr("abduce.agent.loop.make_llm", no_model)
    solution = Solver(planner="search").solve(FLIP)
    assert solution.correct is True
    assert solution.model == "dsl-search"
