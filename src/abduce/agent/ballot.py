"""The ballot of a word problem's candidate answers: the majority, and the rule under which it
counts as verified.

Agreement between samples of one small model is evidence, not proof, so the rule asks for
agreement that could have failed: at least two programs that differ (their own seeds, different
code) and the model's step-by-step answer (a different method) must give the same number; no
answer may give another (a candidate that gave no number is no answer); and it must pass sanity
checks on sign, whole counts and magnitude. Identical programs (a cached reply, a repeated
sample) count once.
"""

from __future__ import annotations

import ast
import math
import re
from typing import Literal

from pydantic import BaseModel

Method = Literal["program", "step-by-step"]
PLACES = 6  # answers equal when they agree to this many decimal places
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:/\d+)?|-?\.\d+")
# "how many <unit>" asks for a measure, which may be fractional; any other noun is counted
MEASURES = frozenset(
    {
        *("hours", "minutes", "seconds", "days", "weeks", "months", "years", "times"),
        *("miles", "kilometers", "km", "meters", "metres", "feet", "inches", "yards"),
        *("pounds", "kilograms", "kg", "grams", "ounces", "liters", "litres", "gallons"),
        *("cups", "quarts", "pints", "square", "cubic", "percent", "degrees"),
        *("dollars", "cents", "euros"),
    }
)
COMPARATIVES = frozenset({"more", "fewer", "less", "extra", "additional", "total", "of", "in"})


class Sample(BaseModel):
    """How one candidate is drawn: the method, its seed and temperature."""

    method: Method
    seed: int
    temperature: float

    def describe(self) -> str:
        return f"{self.method} (seed {self.seed}, temperature {self.temperature:g})"


class Candidate(Sample):
    """One sampled answer: how it was drawn, what it gave, and the loop's verdict on it."""

    program_id: str
    source: str  # the program, or the step-by-step derivation
    value: float | None = None
    error: str | None = None  # why it gave no number
    repaired: str | None = None  # what was fixed to read its number
    verified: bool = False  # the ballot's majority is verified and this candidate gives it

    @property
    def passed(self) -> bool:
        return self.verified

    @property
    def accuracy(self) -> float:
        return 1.0 if self.verified else 0.0


class Decision(BaseModel):
    """The ballot's answer: the majority value, whether it is verified, and why (not)."""

    value: float | None
    verified: bool
    reason: str
    agreeing: list[Candidate] = []


class Ballot:
    """Every candidate of one question; decides the majority and whether it is verified."""

    def __init__(self, question: str) -> None:
        self.question = question
        self.candidates: list[Candidate] = []

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)

    def counted(self) -> list[Candidate]:
        """The candidates that gave a number, each distinct program or derivation once."""
        seen: set[tuple[str, str]] = set()
        counted = []
        for candidate in self.candidates:
            key = (candidate.method, _normalized(candidate.method, candidate.source))
            if candidate.value is not None and key not in seen:
                seen.add(key)
                counted.append(candidate)
        return counted

    def tally(self) -> list[tuple[float, list[Candidate]]]:
        """Each distinct value with its candidates, most votes first (ties: first given)."""
        groups: dict[float, list[Candidate]] = {}
        for candidate in self.counted():
            groups.setdefault(_key(candidate.value), []).append(candidate)
        return sorted(groups.items(), key=lambda group: -len(group[1]))

    def decision(self) -> Decision:
        tally = self.tally()
        if not tally:
            return Decision(value=None, verified=False, reason="no candidate gave a number")
        value, agreeing = tally[0]
        voters = sum(len(group) for _, group in tally)
        programs = _program_seeds(agreeing)
        steps = any(c.method == "step-by-step" for c in agreeing)
        votes = f"{len(agreeing)} of {voters} answers"
        problem = sanity_problem(value, self.question)
        if len(programs) < 2 or not steps:
            reason = f"{votes}; two different programs and the step-by-step answer must agree"
        elif len(agreeing) < voters:
            reason = f"the answers disagree: {votes}"
        elif problem:
            reason = problem
        else:
            reason = f"{len(programs)} programs and the step-by-step answer agree ({votes})"
            return Decision(value=value, verified=True, reason=reason, agreeing=agreeing)
        return Decision(value=value, verified=False, reason=reason, agreeing=agreeing)

    def needs(self) -> Method | None:
        """What the leading answer lacks: a second program that agrees, then a step-by-step
        answer to check it; None once both are in (more samples would rarely change it)."""
        tally = self.tally()
        agreeing = tally[0][1] if tally else []
        if len(_program_seeds(agreeing)) < 2:
            return "program"
        if not any(c.method == "step-by-step" for c in self.candidates):
            return "step-by-step"
        return None


def sanity_problem(value: float, question: str) -> str | None:
    """What is implausible about `value` as the answer to `question`, if anything: not finite,
    negative, fractional where the question counts things, or far beyond its numbers."""
    if not math.isfinite(value):
        return "the answer is not a finite number"
    if value < 0 and not re.search(r"negative|below|loss|lost|debt|owe", question, re.I):
        return f"{number_text(value)} is negative"
    counted = re.search(r"how many (\w+)(?: (\w+))?", question, re.I)
    if counted and not value.is_integer():
        noun = counted.group(1).lower()
        if noun in COMPARATIVES and counted.group(2):
            noun = counted.group(2).lower()
        if noun not in MEASURES:
            return f"{number_text(value)} is not a whole number of {noun}"
    largest = max([abs(number) for number in numbers_in(question)] + [1.0])
    if abs(value) > 1000 * largest**2:
        return f"{number_text(value)} is far larger than any quantity in the question"
    return None


def numbers_in(text: str) -> list[float]:
    """The numbers written with digits in `text`: '1,200' is 1200, '3/4' is 0.75."""
    found = []
    for match in NUMBER.findall(text):
        numerator, _, denominator = match.replace(",", "").partition("/")
        try:
            number = float(numerator) / float(denominator or 1)
        except (ValueError, ZeroDivisionError):
            continue
        found.append(number)
    return found


def _program_seeds(candidates: list[Candidate]) -> set[int]:
    """The seeds of the programs among `candidates`: how many independent programs they are."""
    return {c.seed for c in candidates if c.method == "program"}


def _key(value: float | None) -> float:
    return round(value or 0.0, PLACES) + 0.0  # -0.0 and 0.0 are one answer


def _normalized(method: Method, source: str) -> str:
    """A program's `answer` function as a syntax tree (comments, layout and code around it
    ignored), or the derivation's words."""
    if method == "program":
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return " ".join(source.split())
        found = [node for node in tree.body if getattr(node, "name", None) == "answer"]
        return ast.dump(found[0] if found else tree)
    return " ".join(source.split())


def number_text(value: float) -> str:
    """`value` as a person writes it: 24, 2.5, 1333.333333."""
    return f"{round(value, PLACES):f}".rstrip("0").rstrip(".")
