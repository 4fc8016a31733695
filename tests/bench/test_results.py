import gzip
import json
from pathlib import Path

import pytest

from abduce import Budget, Solver
from abduce.agent import Solution, Trace
from abduce.bench import Job, ResultLine, read_results, solve_job
from abduce.bench.results import SCHEMA_VERSION
from abduce.errors import ResultsFormatError
from tests.bench.report_data import SAMPLE
from tests.fakes import FLIP

COMMITTED = Path(__file__).parents[2] / "benchmarks" / "results"
KEYS = ["schema_version", "task_id", "source_id", "remap", "solved", "passed_train", "attempts",
        "hypothesis", "program", "verdicts", "stopped", "llm_calls", "tokens_in", "tokens_out",
        "cost", "seconds", "model_seconds", "model", "evaluations", "levels", "planner", "budget",
        "library", "seed", "prompt_hash", "finished_at", "task", "trace"]  # fmt: skip
# file: (lines, solved, has traces, schema version); lines without a trace predate remaps,
# tasks and traces; version 0 lines predate the recorded version
FACTS = {
    "gamma_llm_20.jsonl.gz": (40, 0, True, 0),
    "gamma_search_arc1_training.jsonl.gz": (1900, 514, True, 0),
    "generated_search.jsonl.gz": (540, 403, True, 0),
    "local20_prompts-55aa5287b076.jsonl": (20, 0, False, 0),
    "local20_prompts-625b70c50acd_partial.jsonl": (5, 0, False, 0),
    "search50k_arc1_training_514ab7a.jsonl.gz": (400, 124, True, 1),
    "search50k_arc1_training_f876424.jsonl.gz": (400, 166, True, 1),
    "search50k_arc1_training_20890c4.jsonl.gz": (400, 176, True, 1),
    "search50k_lib_arc1_training_76cccd4.jsonl.gz": (400, 179, True, 1),
    "search20k_nolib_arc1_evaluation_cf6506e.jsonl.gz": (400, 79, True, 1),
    "search20k_lib_arc1_evaluation_cf6506e.jsonl.gz": (400, 80, True, 1),
    "hybrid60_eval40_93dac9a.jsonl.gz": (40, 5, True, 1),
    "search60_eval40_93dac9a.jsonl.gz": (40, 10, True, 1),
    "hybrid60_hs100_93dac9a.jsonl.gz": (100, 43, True, 1),
    "search60_hs100_93dac9a.jsonl.gz": (100, 46, True, 1),
    "search_arc1_evaluation.jsonl": (400, 49, False, 0),
    "search_arc1_training.jsonl": (400, 111, False, 0),
    "search_arc2_evaluation.jsonl": (120, 1, False, 0),
}


def raw_lines(path: Path) -> list[dict]:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return [json.loads(line) for line in data.splitlines()]


def test_every_committed_results_file_is_in_the_table():
    assert sorted(path.name for path in COMMITTED.iterdir()) == sorted(FACTS)


@pytest.mark.parametrize("name", sorted(FACTS))
def test_a_committed_results_file_loads_with_its_facts(name):
    path = COMMITTED / name
    lines, raw = read_results(path), raw_lines(path)
    count, solved, traced, version = FACTS[name]
    assert len(lines) == len(raw) == count
    assert sum(line.solved is True for line in lines) == sum(r["solved"] is True for r in raw)
    assert sum(bool(line.solved) for line in lines) == solved
    assert [line.task_id for line in lines] == [r["task_id"] for r in raw]
    assert [line.seconds for line in lines] == [r["seconds"] for r in raw]
    assert {line.schema_version for line in lines} == {version}
    assert all(line.source_id == line.task_id.split("@")[0] for line in lines)
    assert all(isinstance(line.trace, Trace) == traced for line in lines)
    assert all((line.task is not None) == traced for line in lines)
    remapped = [line for line in lines if line.remap]
    assert all(line.task_id == line.source_id + line.remap.suffix for line in remapped)


def test_a_line_read_and_written_again_keeps_every_key_and_value():
    raw = raw_lines(COMMITTED / "gamma_llm_20.jsonl.gz")
    again = [
        json.loads(line.to_json()) for line in read_results(COMMITTED / "gamma_llm_20.jsonl.gz")
    ]
    new = {"schema_version": 0, "cost": None, "evaluations": None, "levels": None,
           "model_seconds": None, "library": None}  # fmt: skip
    old_budget = {"max_evaluations": None, "prior": "uniform", "library": "none"}
    assert (
        again
        == [  # unpriced, unsearched, and budgets without an evaluation count, prior or library
            new | line | {"budget": line["budget"] | old_budget} for line in raw
        ]
    )
    assert list(again[0]) == KEYS


def test_a_new_line_has_todays_keys_and_the_schema_version():
    solver = Solver(planner="search", budget=Budget(search_seconds=2))
    line = json.loads(solve_job(solver, Job(task=FLIP), seed=3).to_json())
    assert list(line) == KEYS
    assert line["schema_version"] == SCHEMA_VERSION == 1
    assert (line["task_id"], line["source_id"], line["remap"]) == ("flip", "flip", None)
    assert (line["solved"], line["seed"], line["planner"]) == (True, 3, "search")
    assert line["attempts"] == [[[[9, 8, 7]]]]
    assert ResultLine.model_validate(line).to_json() == json.dumps(line)


def test_every_solution_field_is_recorded_and_correct_is_named_solved():
    fields = set(Solution.model_fields) - {"correct"} | {"solved"}
    assert fields <= set(ResultLine.model_fields)


def test_a_torn_last_line_is_skipped_and_a_broken_complete_line_is_an_error(tmp_path):
    out = tmp_path / "results.jsonl"
    first = SAMPLE.read_text().splitlines()[0]
    out.write_text(first + "\n" + first[:100])
    assert [line.task_id for line in read_results(out)] == ["00d62c1b"]
    out.write_text(first + "\n" + json.dumps({**json.loads(first), "seconds": "slow"}) + "\n")
    with pytest.raises(ResultsFormatError, match=r"results.jsonl: line 2 is not a result line "
                       r"\(seconds: Input should be a valid number"):  # fmt: skip
        read_results(out)


def test_a_line_of_a_newer_schema_is_refused(tmp_path):
    out = tmp_path / "results.jsonl"
    line = json.loads(SAMPLE.read_text().splitlines()[0])
    out.write_text(json.dumps({**line, "schema_version": SCHEMA_VERSION + 1}) + "\n")
    with pytest.raises(ResultsFormatError, match="schema_version: version 2 is newer than"):
        read_results(out)
