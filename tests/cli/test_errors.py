import json
import subprocess
import sys

import pytest

from tests.bench.report_data import SAMPLE
from tests.tasks.test_arc import BAD_INPUTS


def abduce(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "abduce", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(("content", "error", "words"), BAD_INPUTS)
def test_solve_bad_file_prints_one_line_and_exits_2(tmp_path, content, error, words):
    path = tmp_path / "task.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    result = abduce("solve", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("abduce: error: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [
    ["solve", "ffffffff"],
    ["solve", "missing/task.json"],
    ["solve", "007bbfb7", "--max-calls", "0"],
    ["solve", "007bbfb7", "--llm", "nonsense:thing"],
    ["bench", "arc1-validation"],
    ["bench", "generated", "--families", "flip-horizontal,no-such-family"],
    ["bench", "arc1-training", "--remap", "shapes"],
    ["solve", "007bbfb7", "--planner", "oracle"],
    ["bench", "arc1-training", "--out", "x.jsonl", "--planner", "search", "--search-seconds", "0"],
    ["solve", "3c9b0459", "--planner", "search", "--search-seconds", "0"],
])  # fmt: skip
def test_unknown_names_exit_2(args):
    result = abduce(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("abduce: error: ")
    assert result.stderr.count("\n") == 1


def test_bench_on_an_unknown_name_says_what_it_takes():
    result = abduce("bench", "arc1-validation")
    assert result.returncode == 2
    assert result.stderr == (
        "abduce: error: unknown suite or task 'arc1-validation': choose arc1-training, "
        "arc1-evaluation, arc2-training, arc2-evaluation, generated, an ARC task id, a task "
        "file, a directory or a file listing tasks\n"
    )


def test_help_everywhere():
    for command in ([], ["solve"], ["bench"], ["report"], ["models"]):
        result = abduce(*command, "--help")
        assert result.returncode == 0
        assert "Usage" in result.stdout


@pytest.mark.parametrize(
    ("written", "flags", "said"),
    [
        ({}, ["--planner", "search", "--seed", "1"],  # another seed
         "holds results of dsl-search (planner search) with seed 0"),
        ({}, ["--planner", "both", "--llm", "local"],  # another model
         "holds results of dsl-search (planner search) with seed 0, not dsl-search+local"),
        ({"model": "dsl-search+local", "planner": "both"}, ["--planner", "both", "--llm", "local"],
         "(planner both) with seed 0, not dsl-search+local (planner both/3)"),  # an older both
    ],
)  # fmt: skip
def test_bench_refuses_to_mix_results_of_another_model_planner_or_seed(
    tmp_path, written, flags, said
):
    out = tmp_path / "results.jsonl"
    line = {**json.loads(SAMPLE.read_text().splitlines()[0]), **written}  # dsl-search, seed 0
    out.write_text(json.dumps(line) + "\n")
    result = abduce("bench", "arc1-training", "--out", str(out), *flags)
    assert result.returncode == 2
    assert result.stderr.startswith("abduce: error: ") and said in result.stderr
    assert result.stderr.count("\n") == 1
    assert out.read_text() == json.dumps(line) + "\n"  # finished work untouched
