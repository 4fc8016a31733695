"""Library learning: Stitch's abstractions of the corpus as typed, verified DSL functions that
the search applies and a found program carries into the sandbox."""

import subprocess
import sys

import pytest

from abduce.programs import Sandbox
from abduce.programs.dsl import Grid
from abduce.programs.dsl.calls import plain
from abduce.programs.library import (
    learn,
    library_named,
    library_vocabulary,
    load_library,
    shipped_library,
)
from abduce.programs.library.functions import LibraryError
from abduce.programs.search import search
from abduce.programs.search.corpus import ARC_SOURCE, Entry, parse_program, primitives_used
from abduce.programs.search.expr import APPLICATION_COST, INPUT, Expr, literal, to_python
from abduce.programs.search.vocabulary import primitives
from abduce.tasks import Task

TRIM_FLIP = Expr("flip_up_down", (Expr("trim", (Expr(INPUT),)),))


def framed(rows: list[list[int]]) -> list[list[int]]:
    """`rows` inside a frame of background."""
    width = len(rows[0]) + 2
    return [[0] * width, *([0, *row, 0] for row in rows), [0] * width]


def flipped(rows: list[list[int]]) -> list[list[int]]:
    return rows[::-1]


PATTERNS = [[[1, 2], [3, 4]], [[5, 5, 6], [7, 0, 8]], [[2], [3], [4]], [[9, 1], [1, 9], [4, 4]]]


def trim_flip_task(name: str, patterns: list[list[list[int]]], then: str | None = None) -> Task:
    """Crop the pattern out of its frame, flip it upside down (and upscale it by 2)."""

    def answer(rows: list[list[int]]) -> list[list[int]]:
        out = flipped(rows)
        return [[cell for cell in row for _ in "ab"] for row in out for _ in "ab"] if then else out

    pairs = [{"input": framed(p), "output": answer(p)} for p in patterns]
    return Task.model_validate({"id": name, "train": pairs[:-1], "test": pairs[-1:]})


def entry(task: str, expr: Expr) -> Entry:
    source = to_python(expr)
    return Entry(task=task, source=ARC_SOURCE, program=source, primitives=primitives_used(source))


TASKS = {f"t{n}": trim_flip_task(f"t{n}", PATTERNS[n:] + PATTERNS[:n]) for n in range(3)}
RECOLOURED = Expr("apply_color_map", (TRIM_FLIP, literal(((1, 7),))))
CORPUS = [entry("t0", TRIM_FLIP), entry("t1", TRIM_FLIP), entry("t2", RECOLOURED)]


def test_a_corpus_program_parses_into_the_search_s_expression_and_back():
    per_part = Expr("map_parts", (Expr(INPUT), literal(TRIM_FLIP)))
    for expr in (TRIM_FLIP, RECOLOURED, per_part):
        assert parse_program(to_python(expr)) == expr
    learned = {"trim_then_flip_up_down": learn(CORPUS, TASKS).functions[0].source}
    calling = Expr("upscale", (Expr("trim_then_flip_up_down", (Expr(INPUT),)), literal(2)))
    assert parse_program(to_python(calling, learned)) == Expr("upscale", (TRIM_FLIP, literal(2)))
    loop = (
        "def transform(grid):\n    for c in range(3):\n        grid = trim(grid)\n    return grid"
    )
    assert parse_program(loop) is None


def test_a_composition_used_by_several_tasks_becomes_a_typed_verified_function():
    library = learn(CORPUS, TASKS)
    [function] = library.functions
    assert function.name == "trim_then_flip_up_down"
    assert function.params == [("x0", "Grid")] and function.returns == "Grid"
    assert function.body == "flip_up_down(trim(x0))"
    assert function.phrase.startswith("Crop the grid") and ", then flip" in function.phrase
    assert (function.uses, function.tasks) == (3, ["t0", "t1", "t2"])  # the table left out
    assert library.cost_after < library.cost_before
    example = function.example
    assert example is not None and example.task == "t0"
    run = getattr(library.module(), function.name)
    assert run(Grid(example.args[0])).to_list() == example.output


def test_the_search_applies_a_learned_function_and_the_sandbox_runs_the_program():
    library = learn(CORPUS, TASKS)
    task = trim_flip_task("scaled", PATTERNS, then="upscale")  # not in the corpus
    plain = search(task, seconds=None, max_evaluations=50_000)
    steered = search(
        task, seconds=None, max_evaluations=50_000, vocabulary=library_vocabulary(library)
    )
    answers = [example.output for example in task.test]
    assert all(c.test_outputs != answers for c in plain.candidates)  # three steps: too deep
    assert steered.candidates[0].test_outputs == answers
    assert steered.candidates[0].expr.size == 2  # the learned function and upscale
    best = steered.candidates[0]
    assert "def trim_then_flip_up_down(x0: Grid) -> Grid:" in best.source
    inputs = [example.input for example in task.train + task.test]
    results = Sandbox(workers=1).run(best.source, inputs)
    assert [r.value for r in results] == [*(e.output for e in task.train), *answers]


