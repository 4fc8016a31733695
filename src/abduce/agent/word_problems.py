"""Word problems on the one loop: no planning call; programs and a step-by-step answer sampled,
each with its own seed and temperature, behind one short prompt; the majority answers, and the
ballot (agent/ballot.py) decides whether it is verified.

The planner proposes the next sample the ballot needs (a second agreeing program, then a
step-by-step answer) until it needs none; the synthesizer asks for a program (or the
derivation); the verifier runs a program in the sandbox, repairing the usual slips (no
`answer()`, printing instead of returning, a string with the number inside) before anything
counts as a failure; a program that still gives no number is re-asked once with what went
wrong.
"""

from __future__ import annotations

import ast
import re
from typing import Any, cast

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel

from abduce.agent.ballot import Ballot, Candidate, Method, Sample, number_text, numbers_in
from abduce.agent.channel import ModelChannel
from abduce.agent.loop import Run
from abduce.agent.models import Program, Proposal
from abduce.agent.prompts import render
from abduce.agent.question import Listener, history
from abduce.agent.synthesizer import END_OF_BLOCK, extract_code
from abduce.programs import default_sandbox

NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|"
    r"half|twice|double|triple|quarter)\b",
    re.IGNORECASE,
)
SYMBOLIC = re.compile(
    r"\*\*|\^|\[\[|\b[a-z]\s*[=<>]|[=<>]\s*[a-z]\b|\b(solve|differentiate|derivative|"
    r"integral|integrate|limit of|simplify|factor|modulo|mod|matrix|determinant|roots?|edges?|"
    r"graph|shortest path|prime|gcd|lcm)\b",
    re.IGNORECASE,
)
RUN_SECONDS = 10.0
STEPS_TOKENS = 500  # a step-by-step answer longer than this has lost its way
MIN_WORDS = 12  # shorter questions are sums or symbolic maths, for the general path


def is_word_problem(question: str) -> bool:
    """A question in prose with numbers (digits or words) and no formulas, equations, grids
    or graphs: the word-problem path answers it."""
    words = re.findall(r"[A-Za-z]+", question)
    has_number = bool(re.search(r"\d", question) or NUMBER_WORDS.search(question))
    return len(words) >= MIN_WORDS and has_number and not SYMBOLIC.search(question)


def schedule(seed: int) -> list[Sample]:
    """The samples: a greedy program, a sampled one, the step-by-step answer (a different
    method), then more programs while no two agree, and a last step-by-step answer."""
    plan: list[tuple[Method, float]] = [
        ("program", 0.0),
        ("program", 0.7),
        ("step-by-step", 0.0),
        ("program", 0.8),
        ("program", 0.8),
        ("step-by-step", 0.7),
    ]
    return [
        Sample(method=method, seed=seed + index, temperature=temperature)
        for index, (method, temperature) in enumerate(plan)
    ]


class WordQuestion(BaseModel):
    """A word problem, the conversation's earlier turns, and its samples by description."""

    text: str
    turns: list[tuple[str, str]] = []
    samples: dict[str, Sample]

    def messages(self, method: Method) -> list[BaseMessage]:
        """The short system prompt and earlier turns (a prefix every call of every question
        shares, for the model's KV cache), then the question and the method's request."""
        request = "word_program" if method == "program" else "word_steps"
        return [
            SystemMessage(render("word_system")),
            *history(self.turns),
            HumanMessage(render(request, question=self.text)),
        ]


class WordPlanner:
    """Proposes the next sample of the method the ballot's leading answer needs (else the
    schedule's next), until it needs nothing or the schedule is spent."""

    def __init__(self, ballot: Ballot, samples: list[Sample]) -> None:
        self.ballot = ballot
        self.pending = list(samples)

    def propose(self, question: WordQuestion, failed: list[str]) -> list[Proposal]:
        needed = self.ballot.needs()
        if not self.pending or needed is None:
            return []
        sample = next((s for s in self.pending if s.method == needed), self.pending[0])
        self.pending.remove(sample)
        return [Proposal(text=sample.describe())]


