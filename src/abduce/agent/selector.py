"""Selectors choose at most two attempts per test input from the verified programs."""

from __future__ import annotations

import json
from collections import Counter
from typing import Protocol

from abduce.agent.models import Verdict
from abduce.tasks import Task

MAX_ATTEMPTS = 2


class Selector(Protocol):
    """Chooses the attempts for each test input."""

    def select(self, task: Task, verdicts: list[Verdict]) -> list[list[object]]: ...


class VoteSelector:
    """Majority vote among programs passing every train example, then the best partial ones.

    An attempt equal to the test input is used only when nothing else exists.
    """

    def __init__(self, attempts: int = MAX_ATTEMPTS) -> None:
        self.attempts = attempts

    def select(self, task: Task, verdicts: list[Verdict]) -> list[list[object]]:
        passing = [v for v in verdicts if v.passed]
        partial = sorted((v for v in verdicts if not v.passed), key=lambda v: -v.accuracy)
        return [
            self._choose(
                test.input,
                [v.test_outputs[i] for v in passing],
                [v.test_outputs[i] for v in partial],
            )
            for i, test in enumerate(task.test)
        ]

    def _choose(
        self, test_input: object, voted: list[object | None], ranked: list[object | None]
    ) -> list[object]:
        votes = Counter(_key(output) for output in voted if output is not None)
        ordered = [key for key, _ in votes.most_common()]
        ordered += [_key(output) for output in ranked if output is not None]
        chosen: list[str] = []
        for key in dict.fromkeys(ordered):
            if key != _key(test_input) and len(chosen) < self.attempts:
                chosen.append(key)
        if not chosen:
            chosen = [_key(test_input)]
        return [json.loads(key) for key in chosen]


def _key(output: object) -> str:
    return json.dumps(output, separators=(",", ":"))
