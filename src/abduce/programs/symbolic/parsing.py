"""Parsing of model-written maths: `2x`, `x^2`, `sin^2 x`; `lhs = rhs` for equations.

Juxtaposition multiplies (`2x`, `x y`), but a multi-letter name stays one symbol (`rate`), so
word-problem variables keep their names. SymPy's parser evaluates Python: parse text written
by a model only inside the sandbox.
"""

from __future__ import annotations

import math
import re

import sympy
from sympy.parsing.sympy_parser import (
    convert_xor,
    function_exponentiation,
    implicit_application,
    implicit_multiplication,
    parse_expr,
    standard_transformations,
)

TRANSFORMATIONS = standard_transformations + (
    convert_xor,
    implicit_multiplication,
    implicit_application,
    function_exponentiation,
)


def expression(text: str | int | float, evaluate: bool = True) -> sympy.Expr:
    """The expression written in `text` (a number is taken as written, float('inf') as oo);
    ValueError if it is empty or not an expression."""
    if isinstance(text, float) and math.isinf(text):
        return sympy.oo if text > 0 else -sympy.oo
    text = str(text)
    if not text.strip():
        raise ValueError(f"cannot parse {text!r}: it is empty")
    try:
        parsed = parse_expr(text, transformations=TRANSFORMATIONS, evaluate=evaluate)
    except Exception as error:  # SyntaxError, TokenError, TypeError...: all mean bad input
        raise ValueError(f"cannot parse {text!r}: {error}") from None
    if not isinstance(parsed, sympy.Expr):
        raise ValueError(f"cannot parse {text!r}: not an expression")
    return parsed


def equation(text: str) -> sympy.Expr:
    """`lhs = rhs` or `lhs == rhs` as lhs - (rhs); a bare expression stands for `expr = 0`."""
    sides = re.split(r"==?", text)
    if len(sides) > 2 or re.search("[<>!]", text):
        raise ValueError(f"cannot parse {text!r}: an equation has one '=' and no <, >, !")
    if len(sides) == 1:
        return expression(text)
    return expression(sides[0].strip()) - expression(sides[1].strip())


def inequality(text: str) -> sympy.Rel:
    """`lhs < rhs` (or <=, >, >=) as a sympy relation."""
    sides = re.split(r"(<=|>=|<|>)", text)
    if len(sides) != 3:
        raise ValueError(f"cannot parse {text!r}: an inequality has one of <, <=, >, >=")
    lhs, operator, rhs = sides
    return sympy.Rel(expression(lhs.strip()), expression(rhs.strip()), operator)


def symbol(name: str) -> sympy.Symbol:
    """The symbol called `name`; ValueError unless it is an identifier."""
    if not name.strip().isidentifier():
        raise ValueError(f"not a symbol name: {name!r}")
    return sympy.Symbol(name.strip())
