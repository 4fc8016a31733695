"""The loop: propose hypotheses, implement them, verify, feed failures back, for any kind of
problem. Solver runs it on ARC tasks and selects attempts; Agent (agent/answer.py) runs it on
questions."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from abduce.agent.channel import BudgetExhausted, ModelChannel
from abduce.agent.feedback import Feedback, describe_failures
from abduce.agent.llm import LLMSpec, Server, default_spec, make_llm
from abduce.agent.models import Budget, Hypothesis, Judged, Program, Steering, Verdict
from abduce.agent.planner import (
    ChainPlanner,
    HybridPlanner,
    LLMPlanner,
    Planner,
    SearchPlanner,
)
from abduce.agent.selector import Selector, VoteSelector
from abduce.agent.solution import Solution
from abduce.agent.synthesizer import LLMSynthesizer, Synthesizer
from abduce.agent.trace import Trace
from abduce.agent.verifier import SandboxVerifier, Verifier
from abduce.errors import ModelError, ModelServerError, UsageError
from abduce.programs.library import library_named
from abduce.programs.search.corpus import primitives_used
from abduce.programs.search.learned import learned_prior, searchable_names, weights
from abduce.tasks import ArcDomain, Domain, Task

PLANNERS = ("both", "llm", "search", "hybrid")
# Result lines record a planner with its version when it changed, so that runs of an old and a
# new one are never mixed in a results file: 'both' became search, hybrid, then the LLM loop
# (2), and then skipped the hybrid with the local model, which loses to the search alone (3).
PLANNER_VERSIONS = {"both": 3}
BOTH_SEARCH_SHARE = 0.5  # of the search budget, for the plain search before the hybrid one
Problem = TypeVar("Problem")
Judgement = TypeVar("Judgement", bound=Judged)


class Loop(Generic[Problem, Judgement]):
    """Hypothesis → program → verdict → feedback → revision, until enough programs pass, the
    planner has nothing more to offer or the budget is spent. A proposal that brings its own
    program (found by search) is verified as it is."""

    def __init__(
        self,
        planner: Planner[Problem],
        synthesizer: Synthesizer[Problem] | None,
        verifier: Verifier[Problem, Judgement],
        feedback: Feedback[Problem, Judgement],
        budget: Budget,
        channel: ModelChannel | None,
    ) -> None:
        self.planner = planner
        self.synthesizer = synthesizer
        self.verifier = verifier
        self.feedback = feedback
        self.budget = budget
        self.channel = channel

    def run(self, problem: Problem, run: Run[Judgement]) -> str:
        """Record every hypothesis, program and verdict in `run`; say why the loop stopped.
        A model error propagates: the caller decides whether it ends the problem or more."""
        if self.channel:
            self.channel.start(self.budget)
        try:
            return self._search(problem, run)
        except BudgetExhausted:
            return "budget spent"

    def _search(self, problem: Problem, run: Run[Judgement]) -> str:
        while not self._exhausted(run):
            proposals = self.planner.propose(problem, run.failed)
            if not proposals:
                return "no more hypotheses"
            for proposal in proposals:
                text = proposal.text
                hypothesis = run.add_hypothesis(text, proposal.steering)
                if proposal.program is not None:  # found by search: verified as it is
                    verdict = self._verify(problem, run, proposal.program, hypothesis, None)
                else:
                    verdict = self._implement(problem, run, hypothesis)
                if not verdict.passed:
                    run.failed.append(text)
                elif proposal.program is None and self._enough(run):
                    return "solved train examples"  # no more model calls needed
            if self._enough(run):
                return "solved train examples"
        return "budget spent"

    def _implement(
        self, problem: Problem, run: Run[Judgement], hypothesis: Hypothesis
    ) -> Judgement:
        """Write a program for the hypothesis, then revise it from feedback until it passes
        (or the feedback says there is nothing to revise)."""
        if self.synthesizer is None:
            raise UsageError("a hypothesis without a program needs a synthesizer to write one")
        text = hypothesis.text
        source = self.synthesizer.implement(problem, text)
        verdict = self._verify(problem, run, source, hypothesis, None)
        for _ in range(self.budget.revisions):
            if verdict.passed:
                break
            feedback = self.feedback(problem, verdict)
            if feedback is None:
                break
            source = self.synthesizer.revise(problem, text, source, feedback)
            verdict = self._verify(problem, run, source, hypothesis, verdict.program_id)
        return verdict

    def _verify(
        self,
        problem: Problem,
        run: Run[Judgement],
        source: str,
        hypothesis: Hypothesis,
        revised_from: str | None,
    ) -> Judgement:
        verdict = self.verifier.verify(problem, run.add_program(source, hypothesis, revised_from))
        run.add_verdict(verdict)
        return verdict

    def _enough(self, run: Run[Judgement]) -> bool:
        return run.passing >= self.budget.enough_passing

    def _exhausted(self, run: Run[Judgement]) -> bool:
        if self.channel:
            return self.channel.exhausted()
        return time.monotonic() - run.started >= self.budget.max_seconds


class Run(Generic[Judgement]):
    """Bookkeeping for one problem: ids, the trace, every verdict and the failed hypotheses."""

    def __init__(self, problem_id: str) -> None:
        self.started = time.monotonic()
        self.trace = Trace(problem_id)
        self.verdicts: list[Judgement] = []
        self.hypotheses: dict[str, Hypothesis] = {}
        self.programs: dict[str, Program] = {}
        self.failed: list[str] = []
        self.steerings: dict[str, str] = {}  # each search's steering (as JSON) -> its node

    @property
    def passing(self) -> int:
        return sum(verdict.passed for verdict in self.verdicts)

    def add_hypothesis(self, text: str, steering: Steering | None = None) -> Hypothesis:
        hypothesis = Hypothesis(id=f"h{len(self.hypotheses) + 1}", text=text)
        self.hypotheses[hypothesis.id] = hypothesis
        node = None
        if steering is not None:
            key = steering.model_dump_json()
            node = self.steerings.get(key) or self.trace.add_steering(steering)
            self.steerings[key] = node
        self.trace.add_hypothesis(hypothesis, node)
        return hypothesis

    def add_program(self, source: str, hypothesis: Hypothesis, revised_from: str | None) -> Program:
        program = Program(
            id=f"p{len(self.programs) + 1}",
            hypothesis_id=hypothesis.id,
            source=source,
            revised_from=revised_from,
        )
        self.programs[program.id] = program
        self.trace.add_program(program)
        return program

    def add_verdict(self, verdict: Judgement) -> None:
        self.verdicts.append(verdict)
        self.trace.add_verdict(verdict)


class Solver:
    """Solves tasks with planners (DSL search, an LLM, or search then LLM), a synthesizer,
    a sandbox verifier and a selector. `planner="search"` never loads a model; `server` sets
    the request timeout and retries of a model server; a `hint` in words steers the search
    (see `SearchPlanner`). `both` searches, then lets the model steer a second search
    (`HybridPlanner`), then asks it for programs; with the local model, whose call on 2 cores
    outlasts the search's time, it skips the steered search (benchmarks/RESULTS.md)."""

    def __init__(
        self,
        llm: LLMSpec = None,
        *,
        budget: Budget | None = None,
        domain: Domain[Any] | None = None,
        seed: int = 0,
        use_cache: bool = True,
        planner: Planner[Task] | str = "both",
        synthesizer: Synthesizer[Task] | None = None,
        verifier: Verifier[Task, Verdict] | None = None,
        selector: Selector | None = None,
        server: Server | None = None,
        hint: str | None = None,
    ) -> None:
        self.budget = budget or Budget()
        if hint and planner == "llm":
            raise UsageError(
                "a hint steers the search: use the planner 'search', 'both' or 'hybrid'"
            )
        self.hint = hint
        self.domain: Domain[Any] = domain or ArcDomain()
        if isinstance(planner, str) and planner not in PLANNERS:
            raise UsageError(f"unknown planner {planner!r}; choose one of {', '.join(PLANNERS)}")
        self.channel: ModelChannel | None = None
        self.local = llm == "local" or (llm is None and default_spec() == "local")
        self.library = library_named(self.budget.library)  # learned functions, if any
        if planner != "search":
            self.channel = ModelChannel(
                make_llm(llm, seed=seed, use_cache=use_cache, server=server)
            )
        self.search: SearchPlanner | None = None  # the first search (the only one but in both)
        self.searches: list[SearchPlanner] = []
        self.planner_name = (
            planner_label(planner) if isinstance(planner, str) else type(planner).__name__
        )
        self.model_name = solver_name(llm, planner if isinstance(planner, str) else "")
        self.planner = self._planner(planner)
        if synthesizer is None and self.channel is not None:
            synthesizer = LLMSynthesizer(self.channel, self.domain, self.library)
        self.synthesizer = synthesizer
        self.verifier = verifier or SandboxVerifier(self.domain)
        self.selector = selector or VoteSelector()
        self.loop = Loop(
            self.planner, synthesizer, self.verifier, self._feedback, self.budget, self.channel
        )

    def _planner(self, planner: Planner[Task] | str) -> Planner[Task]:
        if not isinstance(planner, str):
            return planner
        steered = planner == "both" and not self.local  # the hybrid's turn within 'both'
        share = BOTH_SEARCH_SHARE if steered else 1.0
        search = self.search = self._search_planner(share)
        if self.channel is None:
            return search
        count = self.budget.hypotheses_per_round
        llm = LLMPlanner(self.channel, self.domain, count, library=self.library)
        if planner == "llm":
            return llm
        if planner == "both" and not steered:
            return ChainPlanner(search, llm)
        second = self._search_planner(1.0 - share) if steered else search
        hybrid = HybridPlanner(self.channel, self.domain, second, count)
        return hybrid if planner == "hybrid" else ChainPlanner(search, hybrid, llm)

    def _search_planner(self, share: float) -> SearchPlanner:
        """A search with `share` of the budget's seconds or evaluations."""
        evaluations = self.budget.max_evaluations
        search = SearchPlanner(
            self.budget.search_seconds * share,
            self.budget.hypotheses_per_round,
            None if evaluations is None else max(1, int(evaluations * share)),
            self.budget.prior,
            self.hint,
            self.budget.library,
        )
        self.searches.append(search)
        return search

    def solve(self, task: Task) -> Solution:
        """Search for a program that explains every train example; answer the test inputs.
        A fault of the model's server propagates: the task did not finish."""
        run: Run[Verdict] = Run(task.id)
        for search in self.searches:
            search.last = None
        try:
            stopped = self.loop.run(task, run)
        except ModelServerError:
            raise
        except ModelError as error:  # the model refusing this task ends the task, not the run
            stopped = f"error: {error}"
        return self._solution(task, run, stopped)

    def _feedback(self, task: Task, verdict: Verdict) -> str:
        return describe_failures(task, verdict, self.domain)

    def _solution(self, task: Task, run: Run[Verdict], stopped: str) -> Solution:
        attempts = self.selector.select(task, run.verdicts)
        best = max(run.verdicts, key=lambda v: (v.passed, v.accuracy), default=None)
        program = run.programs[best.program_id] if best else None
        expected = [example.output for example in task.test]
        searched = [search.last for search in self.searches if search.last]
        if program and searched:
            run.trace.add_ranks(program.id, self._ranks(task, program.source))
        correct = None
        if all(output is not None for output in expected):
            correct = all(want in tries for want, tries in zip(expected, attempts, strict=True))
        return Solution(
            task_id=task.id,
            attempts=attempts,
            hypothesis=run.hypotheses[program.hypothesis_id].text if program else None,
            program=program.source if program else None,
            verdicts=best.examples if best else [],
            passed_train=bool(best and best.passed),
            correct=correct,
            stopped=stopped,
            llm_calls=self.channel.calls if self.channel else 0,
            tokens_in=self.channel.tokens_in if self.channel else 0,
            tokens_out=self.channel.tokens_out if self.channel else 0,
            seconds=round(time.monotonic() - run.started, 3),
            model_seconds=round(self.channel.waited, 3) if self.channel else 0.0,
            model=self.model_name,
            evaluations=sum(result.evaluations for result in searched),
            levels=max((result.levels for result in searched), default=0),
            trace=run.trace,
        )

    def _ranks(self, task: Task, source: str) -> dict[str, dict[str, int]]:
        """Where the searched primitives of `source` rank (1 = likeliest, ties share) under
        the uniform and the learned prior (the budget's weights file, if it names one), and
        under each steered search's prior."""
        learned = "learned" if self.budget.prior == "uniform" else self.budget.prior
        priors: dict[str, Mapping[str, float]] = {
            "uniform": {},
            "learned": learned_prior(task, weights(learned)).primitives,
        }
        for search in self.searches:
            if search.hint and search.used:
                priors[f"{search.prior} and words"] = search.used.primitives
        names = set(searchable_names())
        used = [name for name in primitives_used(source) if name in names]
        return {
            label: {
                name: 1 + sum(p > chances.get(name, 0.0) for p in chances.values()) for name in used
            }
            for label, chances in priors.items()
        }


def solver_name(llm: LLMSpec, planner: str) -> str:
    """What results record as the model: the LLM spec, 'dsl-search', or 'dsl-search+<spec>'."""
    if planner == "search":
        return "dsl-search"
    name = llm if isinstance(llm, str) else default_spec() if llm is None else type(llm).__name__
    return f"dsl-search+{name}" if planner in ("both", "hybrid") else name


def planner_label(planner: str) -> str:
    """What results record as the planner: its name, and its version once it changed."""
    version = PLANNER_VERSIONS.get(planner)
    return f"{planner}/{version}" if version else planner


def solve(
    task: Task, llm: LLMSpec = None, *, budget: Budget | None = None, **options: Any
) -> Solution:
    """Solve one task with a fresh Solver (see Solver for the options)."""
    return Solver(llm, budget=budget, **options).solve(task)
