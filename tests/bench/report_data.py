"""Result lines for the report tests: real ones from a file and from a scripted LLM run."""

from functools import cache
from pathlib import Path

from abduce import Budget, Solver
from abduce.bench import Job, ResultLine, read_results, solve_job
from tests.fakes import FLIP, RecordingModel, fence

SAMPLE = Path(__file__).parent / "data" / "report_sample.jsonl"  # 2 ARC tasks + 1 remapped copy
OLD = Path(__file__).parents[2] / "benchmarks" / "results" / "search_arc1_training.jsonl"
PAYLOAD = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


def sample_lines() -> list[ResultLine]:
    """The DSL search on 00d62c1b (solved), 007bbfb7 (unsolved) and 00d62c1b@colours-1."""
    return read_results(SAMPLE)


def old_lines(count: int = 3) -> list[ResultLine]:
    """Lines of a results file from before tasks, traces and remaps were recorded."""
    return [ResultLine.model_validate_json(text) for text in OLD.read_text().splitlines()[:count]]


def llm_line() -> ResultLine:
    """A solved LLM-planner line whose trace holds a wrong program and two revisions."""
    return ResultLine.model_validate_json(_llm_line())


@cache
def _llm_line() -> str:
    programs = ["return grid", "return grid[0][9]", "return [row[::-1] for row in grid]"]
    replies = ["Hypothesis 1: mirror each row"]
    replies += [fence(f"def transform(grid):\n    {body}") for body in programs]
    model = RecordingModel(responses=replies, prompts=[])
    solver = Solver(model, budget=Budget(max_llm_calls=4), use_cache=False, planner="llm")
    return solve_job(solver, Job(task=FLIP), seed=0).to_json()


def hostile_line() -> ResultLine:
    """An unsolved line with markup and script in every text field that a model writes."""
    line = llm_line()
    verdict = line.verdicts[0].model_copy(
        update={"passed": False, "error": PAYLOAD, "output": [[1, 2], [3, 4]]}
    )
    assert line.trace is not None
    for _, data in line.trace.graph.nodes(data=True):
        data.update({key: PAYLOAD for key in ("text", "source") if key in data})
    return line.model_copy(
        update={"task_id": f"flip{PAYLOAD}", "hypothesis": PAYLOAD, "model": PAYLOAD,
                "solved": False, "program": f"# {PAYLOAD}\nprint('{PAYLOAD}')",
                "verdicts": [verdict, *line.verdicts[1:]]}
    )  # fmt: skip
