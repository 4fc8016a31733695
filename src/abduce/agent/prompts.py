"""Prompts are data files in `prompts/`; this module fills them in."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from string import Template

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from abduce.tasks import Domain, Task

PROMPTS = files("abduce.agent").joinpath("prompts")


@cache
def _template(name: str) -> Template:
    return Template(PROMPTS.joinpath(f"{name}.md").read_text(encoding="utf-8"))


def render(name: str, **values: object) -> str:
    """The prompt file `name` with its $placeholders filled in."""
    return _template(name).substitute(values).strip()


def task_messages(domain: Domain, task: Task) -> list[BaseMessage]:
    """The shared prefix of every call for a task, so a local model reuses its KV cache."""
    return [
        SystemMessage(render("system")),
        HumanMessage(render("task", task=domain.describe_task(task))),
    ]


@cache
def prompt_hash() -> str:
    """A short hash of every prompt file, recorded with benchmark results."""
    digest = hashlib.sha256()
    for path in sorted(PROMPTS.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".md"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]
