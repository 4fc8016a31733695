"""Prompts are data files in `prompts/`; this module fills them in."""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from string import Template
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from abduce.programs import dsl
from abduce.programs.library import Library
from abduce.tasks import Domain, Task, format_grid
from abduce.tools import Tool, all_tools

PROMPTS = files("abduce.agent").joinpath("prompts")


@cache
def _template(name: str) -> Template:
    return Template(PROMPTS.joinpath(f"{name}.md").read_text(encoding="utf-8"))


def render(name: str, **values: object) -> str:
    """The prompt file `name` with its $placeholders filled in."""
    return _template(name).substitute(values).strip()


def signature_line(function: Callable[..., object]) -> str:
    """`name(params) -> result: first docstring line`, as a model reads it."""
    signature = str(inspect.signature(function)).replace("'", "")
    doc = (inspect.getdoc(function) or "").splitlines()[0]
    return f"{function.__name__}{signature}: {doc}"


@cache
def dsl_reference() -> str:
    """Every DSL function as `name(params) -> result: docstring`, grouped by module.

    >>> dsl_reference().splitlines()[1]
    'rotate_90(grid: Grid) -> Grid: Rotate the grid a quarter turn clockwise.'
    """
    lines = []
    for module in dsl.MODULES:
        functions = [getattr(module, name) for name in module.__all__]
        functions = [f for f in functions if inspect.isfunction(f)]
        if functions:
            lines.append(f"# {module.__name__.rsplit('.', 1)[1]}")
        lines += [signature_line(function) for function in functions]
    return "\n".join(lines)


def library_reference(library: Library) -> str:
    """The learned functions as the DSL reference lists the DSL's own."""
    lines = [f"{function.signature}: {function.phrase}" for function in library.functions]
    return "\n".join(["# learned from solved tasks", *lines])


def task_messages(
    domain: Domain[Any], task: Task, library: Library | None = None
) -> list[BaseMessage]:
    """The shared prefix of every call for a task, so a local model reuses its KV cache
    (the long DSL reference in the system message is evaluated once per process), with a
    `library`'s functions after the DSL's own."""
    reference = dsl_reference()
    if library and library.functions:
        reference += "\n" + library_reference(library)
    return [
        SystemMessage(render("system", dsl=reference)),
        HumanMessage(render("task", task=domain.describe_task(task))),
    ]


@cache
def prompt_hash() -> str:
    """A short hash of every prompt file and of how a grid is written in them, recorded
    with benchmark results."""
    digest = hashlib.sha256(format_grid([[0, 1], [2, 3]]).encode())
    for path in sorted(PROMPTS.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".md"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def ask_system() -> str:
    """The question agent's system prompt: the computing tools (not the checks, which are the
    verifier's) as the sandbox imports them."""
    from abduce.programs.symbolic import algebra, graphs, matrices, number_theory

    lines = []
    for module in (algebra, matrices, number_theory, graphs):
        lines.append(f"# from {module.__name__.removeprefix('abduce.programs.')} import ...")
        lines += [signature_line(getattr(module, name)) for name in module.__all__]
    plugins = plugin_tools()
    if plugins:
        lines.append("# installed plugins' tools: already defined, call them without importing")
        lines += [signature_line(tool.function) for tool in plugins]
    return render("ask_system", tools="\n".join(lines))


def plugin_tools() -> list[Tool]:
    """The tools of installed plugins, which the agent's programs get defined for them."""
    return [tool for tool in all_tools() if not tool.function.__module__.startswith("abduce.")]
