"""Consistent colour permutations of whole tasks, for the Γ/Δ robustness scores.

Γ is the solve rate on the original tasks, Γ' the rate on the same tasks with their colours
permuted, and Δ = Γ − Γ' how much a solver leans on particular symbols rather than the
pattern (*Benchmarking Abstract and Reasoning Abilities Through A Theoretical Perspective*).
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, ConfigDict

from abduce.tasks.models import Example, Rows, Task

RemapMode = Literal["colours", "all"]
REMAP_MODES: tuple[RemapMode, ...] = ("colours", "all")


class Remap(BaseModel):
    """One permutation of the ten colours: `colours` keeps the background 0, `all` moves it."""

    model_config = ConfigDict(frozen=True)

    mode: RemapMode
    seed: int
    permutation: tuple[int, ...]

    @classmethod
    def draw(cls, mode: RemapMode, seed: int) -> Remap:
        """A random permutation, the same for the same seed, that moves at least one colour;
        in `all` mode it always moves the background 0 (else it would be a `colours` draw)."""
        rng = random.Random(f"{mode}:{seed}")
        if mode == "colours":
            moved = list(range(1, 10))
            while moved == sorted(moved):
                rng.shuffle(moved)
            return cls(mode=mode, seed=seed, permutation=(0, *moved))
        permutation = list(range(10))
        while permutation[0] == 0:
            rng.shuffle(permutation)
        return cls(mode=mode, seed=seed, permutation=tuple(permutation))

    @property
    def suffix(self) -> str:
        """What a remapped task's id carries after the original id."""
        return f"@{self.mode}-{self.seed}"

    def grid(self, grid: Rows) -> Rows:
        """The grid with every colour replaced by its image."""
        return [[self.permutation[cell] for cell in row] for row in grid]

    def inverse(self) -> Remap:
        """The permutation that maps remapped colours back."""
        back = [0] * 10
        for color, image in enumerate(self.permutation):
            back[image] = color
        return self.model_copy(update={"permutation": tuple(back)})

    def task(self, task: Task) -> Task:
        """The same task with every grid remapped, under the id `<id>@<mode>-<seed>`."""

        def example(pair: Example) -> Example:
            output = None if pair.output is None else self.grid(pair.output)
            return Example(input=self.grid(pair.input), output=output)

        return Task(
            id=task.id + self.suffix,
            train=[example(pair) for pair in task.train],
            test=[example(pair) for pair in task.test],
        )
