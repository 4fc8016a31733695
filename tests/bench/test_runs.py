import json

from abduce import Budget, Solver
from abduce.bench import Job, finished_ids, run_tasks
from abduce.tasks.remap import Remap
from tests.fakes import FLIP, fence

RIGHT = "def transform(grid):\n    return [row[::-1] for row in grid]"


def test_results_are_appended_and_reruns_skip_finished_tasks(tmp_path, scripted):
    out = tmp_path / "runs" / "results.jsonl"
    other = FLIP.model_copy(update={"id": "other"})
    model = scripted("Hypothesis 1: mirror each row", fence(RIGHT))
    solver = Solver(model, budget=Budget(max_llm_calls=2), use_cache=False, planner="llm")

    first = run_tasks([FLIP], lambda: solver, out, seed=7)
    assert [line.task_id for line in first] == ["flip"]
    out.write_text(out.read_text() + '{"task_id": "torn')  # a run killed mid-write

    again = run_tasks([FLIP, other], lambda: solver, out, seed=7)
    assert [line.task_id for line in again] == ["other"]
    assert finished_ids(out) == {"flip", "other"}

    record = json.loads(out.read_text().splitlines()[0])
    assert record["solved"] is True
    assert record["seed"] == 7
    assert record["program"] == RIGHT
    assert {"tokens_in", "tokens_out", "seconds", "model", "prompt_hash", "attempts"} <= set(record)


def test_a_remapped_task_is_solved_in_its_colors_and_answered_in_the_originals(tmp_path):
    out = tmp_path / "remap.jsonl"
    remap = Remap.draw("all", 1)
    solver = Solver(planner="search", budget=Budget(search_seconds=2))
    lines = run_tasks([Job(task=FLIP), Job(task=FLIP, remap=remap)], lambda: solver, out, seed=0)

    original, remapped = lines
    assert (original.task_id, remapped.task_id) == ("flip", "flip@all-1")
    assert remapped.source_id == "flip" and remapped.remap == remap
    assert original.solved and remapped.solved
    assert remapped.attempts[0][0] == [[9, 8, 7]]  # mapped back to the original colours
    assert remapped.verdicts[0].output == remap.grid(FLIP.train[0].output)
    assert remapped.task == FLIP
    assert remapped.planner == "search" and remapped.finished_at and remapped.trace

    written = json.loads(out.read_text().splitlines()[1])
    assert written["remap"] == {"mode": "all", "seed": 1, "permutation": list(remap.permutation)}
    assert written["task"] == FLIP.model_dump(mode="json")
    assert written["budget"] == Budget(search_seconds=2).model_dump()
    assert written["trace"]["nodes"][0] == {
        "kind": "task",
        "task_id": "flip@all-1",
        "id": "task:flip@all-1",
    }
