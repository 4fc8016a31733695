"""The question loop behind `abduce chat` and `abduce ask`: the same loop as for ARC tasks.

The planner states an approach (the hypothesis), the synthesizer writes a program that calls
the tools, the sandbox runs it and records its tool calls, the claim its answer makes is
checked independently (in a fresh sandboxed process, against the question), and what failed
goes back to the model, for up to `rounds` programs. A bare number or ARC grid is checked by
agreement with a second program written from scratch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel

from abduce.agent.chat import BudgetExhausted, Chat
from abduce.agent.claims import Check, check_claim, claim_of, describe_claim, number
from abduce.agent.llm import LLMSpec, make_llm
from abduce.agent.models import Budget
from abduce.agent.prompts import ask_system, plugin_tools, render
from abduce.agent.synthesizer import END_OF_BLOCK, extract_code
from abduce.agent.verifier import brief
from abduce.programs import default_sandbox
from abduce.tasks import is_grid

Listener = Callable[[str, str], None]  # (event, text): words, approach, program, check
HISTORY_TURNS = 3
MATHS = re.compile(r"\d|[=+*/^]")  # a question with these is computed, whatever the plan says
TOLERANCE = 1e-9


class Answer(BaseModel):
    """An answer, whether a program's result passed an independent check, and how."""

    question: str
    text: str
    verified: bool
    check: str
    computed: bool = True
    approach: str | None = None
    program: str | None = None
    value: Any = None
    programs: int = 0
    llm_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0

    @property
    def mark(self) -> str:
        if not self.computed:
            return "answered in words, without computation"
        return f"verified ✓ ({self.check})" if self.verified else f"not verified ({self.check})"


class Agent:
    """Answers questions with checked programs; remembers the conversation's last turns."""

    def __init__(
        self,
        llm: LLMSpec = None,
        *,
        rounds: int = 3,
        max_seconds: float = 300.0,
        seed: int = 0,
        use_cache: bool = True,
    ) -> None:
        self.chat = Chat(make_llm(llm, seed=seed, use_cache=use_cache))
        self.rounds = rounds
        # a plan, each round's program, and a second program for a number
        self.budget = Budget(max_llm_calls=2 * rounds + 2, max_seconds=max_seconds)
        self.history: list[tuple[str, str]] = []

    def ask(self, question: str, listener: Listener | None = None) -> Answer:
        """Answer `question`: plan, write a program, run it, check it, revise."""
        say = listener or (lambda event, text: None)
        self.chat.start(self.budget)
        try:
            answer = self._answer(question.strip(), say)
        except BudgetExhausted:
            answer = Answer(
                question=question, text="(no answer)", verified=False, check="budget spent"
            )
        answer = answer.model_copy(update=self._usage())
        self.history.append((question, answer.text))
        return answer

    def reset(self) -> None:
        """Forget the conversation."""
        self.history.clear()

    def _answer(self, question: str, say: Listener) -> Answer:
        context = self._context(question)
        plan = self.chat.ask([*context, HumanMessage(render("ask_plan", question=question))])
        words = _after(plan, "words:")
        if words is not None and not MATHS.search(question):
            say("words", words)
            return Answer(
                question=question, text=words, verified=False, check="no program", computed=False
            )
        approach = _after(plan, "approach:") or "Compute the answer with the tools."
        say("approach", approach)
        request = HumanMessage(render("ask_program", question=question, approach=approach))
        messages = [*context, request]
        best: Answer | None = None
        try:
            for count in range(1, self.rounds + 1):
                source = extract_code(self.chat.ask(messages, stop=END_OF_BLOCK))
                say("program", source)
                text, value, check = self._run_and_check(question, source, context)
                say("check", check.description)
                answer = Answer(
                    question=question,
                    text=text,
                    verified=check.verified,
                    check=check.description,
                    approach=approach,
                    program=source,
                    value=value,
                    programs=count,
                )
                if check.verified:
                    return answer
                if best is None or value is not None:
                    best = answer
                messages += [
                    AIMessage(f"```python\n{source}\n```"),
                    HumanMessage(render("ask_revise", feedback=check.description)),
                ]
        except BudgetExhausted:
            if best is None:
                raise
        return best  # not verified: the latest program that gave a result

    def _run_and_check(
        self, question: str, source: str, context: list[BaseMessage]
    ) -> tuple[str, Any, Check]:
        """The answer's text, the program's result, and the check of what it claims."""
        value, calls, error = _run(source)
        if error is not None:
            failed = Check(verified=False, description=f"the program failed: {error}")
            return "(the program failed)", None, failed
        claim = claim_of(value, calls)
        check = check_claim(claim, value, question)
        if check.verified and claim["claim"] in ("value", "grid"):
            check = self._agree(question, value, check, context)
        return describe_claim(claim, value), value, check

    def _agree(self, question: str, value: Any, check: Check, context: list[BaseMessage]) -> Check:
        """A bare number or grid counts only if a second program, written from scratch, agrees."""
        request = HumanMessage(render("ask_again", question=question))
        second, _, error = _run(extract_code(self.chat.ask([*context, request], stop=END_OF_BLOCK)))
        if error is not None:
            return Check(verified=False, description=f"the second program failed: {error}")
        if not _same(value, second):
            found = f"a second program disagrees: it found {brief(second)}"
            return Check(verified=False, description=found)
        return Check(verified=True, description=f"{check.description}; a second program agrees")

    def _context(self, question: str) -> list[BaseMessage]:
        messages: list[BaseMessage] = [SystemMessage(ask_system())]
        turns = self.history[-HISTORY_TURNS:]
        if turns:
            lines = "\n".join(f"Q: {asked}\nA: {answered}" for asked, answered in turns)
            messages.append(HumanMessage(render("ask_history", turns=lines)))
        return messages

    def _usage(self) -> dict[str, Any]:
        return {
            "llm_calls": self.chat.calls,
            "tokens_in": self.chat.tokens_in,
            "tokens_out": self.chat.tokens_out,
            "seconds": round(self.chat.seconds, 3),
        }


def _run(source: str) -> tuple[Any, list[dict], str | None]:
    """What `answer()` returns in the sandbox and the tool calls it made; or why it failed."""
    plugins = "\n\n".join(tool.definition() for tool in plugin_tools())
    program = f"{source}\n\n{plugins}\n\n{_RECORDING}"  # the program's line numbers stay
    [result] = default_sandbox().run(program, [None], entry="answer_", timeout=20.0)
    if not result.ok:
        return None, [], (result.error or "").strip().splitlines()[-1]
    return result.value["value"], result.value["calls"], None


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
        return first == second
    other = number(second)
    return other is not None and abs(number(first) - other) <= TOLERANCE * max(1, abs(other))