def test_a_learned_function_costs_the_search_less_the_more_of_the_corpus_calls_it():
    library = learn(CORPUS, TASKS)
    [function] = library.functions

    def costs(uses: int) -> dict[str, int]:
        used = function.model_copy(update={"uses": uses})
        vocabulary = library_vocabulary(
            library.model_copy(update={"functions": [used], "programs": 400})
        )
        names = [primitive.name for primitive in vocabulary.applied]
        return vocabulary.weighted(None).costs(names, {}).applications

    rare, common = costs(1), costs(40)
    assert common[function.name] < APPLICATION_COST < rare[function.name]
    assert rare["trim"] == common["trim"] == APPLICATION_COST  # the DSL's own: uniform still


@pytest.mark.parametrize(
    ("expr", "words"),
    [
        (Expr("trim", (Expr("keep_color", (Expr(INPUT), literal(3))),)), "cells of colour 3"),
        (
            Expr("crop_to_color", (Expr(INPUT), Expr("least_common_color", (Expr(INPUT),)))),
            "cells of that colour",
        ),
    ],
)
def test_a_function_s_phrase_names_the_colour_it_fixes_or_computes(expr, words):
    [function] = learn([entry(f"t{n}", expr) for n in range(3)], {}).functions
    assert words in function.phrase and "the given colour" not in function.phrase


def test_an_abstraction_computing_what_an_earlier_one_does_calls_the_earlier_function():
    """Stitch may propose `f(#0)`, then `(lam (f $0))` for the programs whose argument is
    their input: one function, every call of either counted."""
    from abduce.programs.library.learn import Compression, _parse, _Tokens, split

    programs = [(e, split(parse_program(e.program))) for e in CORPUS[:2]]  # trim, then flip
    bodies = {"fn_0": "(flip_up_down (trim #0))", "fn_1": "(lam (fn_0 $0))"}
    compression = Compression(
        programs,
        [_parse("(lam (fn_0 $0))"), _parse("fn_1")],
        {name: _parse(body) for name, body in bodies.items()},
        _Tokens(),
    )
    named = compression.functions(primitives())
    assert {function.name for function in named.values()} == {"trim_then_flip_up_down"}
    assert [(f.uses, f.tasks) for f in named.values()] == [(2, ["t0", "t1"])] * 2
    assert [compression.expand(p, kept=named) for p in compression.rewritten] == [
        Expr("trim_then_flip_up_down", (Expr(INPUT),))
    ] * 2


def test_every_shipped_function_reproduces_its_corpus_example():
    library = shipped_library()
    module = library.module()
    assert library.functions and library.cost_after < library.cost_before
    for function in library.functions:
        assert function.uses >= 2 and function.tasks
        if function.example is None:
            continue
        args = [Grid(a) if kind == "Grid" else a for a, (_, kind) in
                zip(function.example.args, function.params, strict=True)]  # fmt: skip
        got = getattr(module, function.name)(*args)
        assert plain(got) == function.example.output


@pytest.mark.parametrize(
    ("text", "problem"),
    [("not json", "Invalid JSON"), ('{"version": 1}', "Field required")],
)
def test_a_file_that_is_no_library_is_refused_in_one_line(tmp_path, text, problem):
    path = tmp_path / "library.json"
    path.write_text(text)
    with pytest.raises(LibraryError, match=problem) as refused:
        load_library(path)
    assert "\n" not in str(refused.value)
    assert library_named("none") is None and library_named("learned") is shipped_library()


def test_library_learn_and_show_from_the_command_line(tmp_path):
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "library.json"
    corpus.write_text("".join(e.model_dump_json() + "\n" for e in CORPUS))
    command = [sys.executable, "-m", "abduce", "library"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300)

    refused = run("learn", "--corpus", str(corpus), "--without", str(corpus))
    assert refused.returncode == 2 and "--without needs --out" in refused.stderr
    learned = run("learn", "--corpus", str(corpus), "--out", str(out))
    assert learned.returncode == 0, learned.stderr
    assert "1 functions from 3 programs of 3 tasks" in learned.stdout
    shown = run("show", str(out))
    assert shown.returncode == 0, shown.stderr
    assert "trim_then_flip_up_down" in shown.stdout and "3 programs of 3 tasks" in shown.stdout
    broken = run("show", str(corpus))
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1


def test_the_model_reads_the_learned_functions_and_its_program_carries_their_definitions(
    tmp_path,
):
    from abduce.agent import Budget, Solver
    from abduce.bench.jobs import Job, record
    from tests.fakes import RecordingModel, fence

    path, library = tmp_path / "library.json", learn(CORPUS, TASKS)
    library.dump(path)
    code = "def transform(grid):\n    return trim_then_flip_up_down(Grid(grid)).to_list()"
    model = RecordingModel(
        responses=["Hypothesis 1: cut the pattern out, upside down", fence(code)]
    )
    budget = Budget(library=str(path), max_llm_calls=4)
    solver = Solver(model, planner="llm", budget=budget, use_cache=False)
    solution = solver.solve(TASKS["t0"])
    assert solution.correct
    line = record(solution, 0, solver, Job(task=TASKS["t0"]))  # names the library it used
    assert line.library == library.name and line.library.startswith("library/1:1:")
    assert library.model_copy(update={"cost_after": 1}).name != library.name
    assert "def trim_then_flip_up_down(x0: Grid) -> Grid:" in solution.program
    system = str(model.prompts[0][0].content)
    assert "# learned from solved tasks\ntrim_then_flip_up_down(x0: Grid) -> Grid: Crop" in system
