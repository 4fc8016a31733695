import json
import re
import subprocess
import sys

import pytest

from abduce.agent import Budget, Solver
from abduce.cli.options import SolverOptions
from abduce.errors import UsageError
from abduce.programs.search.corpus import ARC_SOURCE, FAMILY_SOURCE, Entry, write_corpus
from abduce.programs.search.learned import Weights
from abduce.tasks import Task


def train_prior(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "abduce", "prior", "train", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


ROTATE = {
    "train": [
        {"input": [[1, 2, 0], [3, 0, 0]], "output": [[0, 0, 3], [0, 2, 1]]},
        {"input": [[0, 5], [6, 7], [0, 8]], "output": [[8, 0], [7, 6], [5, 0]]},
    ],
    "test": [{"input": [[4, 4, 1, 0]], "output": [[0, 1, 4, 4]]}],
}


def entry(task, source, primitives):
    return Entry(task=task, source=source, program="", primitives=primitives)


def test_prior_train_writes_weights_from_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(
        [
            entry("3c9b0459", ARC_SOURCE, ("rotate_180",)),
            entry("6150a2bd", ARC_SOURCE, ("rotate_180",)),
            entry("67a3c6ac", ARC_SOURCE, ("flip_left_right",)),
            entry("flip-horizontal", FAMILY_SOURCE, ("flip_left_right",)),
        ],
        corpus,
    )
    out = tmp_path / "prior.json"
    result = train_prior("--corpus", str(corpus), "--out", str(out), "--mix", "0.3")
    assert result.returncode == 0, result.stderr
    weights = Weights.load(out.read_text())
    assert (weights.tasks, weights.families, weights.mix) == (2 + 1, 1, 0.3)
    assert "trained on 3 ARC tasks and 1 families" in result.stdout


def test_an_out_of_fold_prior_leaves_out_the_listed_tasks_and_steers_the_search(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(
        [
            entry("3c9b0459", ARC_SOURCE, ("rotate_180",)),
            entry("6150a2bd", ARC_SOURCE, ("rotate_180",)),
            entry("67a3c6ac", ARC_SOURCE, ("flip_left_right",)),
        ],
        corpus,
    )
    held_out = tmp_path / "held_out.txt"
    held_out.write_text("3c9b0459  # scored by this prior\n")
    out = tmp_path / "oof.json"
    result = train_prior("--corpus", str(corpus), "--out", str(out), "--without", str(held_out))
    assert result.returncode == 0, result.stderr
    assert Weights.load(out.read_text()).tasks == 2
    refused = train_prior("--corpus", str(corpus), "--without", str(held_out))
    assert refused.returncode == 2 and "--without needs --out" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    args = (None, 0, False, None, None, "search", None)
    budget = SolverOptions.resolve(*args, prior=str(out)).budget
    assert budget.prior == str(out)
    task = Task.model_validate({"id": "rotate", **ROTATE})
    solution = Solver(planner="search", budget=budget.model_copy(update={"max_evaluations": 3000}))
    assert solution.solve(task).correct


def test_a_prior_that_is_no_file_of_weights_is_refused_in_one_line(tmp_path):
    (tmp_path / "text.json").write_text("not json")
    (tmp_path / "other.json").write_text('{"version": 1}')
    args = (None, 0, False, None, None, "search", None)
    for prior in [
        "likely",
        str(tmp_path),
        str(tmp_path / "text.json"),
        str(tmp_path / "other.json"),
    ]:
        with pytest.raises(UsageError, match="neither 'uniform', 'learned' nor a file of learned"):
            SolverOptions.resolve(*args, prior=prior)


def test_the_prior_flag_reaches_the_budget_and_the_default_is_learned():
    args = (None, 0, False, None, None, "search", None)
    assert SolverOptions.resolve(*args, prior="uniform").budget.prior == "uniform"
    assert SolverOptions.resolve(*args).budget.prior == "learned"
    with pytest.raises(UsageError, match="--prior='likely'"):
        SolverOptions.resolve(*args, prior="likely")  # neither a name nor a file


def test_the_budget_carries_the_prior_to_the_solver():
    task = Task.model_validate({"id": "rotate", **ROTATE})
    budget = Budget(max_evaluations=3000, prior="learned")
    solver = Solver(planner="search", budget=budget)
    assert solver.search is not None and solver.search.prior == "learned"
    uniform = Solver(planner="search", budget=Budget(max_evaluations=3000, prior="uniform"))
    learned, expected = solver.solve(task), uniform.solve(task)
    assert learned.correct and expected.correct
    assert learned.evaluations < expected.evaluations  # the shipped prior expects a rotation


@pytest.mark.parametrize("prior", ["learned", "uniform"])
def test_solve_verbose_shows_the_prior_and_the_ranks_of_the_programs_primitives(tmp_path, prior):
    path = tmp_path / "rotate.json"
    path.write_text(json.dumps(ROTATE))
    command = [sys.executable, "-m", "abduce", "solve", str(path), "--planner", "search",
               "--max-evaluations", "3000", "--prior", prior, "--verbose"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    if prior == "uniform":
        assert "prior: uniform, all" in said and "likeliest" not in said
    else:
        assert re.search(r"likeliest: (\w+ 0\.\d{3}, ){7}\w+ 0\.\d{3} ", said)  # 8 and chances
        assert re.search(r"the program's primitives rank rotate_180 #\d+ of \d+", said)
    assert "output size: the input's shape; test outputs 1x4" in said


def test_solve_with_a_hint_says_which_words_raised_which_primitives(tmp_path):
    path = tmp_path / "rotate.json"
    path.write_text(json.dumps(ROTATE))
    command = [sys.executable, "-m", "abduce", "solve", str(path), "--planner", "search",
               "--max-evaluations", "3000", "--hint", "turn it round, red", "--verbose"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "turn → rotate_180, rotate_270, rotate_90" in said and "red → colour 2" in said
    assert "prior: learned and the hint; likeliest: rotate_" in said
    refused = subprocess.run([*command[:5], "--planner", "llm", "--hint", "turn it"],
                             capture_output=True, text=True, timeout=300)  # fmt: skip
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "a hint steers the search" in refused.stderr
