"""The question agent behind `abduce chat` and `abduce ask`: the loop of ARC tasks
(agent/loop.py), run on a question with the stages of agent/question.py.

The planner states an approach (the hypothesis), the synthesizer writes a program that calls
the tools, the sandbox runs it and records its tool calls, the claim its answer makes is
checked independently (in a fresh sandboxed process, against the question), and what the check
found goes back to the model, for up to `rounds` programs. A bare number or ARC grid is checked
by agreement with a second program written from scratch.

A word problem takes its own path on the same loop (agent/word_problems.py): sampled programs
and a step-by-step answer vote, and the ballot's rule decides whether the majority is verified.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from abduce.agent.ballot import Ballot, Candidate, number_text
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
from abduce.agent.word_problems import (
    WordPlanner,
    WordQuestion,
    WordSynthesizer,
    WordVerifier,
    is_word_problem,
    schedule,
    word_feedback,
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
    candidates: list[Candidate] = []  # a word problem's sampled answers, with origin and seed

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
        self.seed = seed
        # a plan, each round's program, and a second program for a number
        self.budget = Budget(max_llm_calls=2 * rounds + 2, max_seconds=max_seconds)
        self.history: list[tuple[str, str]] = []

    def ask(self, question: str, listener: Listener | None = None) -> Answer:
        """Answer `question`: plan, write a program, run it, check it, revise; or, for a word
        problem, sample programs and a step-by-step answer and take the majority."""
        say = listener or (lambda event, text: None)
        text, turns = question.strip(), self.history[-HISTORY_TURNS:]
        if is_word_problem(text):
            answer = self._word_problem(text, turns, say)
        else:
            answer = self._question(Question(text=text, turns=turns), say)
        answer = answer.model_copy(update=self._usage())
        self.history.append((question, answer.text))
        return answer

    def _question(self, asked: Question, say: Listener) -> Answer:
        planner = QuestionPlanner(self.channel, say)
        verifier = QuestionVerifier(self.channel, say)
        synthesizer = QuestionSynthesizer(self.channel, say)
        budget = self.budget.model_copy(update={"revisions": self.rounds - 1})
        run: Run[Checked] = Run("question")
        Loop(planner, synthesizer, verifier, describe_check, budget, self.channel).run(asked, run)
        return self._answer(asked, planner.words, run)

    def _word_problem(self, text: str, turns: list[tuple[str, str]], say: Listener) -> Answer:
        """The ballot's majority over sampled programs and step-by-step answers."""
        samples = schedule(self.seed)
        question = WordQuestion(
            text=text, turns=turns, samples={sample.describe(): sample for sample in samples}
        )
        ballot = Ballot(text)
        run: Run[Candidate] = Run("question")
        budget = Budget(
            max_llm_calls=len(samples) + 2, max_seconds=self.budget.max_seconds, revisions=1
        )
        planner = WordPlanner(ballot, samples)
        synthesizer = WordSynthesizer(self.channel, say)
        verifier = WordVerifier(ballot, run, say)
        Loop(planner, synthesizer, verifier, word_feedback, budget, self.channel).run(question, run)
        decision = ballot.decision()
        candidates = ballot.candidates
        if decision.value is None:
            return Answer(
                question=text, text="(no answer)", verified=False, check=decision.reason,
                programs=len(run.programs), candidates=candidates,
            )  # fmt: skip
        programs = [c for c in decision.agreeing if c.method == "program"]
        return Answer(
            question=text,
            text=number_text(decision.value),
            verified=decision.verified,
            check=decision.reason,
            approach=f"the majority of {len(ballot.counted())} sampled answers",
            program=(programs or decision.agreeing)[0].source,
            value=decision.value,
            programs=len(run.programs),
            candidates=candidates,
        )

    def reset(self) -> None:
        """Forget the conversation."""
        self.history.clear()

    def _answer(self, asked: Question, words: str | None, run: Run[Checked]) -> Answer:
        """The plan's words; else the verified program's answer, else the latest program's
        that gave a result."""
        if words is not None:
            return Answer(
                question=asked.text, text=words, verified=False, check="no program", computed=False
            )
        verdict = _best(run.verdicts)
        if verdict is None:
            return Answer(
                question=asked.text, text="(no answer)", verified=False, check="budget spent"
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
