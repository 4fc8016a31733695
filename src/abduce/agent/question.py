"""The loop's stages for a question: the planner states an approach (or answers in words when
there is nothing to compute), the synthesizer writes a program that calls the tools and revises
it in one conversation, the verifier runs it in the sandbox and checks what its answer claims,
and the feedback is what that check found."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel

from abduce.agent.channel import ModelChannel
from abduce.agent.claims import (
    Check,
    GridClaim,
    ValueClaim,
    check_claim,
    claim_of,
    describe_claim,
    number,
)
from abduce.agent.models import Program, Proposal
from abduce.agent.prompts import ask_system, plugin_tools, render
from abduce.agent.synthesizer import END_OF_BLOCK, extract_code
from abduce.agent.verifier import brief
from abduce.programs import default_sandbox
from abduce.tasks import is_grid

Listener = Callable[[str, str], None]  # (event, text): words, approach, program, derivation, check
MATHS = re.compile(r"\d|[=+*/^]")  # a question with these is computed, whatever the plan says
TOLERANCE = 1e-9
DEFAULT_APPROACH = "Compute the answer with the tools."


class Question(BaseModel):
    """A question, with the conversation's earlier turns as (question, answer) pairs."""

    text: str
    turns: list[tuple[str, str]] = []

    def context(self) -> list[BaseMessage]:
        """The prefix of every call: the system prompt, then the earlier turns."""
        return [SystemMessage(ask_system()), *history(self.turns)]


def history(turns: list[tuple[str, str]]) -> list[BaseMessage]:
    """The conversation's earlier turns as one message, if there are any."""
    if not turns:
        return []
    lines = "\n".join(f"Q: {asked}\nA: {answered}" for asked, answered in turns)
    return [HumanMessage(render("ask_history", turns=lines))]


class Checked(BaseModel):
    """A question's verdict on a program: the answer it gives, its result, and the check."""

    program_id: str
    text: str
    value: Any = None
    check: Check

    @property
    def passed(self) -> bool:
        return self.check.verified

    @property
    def accuracy(self) -> float:
        """1.0 when verified: an answer is checked right or not at all."""
        return 1.0 if self.passed else 0.0


class QuestionPlanner:
    """Asks for a plan: one approach, whose programs are revised rather than replaced; a plan
    in words, for a question with nothing to compute, proposes nothing and keeps its words."""

    def __init__(self, channel: ModelChannel, say: Listener) -> None:
        self.channel = channel
        self.say = say
        self.words: str | None = None

    def propose(self, question: Question, failed: list[str]) -> list[Proposal]:
        if failed:
            return []
        request = HumanMessage(render("ask_plan", question=question.text))
        plan = self.channel.ask([*question.context(), request])
        words = _after(plan, "words:")
        if words is not None and not MATHS.search(question.text):
            self.say("words", words)
            self.words = words
            return []
        approach = _after(plan, "approach:") or DEFAULT_APPROACH
        self.say("approach", approach)
        return [Proposal(text=approach)]


class QuestionSynthesizer:
    """Asks for `def answer()` following the approach; a revision continues the conversation,
    so the model sees every earlier program and what its check found."""

    def __init__(self, channel: ModelChannel, say: Listener) -> None:
        self.channel = channel
        self.say = say
        self.messages: list[BaseMessage] = []

    def implement(self, question: Question, approach: str) -> str:
        request = HumanMessage(render("ask_program", question=question.text, approach=approach))
        self.messages = [*question.context(), request]
        return self._write()

    def revise(self, question: Question, approach: str, source: str, feedback: str) -> str:
        self.messages += [
            AIMessage(f"```python\n{source}\n```"),
            HumanMessage(render("ask_revise", feedback=feedback)),
        ]
        return self._write()

    def _write(self) -> str:
        source = extract_code(self.channel.ask(self.messages, stop=END_OF_BLOCK))
        self.say("program", source)
        return source


class QuestionVerifier:
    """Runs the program in the sandbox, recording its tool calls, and checks the claim its
    answer makes independently; a bare number or grid counts only if a second program,
    written from scratch, agrees."""

    def __init__(self, channel: ModelChannel, say: Listener) -> None:
        self.channel = channel
        self.say = say

    def verify(self, question: Question, program: Program) -> Checked:
        text, value, check = self._run_and_check(question, program.source)
        self.say("check", check.description)
        return Checked(program_id=program.id, text=text, value=value, check=check)

    def _run_and_check(self, question: Question, source: str) -> tuple[str, Any, Check]:
        """The answer's text, the program's result, and the check of what it claims."""
        value, calls, error = _run(source)
        if error is not None:
            failed = Check(verified=False, description=f"the program failed: {error}")
            return "(the program failed)", None, failed
        claim = claim_of(value, calls)
        check = check_claim(claim, value, question.text)
        if check.verified and isinstance(claim, ValueClaim | GridClaim):
            check = self._agree(question, value, check)
        return describe_claim(claim, value), value, check

    def _agree(self, question: Question, value: Any, check: Check) -> Check:
        request = HumanMessage(render("ask_again", question=question.text))
        reply = self.channel.ask([*question.context(), request], stop=END_OF_BLOCK)
        second, _, error = _run(extract_code(reply))
        if error is not None:
            return Check(verified=False, description=f"the second program failed: {error}")
        if not _same(value, second):
            found = f"a second program disagrees: it found {brief(second)}"
            return Check(verified=False, description=found)
        return Check(verified=True, description=f"{check.description}; a second program agrees")


def describe_check(question: Question, verdict: Checked) -> str:
    """The feedback for a revision: what the check found."""
    return verdict.check.description


def _run(source: str) -> tuple[Any, list[dict[str, Any]], str | None]:
    """What `answer()` returns in the sandbox and the tool calls it made; or why it failed."""
    plugins = "\n\n".join(tool.definition() for tool in plugin_tools())
    program = f"{source}\n\n{plugins}\n\n{_RECORDING}"  # the program's line numbers stay
    [result] = default_sandbox().run(program, [None], entry="answer_", timeout=20.0)
    if not result.ok:
        return None, [], (result.error or "").strip().splitlines()[-1]
    recorded = cast(dict[str, Any], result.value)  # what answer_ returns
    return recorded["value"], recorded["calls"], None


_RECORDING = """def answer_(_):
    import symbolic.record
    symbolic.record.start()
    value = answer()
    return {"value": value, "calls": symbolic.record.calls()}
"""


def _after(text: str, marker: str) -> str | None:
    """The text after `marker` (case-insensitive) at the start of a line, if there is one."""
    for line in text.strip().splitlines():
        stripped = line.strip().lstrip("*#- ").strip()
        if stripped.lower().startswith(marker):
            return stripped[len(marker) :].strip(" *") or None
    return None


def _same(first: Any, second: Any) -> bool:
    """Equal grids, or numbers equal up to rounding."""
    if is_grid(first):
        return bool(first == second)
    mine, other = number(first), number(second)
    if mine is None or other is None:
        return False
    return abs(mine - other) <= TOLERANCE * max(1, abs(other))