class WordSynthesizer:
    """Asks for the sample's program (or derivation) with its own seed and temperature; a
    re-ask continues the conversation with what went wrong."""

    def __init__(self, channel: ModelChannel, say: Listener) -> None:
        self.channel = channel
        self.say = say
        self.messages: list[BaseMessage] = []

    def implement(self, question: WordQuestion, text: str) -> str:
        sample = question.samples[text]
        self.messages = question.messages(sample.method)
        return self._write(sample)

    def revise(self, question: WordQuestion, text: str, source: str, feedback: str) -> str:
        self.messages += [
            AIMessage(f"```python\n{source}\n```"),
            HumanMessage(render("word_revise", problem=feedback)),
        ]
        return self._write(question.samples[text])

    def _write(self, sample: Sample) -> str:
        program = sample.method == "program"
        reply = self.channel.ask(
            self.messages,
            stop=END_OF_BLOCK if program else None,
            seed=sample.seed,
            temperature=sample.temperature,
            max_tokens=None if program else STEPS_TOKENS,
        )
        if not program:
            self.say("derivation", reply.strip())
            return reply.strip()
        source = extract_code(reply)
        self.say("program", source)
        return source


class WordVerifier:
    """Reads each candidate's number (running a program in the sandbox, repaired if it
    slipped), adds it to the ballot and marks it verified when the ballot's verified majority
    is its value."""

    def __init__(self, ballot: Ballot, run: Run[Candidate], say: Listener) -> None:
        self.ballot = ballot
        self.run = run
        self.say = say

    def verify(self, question: WordQuestion, program: Program) -> Candidate:
        sample = question.samples[self.run.hypotheses[program.hypothesis_id].text]
        if sample.method == "step-by-step":
            value, error, repaired = stated_answer(program.source), None, None
            if value is None:
                error = "the derivation states no number"
        else:
            value, error, repaired = run_program(program.source)
        candidate = Candidate(
            program_id=program.id,
            source=program.source,
            value=value,
            error=error,
            repaired=repaired,
            **sample.model_dump(),
        )
        self.ballot.add(candidate)
        decision = self.ballot.decision()
        candidate.verified = decision.verified and candidate in decision.agreeing
        found = error or number_text(cast(float, value)) + (f" ({repaired})" if repaired else "")
        self.say("check", f"{candidate.describe()}: {found}")
        return candidate


def word_feedback(question: WordQuestion, candidate: Candidate) -> str | None:
    """What to re-ask a program about: only a program that gave no number."""
    return candidate.error if candidate.method == "program" else None


def run_program(source: str) -> tuple[float | None, str | None, str | None]:
    """The number a program gives, why it gives none, and what was repaired to read it."""
    try:
        source, repaired = _with_answer(source)
    except SyntaxError as error:
        return None, f"the program does not parse: {error.msg} (line {error.lineno})", None
    program = f"{source}\n\n{_ENTRY}"
    [result] = default_sandbox().run(program, [None], entry="answer_", timeout=RUN_SECONDS)
    if not result.ok:
        return None, (result.error or "").strip().splitlines()[-1], repaired
    value = cast(Any, result.value)
    if value is None:  # printed instead of returned
        printed = numbers_in(result.stdout or "")
        if not printed:
            return None, "answer() returned nothing and printed no number", repaired
        return printed[-1], None, _joined(repaired, "printed instead of returning")
    if isinstance(value, str):
        found = numbers_in(value)
        if not found:
            return None, f"answer() returned {value[:80]!r}, which holds no number", repaired
        return found[-1], None, _joined(repaired, "returned a string")
    return float(value), None, repaired


def stated_answer(derivation: str) -> float | None:
    """The number a step-by-step derivation states: the first after its last 'Answer:', else
    its last number."""
    text = derivation.replace("$", "")
    marked = re.split(r"answer\s*[:=]", text, flags=re.IGNORECASE)
    found = numbers_in(marked[-1]) if len(marked) > 1 else []
    if found:
        return found[0]
    found = numbers_in(text)
    return found[-1] if found else None


def _with_answer(source: str) -> tuple[str, str | None]:
    """The source with an `answer` to call: as written; else its last function without
    parameters; else a function returning its last assigned name. Raises SyntaxError."""
    tree = ast.parse(source)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assigned = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    if "answer" in {*assigned, *(function.name for function in functions)}:
        return source, None
    callable_ = [function.name for function in functions if not function.args.args]
    if callable_:
        return f"{source}\n\nanswer = {callable_[-1]}", f"called {callable_[-1]}()"
    if assigned:
        return f"{source}\n\nanswer = {assigned[-1]}", f"read the variable {assigned[-1]}"
    return f"{source}\n\nanswer = None", None


def _joined(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second


# `answer` may be a function or (a slip) the number itself; a number of any type (Fraction,
# Decimal, a sympy number) is read as a float, a collection is not an answer.
_ENTRY = """def answer_(_):
    value = answer() if callable(answer) else answer
    if isinstance(value, (list, tuple, dict, set)):
        raise TypeError(f"answer() returned a {type(value).__name__}, not one number")
    if value is None or isinstance(value, (str, bool)):
        return value if value is None or isinstance(value, str) else str(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
"""
