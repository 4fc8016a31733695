"""Scores over result lines: solve rates by group, Γ/Δ under colour remapping, by family."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable

from pydantic import BaseModel

from abduce.bench.results import ResultLine


class Score(BaseModel):
    """Solve rate and cost of one group of result lines."""

    group: str
    tasks: int
    solved: int
    passed_train: int
    median_seconds: float
    llm_calls: int
    tokens_in: int
    tokens_out: int
    cost: float = 0.0

    @property
    def rate(self) -> float:
        return self.solved / self.tasks if self.tasks else 0.0


class Flip(BaseModel):
    """A task whose result changed when its colours were remapped."""

    task_id: str
    remap: str
    solved_original: bool


class Robustness(BaseModel):
    """Γ on the originals, Γ' on their remapped copies, Δ = Γ − Γ', and the flips."""

    mode: str
    gamma: float
    gamma_remapped: float
    originals: int
    remapped: int
    flips: list[Flip]

    @property
    def delta(self) -> float:
        return self.gamma - self.gamma_remapped


def remap_label(line: ResultLine) -> str:
    """'original', or the remapping of a line, e.g. 'colours-2'."""
    return f"{line.remap.mode}-{line.remap.seed}" if line.remap else "original"


def family(line: ResultLine) -> str:
    """The generator family of a generated task (its id without the seed)."""
    return line.source_id.rsplit("-", 1)[0]


def score(group: str, lines: list[ResultLine]) -> Score:
    """The score of one group of lines."""
    return Score(
        group=group,
        tasks=len(lines),
        solved=sum(bool(line.solved) for line in lines),
        passed_train=sum(line.passed_train for line in lines),
        median_seconds=statistics.median(line.seconds for line in lines) if lines else 0.0,
        llm_calls=sum(line.llm_calls for line in lines),
        tokens_in=sum(line.tokens_in for line in lines),
        tokens_out=sum(line.tokens_out for line in lines),
        cost=sum(line.cost or 0.0 for line in lines),
    )


def scores_by(
    lines: list[ResultLine], key: Callable[[ResultLine], str] = remap_label
) -> list[Score]:
    """One score per group of lines, groups in order of first appearance."""
    groups: dict[str, list[ResultLine]] = defaultdict(list)
    for line in lines:
        groups[key(line)].append(line)
    return [score(group, members) for group, members in groups.items()]


def robustness(lines: list[ResultLine]) -> list[Robustness]:
    """Γ/Δ for each remapping mode present, over the tasks that also have an original line."""
    originals = {line.source_id: bool(line.solved) for line in lines if not line.remap}
    by_mode: dict[str, list[ResultLine]] = defaultdict(list)
    for line in lines:
        if line.remap and line.source_id in originals:
            by_mode[line.remap.mode].append(line)
    results = []
    for mode, remapped in by_mode.items():
        sources = {line.source_id for line in remapped}
        flips = [
            Flip(
                task_id=line.source_id,
                remap=remap_label(line),
                solved_original=originals[line.source_id],
            )
            for line in remapped
            if bool(line.solved) != originals[line.source_id]
        ]
        results.append(
            Robustness(
                mode=mode,
                gamma=sum(originals[source] for source in sources) / len(sources),
                gamma_remapped=sum(bool(line.solved) for line in remapped) / len(remapped),
                originals=len(sources),
                remapped=len(remapped),
                flips=flips,
            )
        )
    return results
