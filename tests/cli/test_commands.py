import json
import os
import subprocess
import sys

import pytest

from abduce.agent import Solution
from tests.cli import fake_openai


@pytest.fixture(scope="module")
def llm():
    server, base = fake_openai.start()
    yield f"openai-compatible:{base}#fake"
    server.shutdown()


def abduce(*args: str, cwd=None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "abduce", *args, "--no-cache"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd)


def test_solve_a_task_file_as_json(tmp_path, llm):
    path = tmp_path / "mirror.json"
    path.write_text(json.dumps({
        "train": [{"input": [[1, 2, 0]], "output": [[0, 2, 1]]},
                  {"input": [[3], [4]], "output": [[3], [4]]}],
        "test": [{"input": [[5, 6]], "output": [[6, 5]]}],
    }))  # fmt: skip
    result = abduce("solve", str(path), "--json", "--llm", llm, "--planner", "llm")
    assert result.returncode == 0, result.stderr
    solution = Solution.model_validate_json(result.stdout)
    assert solution.task_id == "mirror"
    assert solution.correct is True
    assert solution.attempts == [[[[6, 5]]]]
    assert (solution.llm_calls, solution.tokens_in, solution.tokens_out) == (2, 200, 20)


def test_solve_shows_grids_hypothesis_and_program(llm):
    result = abduce("solve", "007bbfb7", "--llm", llm, "--planner", "llm")
    assert result.returncode == 0, result.stderr
    for words in ("train 1 input", "hypothesis: mirror each row", "def transform", "expected"):
        assert words in result.stdout
    assert "result:" in result.stdout


def test_bench_appends_one_line_per_task_and_resumes(tmp_path, llm):
    out = tmp_path / "runs" / "train.jsonl"
    args = ("bench", "arc1-training", "--out", str(out), "--llm", llm, "--planner", "llm")
    first = abduce(*args, "--limit", "2")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["task_id"] for line in lines] == ["007bbfb7", "00d62c1b"]
    assert all(line["model"] == llm and line["tokens_in"] > 0 for line in lines)

    again = abduce(*args, "--limit", "3")
    assert again.returncode == 0, again.stderr
    ids = [json.loads(line)["task_id"] for line in out.read_text().splitlines()]
    assert ids == ["007bbfb7", "00d62c1b", "017c7c7b"]
    assert "of 1 tasks run now (2 already in" in again.stdout


def test_bench_task_list_file(tmp_path, llm):
    listing = tmp_path / "ids.txt"
    listing.write_text("# two tasks\n3c9b0459\n\n6150a2bd  # rotations\n")
    out = tmp_path / "r.jsonl"
    result = abduce("bench", str(listing), "--out", str(out), "--llm", llm, "--planner", "llm")
    assert result.returncode == 0, result.stderr
    assert [json.loads(x)["task_id"] for x in out.read_text().splitlines()] == [
        "3c9b0459",
        "6150a2bd",
    ]


def test_solve_with_the_search_prints_program_and_description():
    result = abduce("solve", "3c9b0459", "--planner", "search", "--search-seconds", "5")
    assert result.returncode == 0, result.stderr
    assert "hypothesis: rotate the grid half a turn" in result.stdout
    assert "x1 = rotate_180(Grid(grid))" in result.stdout
    assert "result: correct" in result.stdout
    assert "0 LLM calls" in result.stdout


def test_bench_with_the_search_in_two_workers_resumes(tmp_path):
    out = tmp_path / "search.jsonl"
    args = ("bench", "arc1-training", "--planner", "search", "--search-seconds", "1",
            "--workers", "2", "--out", str(out))  # fmt: skip
    first = abduce(*args, "--limit", "3")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["task_id"] for line in lines) == ["007bbfb7", "00d62c1b", "017c7c7b"]
    assert all(line["model"] == "dsl-search" and line["llm_calls"] == 0 for line in lines)
    assert {line["budget"]["search_seconds"] for line in lines} == {1.0}
    again = abduce(*args, "--limit", "4")
    assert again.returncode == 0, again.stderr
    assert len(out.read_text().splitlines()) == 4
    assert "/4 solved" in again.stdout


def test_bench_with_max_evaluations_records_what_the_search_spent(tmp_path):
    """A count, not a clock: the same lines (but times) from one worker or two."""
    args = ("bench", "arc1-training", "--planner", "search", "--max-evaluations", "3000",
            "--limit", "3")  # fmt: skip
    runs = []
    for workers in ("1", "2"):
        out = tmp_path / f"{workers}.jsonl"
        result = abduce(*args, "--workers", workers, "--out", str(out))
        assert result.returncode == 0, result.stderr
        lines = sorted((json.loads(line) for line in out.read_text().splitlines()),
                       key=lambda line: line["task_id"])  # fmt: skip
        runs.append([(line["task_id"], line["solved"], line["evaluations"], line["levels"],
                      line["program"]) for line in lines])  # fmt: skip
        assert all(line["budget"]["max_evaluations"] == 3000 for line in lines)
    assert runs[0] == runs[1]
    assert all(0 < evaluations <= 3000 and levels >= 2 for _, _, evaluations, levels, _ in runs[0])


