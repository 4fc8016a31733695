"""ARC-style task generators: concept families that make fresh tasks from a seed, forever, each
with the DSL program that solves every task it makes.

>>> task = generate("flip-horizontal", 7)
>>> task.id, len(task.train), [row[::-1] for row in task.test[0].input] == task.test[0].output
('flip-horizontal-7', 3, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from abduce.errors import TaskNotFoundError
from abduce.tasks.generate import color, geometry, objects, patterns, physics
from abduce.tasks.generate.canvas import Pair, Redraw
from abduce.tasks.generate.family import Family
from abduce.tasks.models import Example, Task

__all__ = ["FAMILIES", "Family", "generate", "generate_suite"]

FAMILIES: dict[str, Family] = {
    family.name: family
    for module in (geometry, color, objects, physics, patterns)
    for family in module.FAMILIES
}

_ATTEMPTS = 100  # draws per pair before a family is deemed broken


def generate(family: str, seed: int, *, train: int = 3) -> Task:
    """A fresh task of one family: `train` pairs plus one test pair (with its output), id
    f"{family}-{seed}"; the same family and seed always give the same task."""
    if train < 1:
        raise ValueError("a task needs at least one train pair")
    chosen = _find(family)
    rng = Random(f"{family}:{seed}")
    pairs: list[Pair] = []
    for _ in range(train + 1):
        pairs.append(_draw(chosen, rng, pairs))
    examples = [Example(input=grid, output=answer) for grid, answer in pairs]
    return Task(id=f"{family}-{seed}", train=examples[:train], test=examples[train:])


def generate_suite(families: Sequence[str] | None, per_family: int, seed: int = 0) -> list[Task]:
    """`per_family` tasks of each family (None: all), from seeds seed .. seed + per_family - 1."""
    names = list(FAMILIES) if families is None else [_find(name).name for name in families]
    return [generate(name, s) for name in names for s in range(seed, seed + per_family)]


def _find(name: str) -> Family:
    """The family of that name, or a one-line error naming the known families."""
    if name not in FAMILIES:
        known = ", ".join(FAMILIES)
        raise TaskNotFoundError(f"unknown family {name!r}; choose from: {known}")
    return FAMILIES[name]


def _draw(family: Family, rng: Random, earlier: list[Pair]) -> Pair:
    """A new pair of the family: its output differs from its input, its input from the earlier."""
    for _ in range(_ATTEMPTS):
        try:
            grid, answer = family.make_pair(rng)
        except Redraw:
            continue
        if grid != answer and all(grid != seen for seen, _ in earlier):
            return grid, answer
    raise RuntimeError(f"family {family.name!r} made no usable pair in {_ATTEMPTS} draws")
