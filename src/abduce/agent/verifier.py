"""Verifiers run a program on the examples, in the sandbox, and judge its outputs."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from abduce.agent.models import ExampleVerdict, Judged, Program, Verdict
from abduce.programs import RunResult, Sandbox, default_sandbox
from abduce.tasks import Domain, Task

Problem = TypeVar("Problem", contravariant=True)
Judgement = TypeVar("Judgement", bound=Judged, covariant=True)


class Verifier(Protocol[Problem, Judgement]):
    """Runs a program and judges it: on every train example of an ARC task (collecting its
    test outputs too), or by checking what its answer to a question claims."""

    def verify(self, problem: Problem, program: Program) -> Judgement: ...


class SandboxVerifier:
    """Runs `transform` on all train and test inputs in one sandboxed process.

    Only the inputs go to the sandbox; the expected outputs stay here, and what comes back is
    plain data, validated by the domain before it is compared.
    """

    def __init__(
        self,
        domain: Domain[Any],
        timeout: float = 10.0,
        memory_mb: int = 1024,
        sandbox: Sandbox | None = None,
    ) -> None:
        self.domain = domain
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.sandbox = sandbox

    def verify(self, task: Task, program: Program) -> Verdict:
        inputs = [example.input for example in task.train + task.test]
        sandbox = self.sandbox or default_sandbox()
        results = sandbox.run(
            program.source, inputs, timeout=self.timeout, memory_mb=self.memory_mb
        )
        answers = [self._answer(result) for result in results]
        examples = [
            self._judge(index, example.output, *answers[index])
            for index, example in enumerate(task.train)
        ]
        tests = [answer for answer, _ in answers[len(task.train) :]]
        return Verdict(program_id=program.id, examples=examples, test_outputs=tests)

    def _answer(self, result: RunResult) -> tuple[object, str | None]:
        """The validated answer, or None with the reason it is unusable."""
        if not result.ok:
            return None, result.error
        try:
            return self.domain.to_answer(result.value), None
        except ValueError as error:
            return None, f"the program returned {brief(result.value)}, which is invalid: {error}"

    def _judge(
        self, index: int, expected: object, got: object, error: str | None
    ) -> ExampleVerdict:
        if error is not None:
            return ExampleVerdict(index=index, passed=False, error=error)
        score = self.domain.score(expected, got)
        return ExampleVerdict(index=index, passed=score == 1.0, score=score, output=got)


def brief(value: object, limit: int = 80) -> str:
    """repr(value), cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