def abduce_at_home(home, *args: str, config: str = "", **variables: str):
    """`abduce ARGS` with `config` as the config file of an empty home, and `variables` set."""
    (home / "config" / "abduce").mkdir(parents=True, exist_ok=True)
    (home / "config" / "abduce" / "config.toml").write_text(config)
    env = {name: value for name, value in os.environ.items() if not name.startswith("ABDUCE_")}
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), **variables}
    command = [sys.executable, "-m", "abduce", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_solve_reads_the_settings_and_its_flags_override_them(tmp_path):
    config = 'llm = "nonsense:thing"\nplanner = "search"\nsearch_seconds = 2\n'
    searched = abduce_at_home(tmp_path, "solve", "3c9b0459", "--json", config=config)
    assert searched.returncode == 0, searched.stderr  # planner = "search": no model loaded
    assert Solution.model_validate_json(searched.stdout).correct is True
    with_model = abduce_at_home(tmp_path, "solve", "3c9b0459", "--planner", "both", config=config)
    assert with_model.returncode == 2
    assert with_model.stderr.startswith("abduce: error: unknown LLM spec 'nonsense:thing'")
    by_variable = abduce_at_home(tmp_path, "solve", "3c9b0459", config=config, ABDUCE_PLANNER="llm")
    assert by_variable.stderr.startswith("abduce: error: unknown LLM spec 'nonsense:thing'")


def test_bench_records_the_search_seconds_of_the_config_file_or_the_old_flag(tmp_path):
    out = tmp_path / "search.jsonl"
    args = ("bench", "arc1-training", "--planner", "search", "--limit", "1", "--out", str(out))
    first = abduce_at_home(tmp_path, *args, config="search_seconds = 2\n")
    assert first.returncode == 0, first.stderr
    old = abduce_at_home(tmp_path, *args[:-1], str(out.with_name("old.jsonl")), "--budget", "3")
    assert old.returncode == 0, old.stderr
    recorded = [
        json.loads(path.read_text())["budget"] for path in (out, out.with_name("old.jsonl"))
    ]
    assert [budget["search_seconds"] for budget in recorded] == [2.0, 3.0]


def test_a_bad_config_value_is_one_line_naming_the_file(tmp_path):
    result = abduce_at_home(tmp_path, "solve", "3c9b0459", config="max_calls = 0\n")
    path = tmp_path / "config" / "abduce" / "config.toml"
    assert result.returncode == 2
    assert result.stderr == (
        f"abduce: error: {path}: invalid max_calls: Input should be greater than or equal to 1\n"
    )


MIRROR = {
    "train": [{"input": [[1, 2, 0]], "output": [[0, 2, 1]]},
              {"input": [[3, 0], [4, 5]], "output": [[0, 3], [5, 4]]}],
    "test": [{"input": [[5, 6]], "output": [[6, 5]]}],
}  # fmt: skip
UPSIDE_DOWN = {
    "train": [{"input": [[1, 2], [3, 0]], "output": [[3, 0], [1, 2]]},
              {"input": [[4], [5], [6]], "output": [[6], [5], [4]]}],
    "test": [{"input": [[7], [8]], "output": [[8], [7]]}],
}  # fmt: skip


def test_bench_a_directory_of_task_files(tmp_path):
    folder = tmp_path / "tasks"
    folder.mkdir()
    (folder / "mirror.json").write_text(json.dumps(MIRROR))
    (folder / "upside-down.json").write_text(json.dumps(UPSIDE_DOWN))
    out = tmp_path / "r.jsonl"
    result = abduce("bench", str(folder), "--out", str(out), "--planner", "search",
                    "--search-seconds", "2")  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(line["task_id"], line["solved"]) for line in lines] == [
        ("mirror", True),
        ("upside-down", True),
    ]


def test_solve_a_list_file_of_paths_relative_to_it(tmp_path):
    (tmp_path / "tasks").mkdir()
    (tmp_path / "tasks" / "mirror.json").write_text(json.dumps(MIRROR))
    listing = tmp_path / "tasks.txt"
    listing.write_text("# one file, one ARC id\ntasks/mirror.json\n3c9b0459\n")
    result = abduce("solve", str(listing), "--json", "--planner", "search", "--search-seconds", "2")
    assert result.returncode == 0, result.stderr
    solutions = [Solution.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [(s.task_id, s.correct) for s in solutions] == [("mirror", True), ("3c9b0459", True)]
