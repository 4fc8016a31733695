"""Sketches: short programs over the DSL, written by a model or a person, that may leave one
part open for the search to fill (ANPL's holes in precise code).

A sketch is lines `x1 = f(x0, ...)`, x0 the input grid and the last line's variable the
output; `hole()` stands for an expression the writer is unsure of. The search fills the hole
with each typed expression it enumerates, cheapest under the prior first, and keeps the
filled program if it reproduces every train pair; a sketch without a hole is checked as it is.

>>> sketch = parse_sketch("x1 = hole()\\nx2 = flip_up_down(x1)")
>>> sketch.hole.__name__
'Grid'
>>> trimmed = Expr("trim", (Expr(INPUT),))
>>> fill(sketch.expr, trimmed) == Expr("flip_up_down", (trimmed,))
True
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache

from abduce.programs import dsl
from abduce.programs.dsl import Grid
from abduce.programs.search.expr import INPUT, Expr, literal, replaced
from abduce.programs.search.vocabulary import Primitive, primitives

HOLE = "hole"
INPUT_NAMES = frozenset({"x0", "grid", "x", "I"})
LINE = re.compile(r"^\s*(x\d+)\s*=\s*(.+?)\s*$")


@dataclass(frozen=True)
class Sketch:
    """A program with at most one `Expr(HOLE)` in it, and the type the hole must have."""

    expr: Expr
    hole: object | None  # None: nothing to fill
    text: str = ""  # its lines, as written


def parse_sketch(text: str) -> Sketch | None:
    """The sketch in `text`'s `xN = ...` lines, if they all parse into calls of DSL
    primitives (positional arguments: earlier variables, whole numbers, True/False, calls,
    `hole()`) with at most one hole; None otherwise."""
    known = _dsl()
    names: dict[str, Expr] = {}
    last = None
    lines = []
    for line in text.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        lines.append(line.strip())
        try:
            value = ast.parse(match.group(2), mode="eval").body
            names[match.group(1)] = last = _expr(value, names, known)
        except (SyntaxError, ValueError):
            return None
    if last is None:
        return None
    found = _holes(last, Grid, known)
    if len(found) > 1:
        return None
    return Sketch(last, found[0] if found else None, "\n".join(lines))


def fill(expr: Expr, part: Expr) -> Expr:
    """`expr` with its hole replaced by `part`."""
    return replaced(expr, HOLE, part)


def _expr(node: ast.expr, names: dict[str, Expr], known: dict[str, Primitive]) -> Expr:
    if isinstance(node, ast.Name):
        if node.id in INPUT_NAMES:
            return Expr(INPUT)
        if node.id in names:
            return names[node.id]
        raise ValueError(f"unknown name {node.id}")
    if isinstance(node, ast.Constant) and isinstance(node.value, bool | int):
        return literal(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        if node.func.id == HOLE and not node.args:
            return Expr(HOLE)
        if node.func.id == "Grid" and len(node.args) == 1:  # as in `transform`: Grid(grid)
            return _expr(node.args[0], names, known)
        primitive = known.get(node.func.id)
        if primitive is None or len(node.args) != len(primitive.params):
            raise ValueError(f"not a DSL call: {node.func.id}")
        return Expr(primitive.name, tuple(_expr(arg, names, known) for arg in node.args))
    raise ValueError("not a DSL expression")


def _holes(expr: Expr, kind: object, known: dict[str, Primitive]) -> list[object]:
    """The type of each hole in `expr`, which must have type `kind`."""
    if expr.op == HOLE:
        return [kind]
    if expr.op == INPUT or expr.is_literal:
        return []
    params = known[expr.op].params
    return [
        hole
        for arg, param in zip(expr.args, params, strict=True)
        for hole in _holes(arg, param, known)
    ]


@cache
def _dsl() -> dict[str, Primitive]:
    return primitives(dsl)
