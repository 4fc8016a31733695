"""Programs found by the search: expression trees over DSL primitives, shown as Python and
as English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
        if self.op == INPUT:
            return 0
        if self.is_literal:
            return self.literal.size if isinstance(self.literal, Expr) else 0
        return 1 + sum(arg.size for arg in self.args)

    @property
    def cost(self) -> int:
        """What the search pays for the expression: 2 per application, 1 per literal (a
        sub-program costs what its own expression does)."""
        if self.op == INPUT:
            return 0
        if self.is_literal:
            return self.literal.cost if isinstance(self.literal, Expr) else LITERAL_COST
        return APPLICATION_COST + sum(arg.cost for arg in self.args)


def literal(value: object) -> Expr:
    """A constant argument; an `Expr` as the value is a sub-program, a function of its own
    input grid (the map primitives take one)."""
    return Expr("literal", (), value)


def replaced(expr: Expr, marker: str, part: Expr) -> Expr:
    """`expr` with each `Expr(marker)` in it replaced by `part`."""
    if expr.op == marker:
        return part
    if not expr.args:
        return expr
    return Expr(expr.op, tuple(replaced(arg, marker, part) for arg in expr.args), expr.literal)


def evaluate(expr: Expr, grid: object, primitives: dict[str, Callable[..., object]]) -> object:
    """Run `expr` on one input grid, in process (DSL code only)."""
    if expr.op == INPUT:
        return grid
    if expr.is_literal:
        if isinstance(expr.literal, Expr):
            program = expr.literal
            return lambda part: evaluate(program, part, primitives)
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


def to_python(expr: Expr, learned: Mapping[str, str] | None = None) -> str:
    """`def transform(grid)` computing `expr` with the DSL, as the sandbox runs it; each
    sub-program is a `def` of its own before it, on and to `Grid` values, and so is each
    learned function it calls (`learned` maps their names to their Python).

    >>> part = literal(Expr("flip_lr", (Expr(INPUT),)))
    >>> print(to_python(Expr("map_parts", (Expr(INPUT), part))))
    from dsl import *
    <BLANKLINE>
    <BLANKLINE>
    def program1(grid):
        x1 = flip_lr(grid)
        return x1
    <BLANKLINE>
    <BLANKLINE>
    def transform(grid):
        x1 = map_parts(Grid(grid), program1)
        return x1.to_list()
    """
    functions: dict[Expr, str] = {}
    called = {step.op for part in [expr, *_sub_programs(expr)] for step in steps(part)}
    definitions = [source for name, source in (learned or {}).items() if name in called]
    for program in _sub_programs(expr):
        functions[program] = f"program{len(functions) + 1}"
        body, result = _body(program, "grid", functions)
        definitions.append(f"def {functions[program]}(grid):\n{body}    return {result}\n")
    body, result = _body(expr, "Grid(grid)", functions)
    definitions.append(f"def transform(grid):\n{body}    return {result}.to_list()")
    return "from dsl import *\n\n\n" + "\n\n".join(definitions)


def _sub_programs(expr: Expr) -> list[Expr]:
    """The sub-programs `expr` passes as arguments, each once, inner ones first."""
    found: dict[Expr, None] = {}
    for step in steps(expr):
        for arg in step.args:
            if arg.is_literal and isinstance(arg.literal, Expr):
                found.update(dict.fromkeys(_sub_programs(arg.literal)))
                found[arg.literal] = None
    return list(found)


def _body(expr: Expr, source: str, functions: dict[Expr, str]) -> tuple[str, str]:
    """The assignment lines computing `expr` from the input named `source`, and the name of
    its result."""
    names: dict[Expr, str] = {Expr(INPUT): source}
    lines = []
    for index, step in enumerate(steps(expr), start=1):
        args = ", ".join(_argument(arg, names, functions) for arg in step.args)
        names[step] = f"x{index}"
        lines.append(f"    x{index} = {step.op}({args})\n")
    return "".join(lines), names[expr] if expr.op != INPUT else source


def _argument(arg: Expr, names: dict[Expr, str], functions: dict[Expr, str]) -> str:
    if arg.is_literal:
        return functions[arg.literal] if isinstance(arg.literal, Expr) else repr(arg.literal)
    return names[arg]


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
            if arg.is_literal and not isinstance(arg.literal, bool | Expr)
        ]
        programs = [
            describe(arg.literal, phrases)
            for arg in step.args
            if arg.is_literal and isinstance(arg.literal, Expr)
        ]
        phrase = f"{phrase} ({', '.join(values)})" if values else phrase
        parts.append(f"{phrase}: {'; '.join(programs)}" if programs else phrase)
    return ", then ".join(parts) if parts else "keep the grid as it is"


def _show(value: object) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        if len(value) > MAX_SHOWN or any(key > 9 for key, _ in value):
            return f"a table of {len(value)} entries learned from the examples"
        return ", ".join(f"{a}→{b}" for a, b in value)
    return repr(value)
