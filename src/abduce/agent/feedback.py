"""Feedback: what went wrong with a program, short enough to send back to a model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from abduce.agent.models import Verdict
from abduce.tasks import Domain, Task

MAX_FEEDBACK = 1200
Problem = TypeVar("Problem")
Judgement = TypeVar("Judgement")
Feedback = Callable[[Problem, Judgement], str | None]  # what went wrong; None: do not revise


def describe_failures(task: Task, verdict: Verdict, domain: Domain[Any]) -> str:
    """One paragraph per failing train example: the error, or how the output differs."""
    lines = []
    for example in verdict.examples:
        if example.passed:
            continue
        if example.error is not None:
            problem = f"raised an error:\n{example.error}"
        else:
            expected = task.train[example.index].output
            problem = domain.describe_difference(expected, example.output)
        lines.append(f"Example {example.index + 1}: {problem}")
    text = "\n".join(lines)
    return text if len(text) <= MAX_FEEDBACK else text[: MAX_FEEDBACK - 1] + "…"
