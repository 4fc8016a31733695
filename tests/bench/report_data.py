"""Result lines for the report tests: real ones from a file and from a scripted LLM run."""

import copy
import json
from functools import cache
from pathlib import Path

from abduce import Budget, Solver
from abduce.bench import Job, read_results, solve_job
from tests.fakes import FLIP, RecordingModel, fence

SAMPLE = Path(__file__).parent / "data" / "report_sample.jsonl"  # 2 ARC tasks + 1 remapped copy
OLD = Path(__file__).parents[2] / "benchmarks" / "results" / "search_arc1_training.jsonl"
PAYLOAD = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


def sample_lines() -> list[dict]:
    """The DSL search on 00d62c1b (solved), 007bbfb7 (unsolved) and 00d62c1b@colours-1."""
    return read_results(SAMPLE)


def old_lines(count: int = 3) -> list[dict]:
    """Lines of a results file from before tasks, traces and remaps were recorded."""
    return [json.loads(text) for text in OLD.read_text().splitlines()[:count]]


def llm_line() -> dict:
    """A solved LLM-planner line whose trace holds a wrong program and two revisions."""
    return copy.deepcopy(_llm_line())


@cache
def _llm_line() -> dict:
    programs = ["return grid", "return grid[0][9]", "return [row[::-1] for row in grid]"]
    replies = ["Hypothesis 1: mirror each row"]
    replies += [fence(f"def transform(grid):\n    {body}") for body in programs]
    model = RecordingModel(responses=replies, prompts=[])
    solver = Solver(model, budget=Budget(max_llm_calls=4), use_cache=False, planner="llm")
    return solve_job(solver, Job(task=FLIP), seed=0)


def hostile_line() -> dict:
    """An unsolved line with markup and script in every text field that a model writes."""
    line = llm_line()
    line.update(task_id=f"flip{PAYLOAD}", hypothesis=PAYLOAD, model=PAYLOAD, solved=False)
    line["program"] = f"# {PAYLOAD}\nprint('{PAYLOAD}')"
    line["verdicts"][0].update(passed=False, error=PAYLOAD, output=[[1, 2], [3, 4]])
    for node in line["trace"]["nodes"]:
        node.update({key: PAYLOAD for key in ("text", "source") if key in node})
    return line
