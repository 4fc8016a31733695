"""A family of generated tasks: one concept, the DSL program that solves it, and its pairs."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from abduce.tasks.generate.canvas import Pair

PairMaker = Callable[[Random], Pair]


@dataclass(frozen=True)
class Family:
    """An ARC concept: its kebab-case name, a one-line description, the program (Python over
    the DSL, as the sandbox runs it) that solves every task of the family, and the maker of
    its random input/output pairs."""

    name: str
    description: str
    program: str
    make_pair: PairMaker


def family(name: str, description: str, body: str) -> Callable[[PairMaker], Family]:
    """Turn the decorated pair maker into a family whose program's `transform` runs `body`."""
    program = (
        "from dsl import *\n\n\ndef transform(grid):\n"
        + textwrap.indent(textwrap.dedent(body).strip(), "    ")
        + "\n"
    )
    return lambda make_pair: Family(name, description, program, make_pair)
