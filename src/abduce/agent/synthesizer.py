"""Synthesizers turn a hypothesis into a program, and revise a program from feedback."""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

from langchain_core.messages import AIMessage, HumanMessage

from abduce.agent.channel import ModelChannel
from abduce.agent.prompts import render, task_messages
from abduce.programs.library import Library
from abduce.tasks import Domain, Task

END_OF_BLOCK = ["\n```\n"]  # stop generating once the code block closes
FENCE = re.compile(r"```[ \t]*(?:python|py)?[ \t]*\n(.*?)(?:```|\Z)", re.DOTALL | re.IGNORECASE)
Problem = TypeVar("Problem", contravariant=True)


class Synthesizer(Protocol[Problem]):
    """Writes program source for a hypothesis, and rewrites it given feedback."""

    def implement(self, problem: Problem, hypothesis: str) -> str: ...

    def revise(self, problem: Problem, hypothesis: str, source: str, feedback: str) -> str: ...


class LLMSynthesizer:
    """Asks a chat model for `def transform(grid)` implementing a hypothesis; with a
    `library`, the model may call its functions, whose definitions the program then carries."""

    def __init__(
        self, channel: ModelChannel, domain: Domain[Any], library: Library | None = None
    ) -> None:
        self.channel = channel
        self.domain = domain
        self.library = library

    def implement(self, task: Task, hypothesis: str) -> str:
        request = HumanMessage(render("implement", hypothesis=hypothesis))
        prefix = task_messages(self.domain, task, self.library)
        return self._code(self.channel.ask([*prefix, request], stop=END_OF_BLOCK))

    def revise(self, task: Task, hypothesis: str, source: str, feedback: str) -> str:
        messages = [
            *task_messages(self.domain, task, self.library),
            HumanMessage(render("implement", hypothesis=hypothesis)),
            AIMessage(f"```python\n{source}\n```"),
            HumanMessage(render("revise", feedback=feedback)),
        ]
        return self._code(self.channel.ask(messages, stop=END_OF_BLOCK))

    def _code(self, reply: str) -> str:
        code = extract_code(reply)
        return self.library.carried(code) if self.library else code


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
