"""The learned prior: one logistic regression per searchable primitive (one-vs-rest) from a
task's features to "the solution applies this primitive", trained on the corpus (DeepCoder's
attribute predictor). Its weights ship as a small JSON file read with numpy alone; training
needs scikit-learn.

The predicted chances are normalised over the searchable primitives and mixed with the
uniform distribution (weight `mix`), so no primitive costs more than log2(1 / mix) above
uniform: a wrong guess slows the search by a bounded factor and never hides a primitive.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import numpy as np

from abduce.errors import PriorError
from abduce.programs import dsl
from abduce.programs.search.corpus import FAMILY_SOURCE, Entry, shipped_file
from abduce.programs.search.features import NAMES, Vector, task_features
from abduce.programs.search.prior import Prior
from abduce.programs.search.vocabulary import primitives, searchable
from abduce.tasks import Task
from abduce.tasks.generate import generate

VERSION = 1
WEIGHTS_FILE = "prior.json"
MIX = 0.5  # weight of the uniform distribution in the prior
REGULARISATION = 1.0  # scikit-learn's C: smaller is smoother
SMOOTHING = 0.5  # pseudo-count of a primitive no solution uses
DIGITS = 4  # decimals kept in the shipped weights
PER_FAMILY = 4  # generated tasks per family; together they weigh as one task


@dataclass(frozen=True)
class Weights:
    """A trained prior: standardisation of the features, then per primitive a linear score
    turned into a chance by the logistic function."""

    version: int
    mix: float
    features: list[str]
    primitives: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[list[float]]  # one row per primitive, one column per feature
    intercept: list[float]
    tasks: int  # ARC tasks trained on
    families: int

    def chances(self, features: Vector) -> dict[str, float]:
        """The chance that a solution of a task with these features applies each primitive."""
        z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
        scores = np.asarray(self.coef) @ z + np.asarray(self.intercept)
        return dict(zip(self.primitives, (1 / (1 + np.exp(-scores))).tolist(), strict=True))

    def prior(self, task: Task) -> Prior:
        """Normalised chances mixed with uniform, over every searchable primitive."""
        chances = self.chances(task_features(task))
        total = sum(chances.values())
        share = 1 / len(chances)
        return Prior(
            primitives={
                name: (1 - self.mix) * chance / total + self.mix * share
                for name, chance in chances.items()
            }
        )

    def dump(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, text: str) -> Weights:
        """Weights from their JSON text; refused if another version of the features made them."""
        weights = cls(**json.loads(text))
        if weights.version != VERSION or weights.features != list(NAMES):
            raise PriorError("the prior's weights are out of date: run `abduce prior train`")
        return weights


@cache
def shipped_weights() -> Weights:
    """The weights shipped with abduce, read once."""
    return Weights.load(shipped_file(WEIGHTS_FILE).read_text())


@cache
def weights(prior: str) -> Weights:
    """The weights a prior names, read once: 'learned' for the shipped ones, else the path
    of a file that `abduce prior train --out` wrote (an out-of-fold prior, say)."""
    if prior == "learned":
        return shipped_weights()
    try:
        return Weights.load(Path(prior).read_text())
    except PriorError:
        raise
    except (OSError, ValueError, TypeError):  # no such file, not JSON, not weights
        raise PriorError("neither 'uniform', 'learned' nor a file of learned weights") from None


def learned_prior(task: Task, weights: Weights | None = None) -> Prior:
    """The prior the model predicts for `task` (by default with the shipped weights)."""
    return (weights or shipped_weights()).prior(task)


def searchable_names() -> list[str]:
    """The primitives the enumeration applies, the prior's vocabulary."""
    return [primitive.name for primitive in searchable(primitives(dsl))]


def training_rows(
    entries: Sequence[Entry], arc_tasks: Mapping[str, Task]
) -> tuple[list[Task], list[set[str]], list[float]]:
    """Tasks, the primitives their solutions apply, and their weights: each distinct set of
    primitives that solves a task is one row, and each task (or family) weighs 1 in all."""
    solutions: dict[tuple[str, str], set[frozenset[str]]] = {}
    for entry in entries:
        solutions.setdefault((entry.source, entry.task), set()).add(frozenset(entry.primitives))
    tasks: list[Task] = []
    labels: list[set[str]] = []
    weights: list[float] = []
    for (source, name), sets in sorted(solutions.items()):
        if source == FAMILY_SOURCE:
            instances = [generate(name, seed) for seed in range(PER_FAMILY)]
        elif name in arc_tasks:
            instances = [arc_tasks[name]]
        else:
            raise PriorError(f"the corpus names {name!r}, not an ARC-AGI-1 training task")
        for instance in instances:
            for used in sorted(sets, key=sorted):
                tasks.append(instance)
                labels.append(set(used))
                weights.append(1 / len(instances) / len(sets))
    return tasks, labels, weights


def train(entries: Sequence[Entry], arc_tasks: Mapping[str, Task], mix: float = MIX) -> Weights:
    """Fit one logistic regression per searchable primitive on the corpus `entries`, whose
    ARC task ids `arc_tasks` resolves."""
    from sklearn.linear_model import LogisticRegression

    tasks, labels, row_weights = training_rows(entries, arc_tasks)
    x = np.asarray([task_features(task) for task in tasks])
    sample_weight = np.asarray(row_weights)
    mean = x.mean(axis=0)
    scale = np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)
    z = (x - mean) / scale
    names = searchable_names()
    coef: list[list[float]] = []
    intercept: list[float] = []
    total = float(sample_weight.sum())
    for name in names:
        y = np.asarray([name in used for used in labels])
        if not y.any():
            rate = SMOOTHING / (total + 2 * SMOOTHING)
            coef.append([0.0] * len(NAMES))
            intercept.append(round(math.log(rate / (1 - rate)), DIGITS))
            continue
        model = LogisticRegression(C=REGULARISATION, max_iter=1000)
        model.fit(z, y, sample_weight=sample_weight)
        coef.append(np.round(model.coef_[0], DIGITS).tolist())
        intercept.append(round(float(model.intercept_[0]), DIGITS))
    return Weights(
        version=VERSION,
        mix=mix,
        features=list(NAMES),
        primitives=names,
        mean=np.round(mean, DIGITS).tolist(),
        scale=np.round(scale, DIGITS).tolist(),
        coef=coef,
        intercept=intercept,
        tasks=len({e.task for e in entries if e.source != FAMILY_SOURCE}),
        families=len({e.task for e in entries if e.source == FAMILY_SOURCE}),
    )
