"""The hybrid planner: the model's rules and sketches steer the search."""

import time

import httpx
import pytest

from abduce.agent import Budget, Solver
from abduce.errors import ModelServerError
from tests.fakes import RecordingModel
from tests.programs.test_hints import CROP_FLIP

SKETCHED = """Hypothesis 1: Crop to the largest object and turn it upside down.
Sketch 1:
x1 = hole()
x2 = flip_up_down(x1)
Hypothesis 2: Keep the biggest shape.
Sketch 2:
x1 = keep_largest_object(x0, 3)
"""
WORDS_ONLY = "Hypothesis 1: crop the grid to its largest object, then flip it upside down."


def solver(reply: str, planner: str = "hybrid", evaluations: int = 100) -> Solver:
    model = RecordingModel(responses=[reply])
    budget = Budget(max_evaluations=evaluations, prior="uniform", max_llm_calls=2)
    return Solver(model, planner=planner, budget=budget, use_cache=False)


def test_the_search_fills_the_model_s_sketch_where_it_alone_finds_nothing():
    assert (
        not Solver(planner="search", budget=Budget(max_evaluations=100, prior="uniform"))
        .solve(CROP_FLIP)
        .correct
    )
    hybrid = solver(SKETCHED)
    solution = hybrid.solve(CROP_FLIP)
    assert solution.correct and solution.llm_calls == 1
    assert (
        "flip_up_down(crop_to_largest_object"
        in solution.program.replace("x1 = ", "").replace("\n    x2 = flip_up_down(x1)", "")
        or "crop_to_largest_object" in solution.program
    )
    assert [s.hole for s in hybrid.planner.sketches] == [hybrid.planner.sketches[0].hole]
    assert "Sketch 1:" in str(hybrid.channel.model.prompts[0][-1].content)  # asked for sketches
    assert hybrid.planner_name == "hybrid"


def test_the_model_s_words_alone_steer_the_search():
    hybrid = solver(WORDS_ONLY, evaluations=500)
    solution = hybrid.solve(CROP_FLIP)
    assert solution.correct
    assert hybrid.search is not None and hybrid.search.hint is not None
    assert "flip_up_down" in hybrid.search.hint.matches["flip"]


def test_both_searches_then_steers_then_asks_for_programs_and_records_its_version():
    both = solver(SKETCHED, planner="both", evaluations=200)
    assert both.planner_name == "both/3"
    solution = both.solve(CROP_FLIP)
    assert solution.correct and solution.llm_calls == 1  # the plain search's half found nothing
    assert 100 < solution.evaluations <= 200  # both searches' evaluations, within the budget


def test_the_trace_and_the_report_show_the_steering_and_the_program_s_ranks():
    from abduce.bench import ResultLine
    from abduce.bench.report import render_report

    hybrid = solver(SKETCHED)
    solution = hybrid.solve(CROP_FLIP)
    graph = solution.trace.graph
    [steering] = solution.trace.nodes("steering")
    data = graph.nodes[steering]
    assert data["prior"] == "uniform and words" and data["sketches"] == [
        "x1 = hole()\nx2 = flip_up_down(x1)"
    ]
    assert "flip_up_down" in data["words"]["flip_up_down"] and data["likeliest"]
    steered = [h for h in graph.successors(steering)]
    assert steered and all(graph.nodes[h]["kind"] == "hypothesis" for h in steered)
    [program] = [p for p in solution.trace.nodes("program") if "ranks" in graph.nodes[p]]
    ranks = graph.nodes[program]["ranks"]
    assert set(ranks) == {"uniform", "learned", "uniform and words"}
    assert ranks["uniform"] == {"crop_to_largest_object": 1, "flip_up_down": 1}  # all tie
    assert ranks["uniform and words"]["flip_up_down"] <= 3  # named in the reply
    line = ResultLine.from_solution(
        solution, task_id="crop-flip", source_id="crop-flip", remap=None, planner="hybrid",
        budget=hybrid.budget, library=None, seed=0, prompt_hash="", finished_at=0.0, task=CROP_FLIP,
    )  # fmt: skip
    html = render_report([line], title="hybrid")
    assert "search with the uniform and words prior" in html and "x2 = flip_up_down(x1)" in html
    assert "its primitives rank uniform: crop_to_largest_object #1" in html


