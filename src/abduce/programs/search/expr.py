"""Programs found by the search: expression trees over DSL primitives, shown as Python and
as English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

INPUT = "grid"
APPLICATION_COST = 2
LITERAL_COST = 1
MAX_SHOWN = 10  # table entries spelled out in a description


@dataclass(frozen=True)
class Expr:
    """A primitive applied to argument expressions, the task input, or a literal value.

    >>> flip = Expr("flip_lr", (Expr(INPUT),))
    >>> print(to_python(flip))
    from dsl import *
    <BLANKLINE>
    <BLANKLINE>
    def transform(grid):
        x1 = flip_lr(Grid(grid))
        return x1.to_list()
    """

    op: str
    args: tuple[Expr, ...] = ()
    literal: object = field(default=None, compare=True)

    @property
    def is_literal(self) -> bool:
        return self.op == "literal"

    @property
    def size(self) -> int:
        """Number of primitive applications."""
        if self.op in (INPUT, "literal"):
            return 0
        return 1 + sum(arg.size for arg in self.args)

    @property
    def cost(self) -> int:
        """What the search pays for the expression: 2 per application, 1 per literal."""
        if self.op == INPUT:
            return 0
        if self.is_literal:
            return LITERAL_COST
        return APPLICATION_COST + sum(arg.cost for arg in self.args)


def literal(value: object) -> Expr:
    return Expr("literal", (), value)


def evaluate(expr: Expr, grid: object, primitives: dict[str, Callable[..., object]]) -> object:
    """Run `expr` on one input grid, in process (DSL code only)."""
    if expr.op == INPUT:
        return grid
    if expr.is_literal:
        return expr.literal
    return primitives[expr.op](*(evaluate(arg, grid, primitives) for arg in expr.args))


def steps(expr: Expr) -> list[Expr]:
    """The primitive applications of `expr`, each once, arguments before their users."""
    seen: dict[Expr, None] = {}

    def visit(node: Expr) -> None:
        if node.op in (INPUT, "literal") or node in seen:
            return
        for arg in node.args:
            visit(arg)
        seen[node] = None

    visit(expr)
    return list(seen)


def to_python(expr: Expr) -> str:
    """`def transform(grid)` computing `expr` with the DSL, as the sandbox runs it."""
    names: dict[Expr, str] = {Expr(INPUT): "Grid(grid)"}
    lines = []
    for index, step in enumerate(steps(expr), start=1):
        args = ", ".join(names.get(arg) or repr(arg.literal) for arg in step.args)
        names[step] = f"x{index}"
        lines.append(f"    x{index} = {step.op}({args})")
    result = names[expr] if expr.op != INPUT else "Grid(grid)"
    body = "\n".join(lines)
    return f"from dsl import *\n\n\ndef transform(grid):\n{body}\n    return {result}.to_list()"


def describe(expr: Expr, phrases: dict[str, str]) -> str:
    """The steps in English, from the primitives' docstrings, with literal arguments named.

    >>> describe(Expr("flip_lr", (Expr(INPUT),)), {"flip_lr": "Flip the grid left to right."})
    'flip the grid left to right'
    """
    parts = []
    for step in steps(expr):
        phrase = phrases.get(step.op, step.op).rstrip(".")
        phrase = phrase[:1].lower() + phrase[1:]
        values = [
            _show(arg.literal)
            for arg in step.args
            if arg.is_literal and not isinstance(arg.literal, bool)
        ]
        parts.append(f"{phrase} ({', '.join(values)})" if values else phrase)
    return ", then ".join(parts) if parts else "keep the grid as it is"


def _show(value: object) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        if len(value) > MAX_SHOWN or any(key > 9 for key, _ in value):
            return f"a table of {len(value)} entries learned from the examples"
        return ", ".join(f"{a}→{b}" for a, b in value)
    return repr(value)
