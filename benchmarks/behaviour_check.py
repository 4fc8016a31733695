"""Outputs that a refactoring must not change: the DSL search at a fixed number of evaluations
on the first ARC-AGI-1 training tasks, and the question agent on the maths benchmark's first
problems with a scripted model. Run it before and after a change; the two files must be equal.

    python benchmarks/behaviour_check.py --out runs/behaviour-before.json
    python benchmarks/behaviour_check.py --out runs/behaviour-after.json
    diff runs/behaviour-before.json runs/behaviour-after.json   # empty: behaviour unchanged

Nothing here depends on the clock: the search is bounded by evaluations, not seconds, and the
scripted model's replies depend only on the prompt it is sent.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from abduce.agent.answer import Agent
from abduce.programs.search import search
from abduce.tasks import load_arc
from abduce.tasks.maths import MathProblem, generate_problems


def search_outputs(count: int, max_evaluations: int) -> list[dict[str, Any]]:
    """What the search finds on the first `count` training tasks, with its counts."""
    tasks = load_arc("training")
    outputs = []
    for task_id in sorted(tasks)[:count]:
        found = search(tasks[task_id], seconds=1e9, max_evaluations=max_evaluations)
        outputs.append(
            {
                "task": task_id,
                "evaluations": found.evaluations,
                "levels": found.levels,
                "stopped": found.stopped,
                "candidates": [[c.source, c.description, c.test_outputs] for c in found.candidates],
            }
        )
        print(f"search {task_id}: {len(found.candidates)} candidates", flush=True)
    return outputs


class ScriptedTutor(BaseChatModel):
    """Replies from the prompt alone: a plan, then programs that return the problem's known
    answer, a wrong one, or crash, by the problem's position, so every path of the loop runs
    (verified, a disagreeing second program, a failure sent back, a revision)."""

    problems: list[MathProblem]

    @property
    def _llm_type(self) -> str:
        return "scripted-tutor"

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **_: Any
    ) -> ChatResult:
        prompt = str(messages[-1].content)
        index, problem = next(
            (i, p) for i, p in enumerate(self.problems) if p.question in _questions(messages)
        )
        if "Approach:" in prompt:
            reply = "Words: nothing to compute." if index % 7 == 6 else "Approach: compute it."
        else:
            reply = _program(index, problem.answer, prompt)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(reply))])


def _questions(messages: list[BaseMessage]) -> str:
    return "\n".join(str(message.content) for message in messages)


def _program(index: int, answer: str, prompt: str) -> str:
    revision = "did not give a checked answer" in prompt
    second = "without tools" in prompt
    try:
        value = repr(float(answer))
    except ValueError:
        value = repr(answer)
    if index % 4 == 1 and not revision:
        body = "return 1 / 0"  # crashes, then is revised
    elif index % 4 == 2 and second:
        body = f"return {value} + 1"  # a second program that disagrees
    elif index % 4 == 3:
        body = "return 'no idea'"  # nothing to check, every time
    else:
        body = f"return {value}"
    return f"```python\ndef answer():\n    {body}\n```\n"


def agent_outputs(count: int) -> list[dict[str, Any]]:
    """The agent's answers to the first `count` maths problems, without timings."""
    problems = generate_problems(200, 0)[:count]
    agent = Agent(ScriptedTutor(problems=problems), use_cache=False)
    outputs = []
    for problem in problems:
        answer = agent.ask(problem.question)
        agent.reset()
        outputs.append(answer.model_dump(mode="json", exclude={"seconds"}))
        print(f"agent {problem.id}: verified={answer.verified}", flush=True)
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--max-evaluations", type=int, default=5_000)
    parser.add_argument("--problems", type=int, default=20)
    args = parser.parse_args()
    report = {
        "agent": agent_outputs(args.problems),
        "search": search_outputs(args.tasks, args.max_evaluations),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