def test_with_a_clock_the_model_s_time_comes_out_of_the_search_s():
    from abduce.agent.planner import SearchPlanner

    full, left = SearchPlanner(seconds=2.0, prior="uniform"), SearchPlanner(2.0, prior="uniform")
    full.run(CROP_FLIP, None)
    left.run(CROP_FLIP, None, spent=2.0)  # the model took all of it
    assert full.last and left.last
    assert left.last.evaluations < full.last.evaluations and not left.last.candidates


class FailingModel(RecordingModel):
    """A model whose provider raises `error` instead of replying."""

    error: Exception

    def _call(self, messages, stop=None, run_manager=None, **kwargs):
        raise self.error


REFUSALS = [
    ValueError("Requested tokens (17020) exceed context window of 16384"),  # llama.cpp
    RuntimeError("the model's reply could not be decoded"),
]


@pytest.mark.parametrize("error", REFUSALS, ids=["context", "runtime"])
def test_when_the_model_refuses_the_task_the_search_runs_on_without_its_words(error):
    model = FailingModel(responses=[""], error=error)
    budget = Budget(max_evaluations=2000, prior="uniform", max_llm_calls=2)
    hybrid = Solver(model, planner="hybrid", budget=budget, use_cache=False)
    solution = hybrid.solve(CROP_FLIP)
    assert solution.correct and solution.evaluations > 0 and not hybrid.planner.sketches
    [steering] = solution.trace.nodes("steering")
    assert str(error).split()[0] in solution.trace.graph.nodes[steering]["model_failed"]


def test_a_model_server_fault_still_ends_the_run_not_the_task():
    import openai

    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    model = FailingModel(responses=[""], error=openai.APIConnectionError(request=request))
    hybrid = Solver(model, planner="hybrid", budget=Budget(max_evaluations=100), use_cache=False)
    with pytest.raises(ModelServerError):
        hybrid.solve(CROP_FLIP)


def test_with_the_local_model_both_searches_with_the_whole_budget_then_asks_for_programs(
    monkeypatch,
):
    from abduce.agent import loop

    monkeypatch.setattr(loop, "make_llm", lambda *args, **kwargs: RecordingModel(responses=[""]))
    budget = Budget(max_evaluations=200, prior="uniform")
    both = Solver("local", planner="both", budget=budget)
    kinds = [type(planner).__name__ for planner in both.planner.planners]
    assert kinds == ["SearchPlanner", "LLMPlanner"] and both.search.max_evaluations == 200
    hybrid = Solver("local", planner="hybrid", budget=budget)  # still there when asked for
    assert type(hybrid.planner).__name__ == "HybridPlanner"


def test_the_hybrid_s_model_reads_the_first_train_pairs_that_fit_and_no_test_input():
    from abduce.agent.planner import leading_pairs
    from abduce.tasks import Task

    pair = {"input": [[0] * 10] * 10, "output": [[1] * 10] * 10}  # 200 cells
    task = Task(id="big", train=[pair] * 4, test=[{"input": [[0]]}])
    assert [len(leading_pairs(task, cells).train) for cells in (100, 400, 500, 10_000)] == [
        1, 2, 2, 4,
    ]  # fmt: skip
    assert leading_pairs(task).test == [] and len(task.test) == 1


def test_the_solution_records_the_seconds_spent_waiting_for_the_model():
    class SlowModel(RecordingModel):
        def _call(self, messages, stop=None, run_manager=None, **kwargs):
            time.sleep(0.3)
            return super()._call(messages, stop, run_manager, **kwargs)

    model = SlowModel(responses=[WORDS_ONLY])
    budget = Budget(max_evaluations=500, prior="uniform", max_llm_calls=2)
    solution = Solver(model, planner="hybrid", budget=budget, use_cache=False).solve(CROP_FLIP)
    assert 0.3 <= solution.model_seconds < solution.seconds
    searched = Solver(planner="search", budget=budget).solve(CROP_FLIP)
    assert searched.model_seconds == 0.0
