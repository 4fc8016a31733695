"""The task generators: every family's program solves every task the family makes, and the
tasks are fresh, deterministic, valid ARC tasks of distinct concepts."""

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache

import pytest

import abduce.programs.dsl
from abduce.agent.models import Program
from abduce.agent.verifier import SandboxVerifier
from abduce.programs import Sandbox
from abduce.tasks import ArcDomain, Rows, Task, TaskNotFoundError
from abduce.tasks.generate import FAMILIES, Family, generate, generate_suite
from abduce.tasks.generate.canvas import Redraw

NAMES = list(FAMILIES)
SEEDS = range(20)


@cache
def task(name: str, seed: int) -> Task:
    return generate(name, seed)


@cache
def transform(name: str) -> Callable[[Rows], Rows]:
    """The family's program, loaded in process the way the sandbox loads it."""
    sys.modules.setdefault("dsl", abduce.programs.dsl)
    namespace: dict = {}
    exec(compile(FAMILIES[name].program, f"<{name}>", "exec"), namespace)
    return namespace["transform"]


def pairs(t: Task) -> list[tuple[Rows, Rows | None]]:
    return [(example.input, example.output) for example in t.train + t.test]


def solves(name: str, t: Task) -> bool:
    try:
        return all(transform(name)(grid) == answer for grid, answer in pairs(t))
    except Exception:
        return False


def test_at_least_25_families_with_unique_kebab_case_names_and_one_line_descriptions():
    assert len(FAMILIES) >= 25
    assert all(name == family.name for name, family in FAMILIES.items())
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in NAMES)
    descriptions = [family.description for family in FAMILIES.values()]
    assert len(set(descriptions)) == len(descriptions)
    assert all(text and "\n" not in text for text in descriptions)
    assert all(
        family.program.startswith("from dsl import *\n")
        and "def transform(grid):" in family.program
        for family in FAMILIES.values()
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_family_program_solves_every_pair_it_makes(name):
    for seed in SEEDS:
        for index, (grid, answer) in enumerate(pairs(task(name, seed))):
            assert transform(name)(grid) == answer, f"{name} seed {seed} pair {index}"


@pytest.mark.parametrize("name", NAMES)
def test_every_task_is_a_valid_arc_task_of_four_different_changing_pairs(name):
    for seed in SEEDS:
        t = task(name, seed)
        assert t.id == f"{name}-{seed}"
        assert (len(t.train), len(t.test)) == (3, 1)
        for grid, answer in pairs(t):
            assert answer is not None
            assert answer != grid
            for g in (grid, answer):
                assert 1 <= len(g) <= 30
                assert all(1 <= len(row) == len(g[0]) <= 30 for row in g)
                assert all(type(cell) is int and 0 <= cell <= 9 for row in g for cell in row)
        assert len({json.dumps(grid) for grid, _ in pairs(t)}) == 4


@pytest.mark.parametrize("name", NAMES)
def test_fifty_seeds_give_fifty_different_tasks(name):
    assert len({json.dumps(pairs(task(name, seed))) for seed in range(50)}) == 50


def test_no_family_program_solves_another_familys_tasks():
    solved = [
        (other, name)
        for name in NAMES
        for other in NAMES
        if other != name and all(solves(other, task(name, seed)) for seed in range(3))
    ]
    assert solved == []


def test_the_seed_is_mixed_with_the_family_name():
    assert task("flip-horizontal", 0).train[0].input != task("rotate-90", 0).train[0].input


def test_generation_is_deterministic_within_and_across_processes():
    assert generate("crop-odd-object", 5) == generate("crop-odd-object", 5)
    code = (
        "import json\n"
        "from abduce.tasks.generate import FAMILIES, generate\n"
        "print(json.dumps([generate(name, 5).model_dump() for name in FAMILIES]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4321"}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    fresh = [Task.model_validate(data) for data in json.loads(run.stdout)]
    assert fresh == [generate(name, 5) for name in NAMES]


def test_the_number_of_train_pairs_is_chosen():
    t = generate("gravity", 1, train=5)
    assert (len(t.train), len(t.test)) == (5, 1)
    with pytest.raises(ValueError, match="at least one train pair"):
        generate("gravity", 1, train=0)


def test_a_suite_holds_per_family_tasks_of_each_family_in_order():
    suite = generate_suite(["gravity", "denoise"], 2, seed=10)
    assert [t.id for t in suite] == ["gravity-10", "gravity-11", "denoise-10", "denoise-11"]
    assert suite[0] == generate("gravity", 10)
    assert [t.id for t in generate_suite(None, 1)] == [f"{name}-0" for name in NAMES]


def test_an_unknown_family_raises_a_one_line_error_naming_the_known_ones():
    with pytest.raises(TaskNotFoundError) as caught:
        generate("no-such-family", 0)
    message = str(caught.value)
    assert "'no-such-family'" in message
    assert all(name in message for name in NAMES)
    assert "\n" not in message
    with pytest.raises(TaskNotFoundError):
        generate_suite(["gravity", "no-such-family"], 1)


def test_redraws_identities_and_repeated_inputs_are_drawn_again(monkeypatch):
    draws = iter([Redraw(), ([[1]], [[1]]), ([[1]], [[2]]), ([[1]], [[3]]), ([[2]], [[3]])])

    def make_pair(_rng):
        draw = next(draws)
        if isinstance(draw, Exception):
            raise draw
        return draw

    monkeypatch.setitem(FAMILIES, "fake", Family("fake", "a fake", "", make_pair))
    assert pairs(generate("fake", 0, train=1)) == [([[1]], [[2]]), ([[2]], [[3]])]


def test_a_family_making_only_identities_is_refused(monkeypatch):
    same = Family("same", "nothing changes", "", lambda _rng: ([[1]], [[1]]))
    monkeypatch.setitem(FAMILIES, "same", same)
    with pytest.raises(RuntimeError, match="'same' made no usable pair"):
        generate("same", 0)


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=1, preload=("numpy",)) as pool:
        yield pool


@pytest.mark.parametrize("name", ["colour-mapping", "sort-objects", "flood-fill", "slide-to-wall"])
def test_the_sandbox_verifier_passes_the_family_program(sandbox, name):
    t = task(name, 3)
    program = Program(id="p1", hypothesis_id="h1", source=FAMILIES[name].program)
    verdict = SandboxVerifier(ArcDomain(), sandbox=sandbox).verify(t, program)
    assert [example.passed for example in verdict.examples] == [True] * 3, verdict
    assert verdict.test_outputs == [t.test[0].output]


def test_the_sandbox_verifier_fails_another_familys_program(sandbox):
    program = Program(id="p1", hypothesis_id="h1", source=FAMILIES["rotate-90"].program)
    verdict = SandboxVerifier(ArcDomain(), sandbox=sandbox).verify(task("gravity", 3), program)
    assert not any(example.passed for example in verdict.examples)
