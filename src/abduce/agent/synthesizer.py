"""Synthesizers turn a hypothesis into a program, and revise a program from feedback."""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

from langchain_core.messages import AIMessage, HumanMessage

from abduce.agent.channel import ModelChannel
from abduce.agent.prompts import render, task_messages
from abduce.tasks import Domain, Task

END_OF_BLOCK = ["\n```\n"]  # stop generating once the code block closes
FENCE = re.compile(r"```[ \t]*(?:python|py)?[ \t]*\n(.*?)(?:```|\Z)", re.DOTALL | re.IGNORECASE)
Problem = TypeVar("Problem", contravariant=True)


class Synthesizer(Protocol[Problem]):
    """Writes program source for a hypothesis, and rewrites it given feedback."""

    def implement(self, problem: Problem, hypothesis: str) -> str: ...

    def revise(self, problem: Problem, hypothesis: str, source: str, feedback: str) -> str: ...


class LLMSynthesizer:
    """Asks a chat model for `def transform(grid)` implementing a hypothesis."""

    def __init__(self, channel: ModelChannel, domain: Domain[Any]) -> None:
        self.channel = channel
        self.domain = domain

    def implement(self, task: Task, hypothesis: str) -> str:
        request = HumanMessage(render("implement", hypothesis=hypothesis))
        reply = self.channel.ask([*task_messages(self.domain, task), request], stop=END_OF_BLOCK)
        return extract_code(reply)

    def revise(self, task: Task, hypothesis: str, source: str, feedback: str) -> str:
        messages = [
            *task_messages(self.domain, task),
            HumanMessage(render("implement", hypothesis=hypothesis)),
            AIMessage(f"```python\n{source}\n```"),
            HumanMessage(render("revise", feedback=feedback)),
        ]
        return extract_code(self.channel.ask(messages, stop=END_OF_BLOCK))


def extract_code(reply: str) -> str:
    """The code block that defines `transform` (else the first block, else the whole reply).

    >>> extract_code("Here:\\n```python\\ndef transform(grid):\\n    return grid\\n```")
    'def transform(grid):\\n    return grid'
    """
    blocks = [str(block).strip() for block in FENCE.findall(reply)]
    for block in blocks:
        if "def transform" in block:
            return block
    return blocks[0] if blocks else reply.strip()
