"""The question agent behind `abduce chat` and `abduce ask`: the loop of ARC tasks
(agent/loop.py), run on a question with the stages of agent/question.py.

The planner states an approach (the hypothesis), the synthesizer writes a program that calls
the tools, the sandbox runs it and records its tool calls, the claim its answer makes is
checked independently (in a fresh sandboxed process, against the question), and what the check
found goes back to the model, for up to `rounds` programs. A bare number or ARC grid is checked
by agreement with a second program written from scratch.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from abduce.agent.channel import ModelChannel
from abduce.agent.llm import LLMSpec, make_llm
from abduce.agent.loop import Loop, Run
from abduce.agent.models import Budget
from abduce.agent.question import (
    Checked,
    Listener,
    Question,
    QuestionPlanner,
    QuestionSynthesizer,
    QuestionVerifier,
    describe_check,
)

HISTORY_TURNS = 3


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
        self.channel = ModelChannel(make_llm(llm, seed=seed, use_cache=use_cache))
        self.rounds = rounds
        # a plan, each round's program, and a second program for a number
        self.budget = Budget(max_llm_calls=2 * rounds + 2, max_seconds=max_seconds)
        self.history: list[tuple[str, str]] = []

    def ask(self, question: str, listener: Listener | None = None) -> Answer:
        """Answer `question`: plan, write a program, run it, check it, revise."""
        say = listener or (lambda event, text: None)
        asked = Question(text=question.strip(), turns=self.history[-HISTORY_TURNS:])
        planner = QuestionPlanner(self.channel, say)
        verifier = QuestionVerifier(self.channel, say)
        synthesizer = QuestionSynthesizer(self.channel, say)
        budget = self.budget.model_copy(update={"revisions": self.rounds - 1})
        run: Run[Checked] = Run("question")
        Loop(planner, synthesizer, verifier, describe_check, budget, self.channel).run(asked, run)
        answer = self._answer(question, asked, planner.words, run)
        answer = answer.model_copy(update=self._usage())
        self.history.append((question, answer.text))
        return answer

    def reset(self) -> None:
        """Forget the conversation."""
        self.history.clear()

    def _answer(
        self, question: str, asked: Question, words: str | None, run: Run[Checked]
    ) -> Answer:
        """The plan's words; else the verified program's answer, else the latest program's
        that gave a result."""
        if words is not None:
            return Answer(
                question=asked.text, text=words, verified=False, check="no program", computed=False
            )
        verdict = _best(run.verdicts)
        if verdict is None:
            return Answer(
                question=question, text="(no answer)", verified=False, check="budget spent"
            )
        program = run.programs[verdict.program_id]
        return Answer(
            question=asked.text,
            text=verdict.text,
            verified=verdict.passed,
            check=verdict.check.description,
            approach=run.hypotheses[program.hypothesis_id].text,
            program=program.source,
            value=verdict.value,
            programs=list(run.programs).index(program.id) + 1,
        )

    def _usage(self) -> dict[str, Any]:
        return {
            "llm_calls": self.channel.calls,
            "tokens_in": self.channel.tokens_in,
            "tokens_out": self.channel.tokens_out,
            "seconds": round(self.channel.seconds, 3),
        }


def _best(verdicts: list[Checked]) -> Checked | None:
    """The verified verdict (the loop stops at it), else the latest with a result, else the
    first."""
    found = [verdict for verdict in verdicts if verdict.passed or verdict.value is not None]
    return found[-1] if found else verdicts[0] if verdicts else None
