"""Planners propose hypotheses: abstract descriptions of the transformation, in words."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from langchain_core.messages import AIMessage, HumanMessage

from abduce.agent.channel import BudgetExhausted, ModelChannel
from abduce.agent.models import PriorName, Proposal, Steering
from abduce.agent.prompts import render, task_messages
from abduce.errors import ModelError, ModelServerError
from abduce.programs.library import Library, library_named, library_vocabulary
from abduce.programs.search import SearchResult, search
from abduce.programs.search.hints import Hint, hint_prior
from abduce.programs.search.learned import learned_prior, weights
from abduce.programs.search.prior import Prior
from abduce.programs.search.sketches import Sketch, parse_sketch
from abduce.tasks import Domain, Example, Task

ITEM = re.compile(
    r"^\s*[-*#]*\s*(?:\*\*)?\s*(?:hypothesis|rule)?\s*(\d+)\s*(?:\*\*)?\s*[:.)-]\s*(?:\*\*)?\s*(.*)$",
    re.IGNORECASE,
)
LIKELIEST = 8  # primitives of a search's prior shown in the trace
MIN_LENGTH = 12
MAX_LENGTH = 600
SKETCH_TOKENS = 300  # a reply's cap: rules and sketches are short, and the model's time is T's
SKETCH_CELLS = 1200  # grid cells the hybrid's model reads: each a prompt token, ~1/50 s here
Problem = TypeVar("Problem", contravariant=True)


class Planner(Protocol[Problem]):
    """Proposes new hypotheses for a problem (an ARC task, a question), given those that
    already failed; an empty list means it has nothing more to offer."""

    def propose(self, problem: Problem, failed: list[str]) -> list[Proposal]: ...


class LLMPlanner:
    """Asks a chat model for several candidate rules in natural language."""

    def __init__(
        self,
        channel: ModelChannel,
        domain: Domain[Any],
        count: int = 3,
        retries: int = 1,
        library: Library | None = None,
    ) -> None:
        self.channel = channel
        self.domain = domain
        self.count = count
        self.retries = retries
        self.library = library

    def propose(self, task: Task, failed: list[str]) -> list[Proposal]:
        tried = render("tried", failures="\n".join(f"- {text}" for text in failed))
        request = render("propose", count=self.count, tried=tried if failed else "")
        messages = [*task_messages(self.domain, task, self.library), HumanMessage(request)]
        enough = [f"Hypothesis {self.count + 1}:"]
        for _ in range(self.retries + 1):
            reply = self.channel.ask(messages, stop=enough)
            hypotheses = [h for h in parse_hypotheses(reply) if h not in failed]
            if hypotheses:
                return [Proposal(text=text) for text in hypotheses[: self.count]]
            problem = "it has no new lines of the form 'Hypothesis 1: <rule>'"
            messages += [AIMessage(reply), HumanMessage(render("reask", problem=problem))]
        return []


class SearchPlanner:
    """Enumerates DSL programs; proposes those that explain every train pair, with their
    English descriptions as hypotheses. It searches only before anything has failed: a
    second search would find the same programs. Its prior is uniform or learned from the
    task's features, and a person's `hint` in words raises the primitives they name; a
    `library` of learned functions joins the DSL's primitives."""

    def __init__(
        self,
        seconds: float = 10.0,
        count: int = 3,
        max_evaluations: int | None = None,
        prior: PriorName = "learned",
        hint: str | None = None,
        library: str = "none",
    ) -> None:
        self.seconds = None if max_evaluations else seconds
        self.max_evaluations = max_evaluations
        self.prior = prior
        self.hint_text = hint
        self.library = library_named(library)
        self.vocabulary = library_vocabulary(self.library) if self.library else None
        self.count = count
        self.last: SearchResult | None = None  # what the latest search found and spent
        self.hint: Hint | None = None  # the latest hint's prior and what its words matched
        self.used: Prior | None = None  # the prior of the latest search (None: uniform)

    def propose(self, task: Task, failed: list[str]) -> list[Proposal]:
        if failed:
            return []
        return self.run(task, self.hint_text)

    def run(
        self, task: Task, hint: str | None, sketches: Sequence[Sketch] = (), spent: float = 0.0
    ) -> list[Proposal]:
        """The programs a search steered by `hint` (words) and `sketches` finds, in its
        seconds less those already `spent` on the task (by a model), when a clock bounds it."""
        prior = None if self.prior == "uniform" else learned_prior(task, weights(self.prior))
        self.hint = None
        if hint:
            self.hint = hint_prior(hint, prior)
            prior = self.hint.prior
        self.used = prior
        found = self.last = search(
            task,
            seconds=None if self.seconds is None else max(0.0, self.seconds - spent),
            max_evaluations=self.max_evaluations,
            prior=prior,
            sketches=sketches,
            vocabulary=self.vocabulary,
        )
        steering = self._steering(prior, sketches)
        return [
            Proposal(text=candidate.description, program=candidate.source, steering=steering)
            for candidate in found.candidates[: self.count]
        ]

    def _steering(self, prior: Prior | None, sketches: Sequence[Sketch]) -> Steering:
        """What steered the latest search, for the trace."""
        chances = prior.primitives if prior else {}
        likeliest = sorted(chances, key=lambda name: -chances[name])[:LIKELIEST]
        return Steering(
            prior=self.prior + (" and words" if self.hint else ""),
            likeliest=likeliest,
            words={word: list(found) for word, found in self.hint.matches.items()}
            if self.hint
            else {},
            sketches=[sketch.text for sketch in sketches],
        )


