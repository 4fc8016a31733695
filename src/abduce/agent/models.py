"""Pydantic models that cross the loop's stage boundaries."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, Field


class Hypothesis(BaseModel):
    """An abstract description of the transformation, in words."""

    id: str
    text: str


class Steering(BaseModel):
    """What steered a search: its prior (named), the primitives it found likeliest, and the
    words and sketches the prior came from, and why the model gave none when it failed."""

    prior: str
    likeliest: list[str] = Field(default_factory=list)
    words: dict[str, list[str]] = Field(default_factory=dict)
    sketches: list[str] = Field(default_factory=list)
    model_failed: str | None = None


class Proposal(BaseModel):
    """A planner's hypothesis, with its program when the planner already has one, and what
    steered the search that found it."""

    text: str
    program: str | None = None
    steering: Steering | None = None


class Program(BaseModel):
    """Source code implementing a hypothesis; `revised_from` names the program it fixes."""

    id: str
    hypothesis_id: str
    source: str
    revised_from: str | None = None


class ExampleVerdict(BaseModel):
    """How a program did on one train example."""

    index: int
    passed: bool
    score: float = 0.0
    output: object = None
    error: str | None = None


class Verdict(BaseModel):
    """How a program did on every train example, plus its outputs for the test inputs."""

    program_id: str
    examples: list[ExampleVerdict]
    test_outputs: list[object | None]

    @property
    def passed(self) -> bool:
        """True when the program reproduces every train output exactly."""
        return all(example.passed for example in self.examples)

    @property
    def accuracy(self) -> float:
        """Mean similarity to the expected train outputs."""
        return sum(example.score for example in self.examples) / len(self.examples)


class Judged(Protocol):
    """What the loop and the trace read from any verdict, an ARC task's or a question's."""

    program_id: str

    @property
    def passed(self) -> bool: ...

    @property
    def accuracy(self) -> float: ...


PriorName = str  # what the search believes before it looks: uniform, learned, or a weights file


class Budget(BaseModel):
    """Limits for one task: LLM calls, wall time, hypotheses per round, revisions, and what
    the enumerative search may spend before the LLM loop starts: seconds, or a number of
    evaluations (then no clock bounds it, so that results do not depend on the machine),
    and its prior over the primitives: 'uniform', 'learned' (the shipped weights) or the
    path of weights that `abduce prior train --out` wrote (an out-of-fold prior)."""

    max_llm_calls: int = Field(12, ge=1)
    max_seconds: float = Field(300.0, gt=0)
    hypotheses_per_round: int = Field(3, ge=1)
    revisions: int = Field(2, ge=0)
    enough_passing: int = Field(1, ge=1)
    search_seconds: float = Field(10.0, gt=0)
    max_evaluations: int | None = Field(None, ge=1)
    prior: PriorName = "learned"
    library: str = "none"  # the search's learned functions: none, learned, or a library file