class HybridPlanner:
    """The model's guesses steer the search (HySynth; ANPL's holes): one call asks for rules
    in words and sketches over the DSL; all it wrote (DSL names, parsed or not, colours,
    numbers, and words matched to the primitives) becomes a prior mixed with the search's
    own, and the search fills the sketches' holes. It searches once, like the search; with
    a clock, in the search's seconds less the model's, so that it compares with the search
    alone at equal wall time; to leave the search some of it, the model reads the first
    train pairs only (`leading_pairs`). When the model refuses the task or its budget is
    spent, the search runs on without its words."""

    def __init__(
        self, channel: ModelChannel, domain: Domain[Any], search: SearchPlanner, count: int = 3
    ) -> None:
        self.channel = channel
        self.domain = domain
        self.searcher = search
        self.count = count
        self.sketches: list[Sketch] = []  # the latest reply's sketches that parsed
        self.failure: str | None = None  # why the latest call to the model gave no reply

    def propose(self, task: Task, failed: list[str]) -> list[Proposal]:
        if failed:
            return []
        started = time.monotonic()
        reply = self.ask(task)
        spent = time.monotonic() - started  # the model's time comes out of the search's
        blocks = re.split(r"(?im)^\W*sketch\s*\d+\W*$", reply)[1:]
        self.sketches = [sketch for block in blocks if (sketch := parse_sketch(block))]
        words = "\n".join(filter(None, (self.searcher.hint_text, reply)))  # a person's hint too
        proposals = self.searcher.run(task, words, self.sketches, spent)
        for proposal in proposals:
            if proposal.steering:
                proposal.steering.model_failed = self.failure
        return proposals

    def ask(self, task: Task) -> str:
        """The model's rules and sketches for `task`; empty when it refused the task or its
        budget is spent (`failure` says why)."""
        request = render("sketch", count=self.count)
        shown = leading_pairs(task)
        messages = [
            *task_messages(self.domain, shown, self.searcher.library),
            HumanMessage(request),
        ]
        self.failure = None
        try:
            enough = [f"Hypothesis {self.count + 1}:"]
            return self.channel.ask(messages, stop=enough, max_tokens=SKETCH_TOKENS)
        except ModelServerError:
            raise
        except (ModelError, BudgetExhausted) as error:  # search on without the model's words
            self.failure = str(error) or "the model's budget is spent"
            return ""


class ChainPlanner:
    """Asks each planner in turn, moving to the next once one has nothing more to offer."""

    def __init__(self, *planners: Planner[Task]) -> None:
        self.planners = planners

    def propose(self, task: Task, failed: list[str]) -> list[Proposal]:
        for planner in self.planners:
            proposals = planner.propose(task, failed)
            if proposals:
                return proposals
        return []


def leading_pairs(task: Task, cells: int = SKETCH_CELLS) -> Task:
    """The task as the hybrid's model sees it: its first train pairs, as many as fit in
    `cells` grid cells (at least one), and no test inputs (the search answers those)."""
    shown: list[Example] = []
    total = 0
    for example in task.train:
        total += sum(len(grid) * len(grid[0]) for grid in (example.input, example.known_output()))
        if shown and total > cells:
            break
        shown.append(example)
    return task.model_copy(update={"train": shown, "test": []})


def parse_hypotheses(reply: str) -> list[str]:
    """Numbered items of a reply ('Hypothesis 1: …', '2. …'), joined with their continuations.

    >>> parse_hypotheses("Hypothesis 1: flip the grid left to right\\n2) rotate it by 90 degrees")
    ['flip the grid left to right', 'rotate it by 90 degrees']
    """
    items: list[list[str]] = []
    open_item = False
    for line in reply.splitlines():
        match = ITEM.match(line)
        if match:
            items.append([match.group(2)])
            open_item = True
        elif not line.strip() or line.lstrip().startswith("```"):
            open_item = False
        elif open_item:
            items[-1].append(line.strip())
    texts = [" ".join(" ".join(parts).replace("**", "").split()) for parts in items]
    unique = dict.fromkeys(t[:MAX_LENGTH] for t in texts if len(t) >= MIN_LENGTH)
    return list(unique)
