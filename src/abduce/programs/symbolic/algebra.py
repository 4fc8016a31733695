"""SymPy algebra and calculus on expression strings, with results as strings in SymPy's syntax.

Expressions are parsed by `parsing`: `2x`, `x^2` and `sin^2 x` work, and an equation is
`lhs = rhs` or a bare expression meaning `expression = 0`.
"""

from __future__ import annotations

from typing import Literal

import sympy

from . import parsing

__all__ = [
    "solve",
    "solve_system",
    "solve_inequality",
    "simplify",
    "factor",
    "expand",
    "differentiate",
    "integrate",
    "limit",
    "series",
    "equivalent",
    "evaluate",
]


def solve(equation: str, symbol: str = "x") -> list[str]:
    """All real and complex solutions of one equation such as 'x^2 = 4' for `symbol`."""
    expression, unknown = parsing.equation(equation), parsing.symbol(symbol)
    if unknown not in expression.free_symbols:
        raise ValueError(f"{symbol} does not appear in {equation!r}")
    try:
        roots = sympy.solve(expression, unknown)
    except NotImplementedError:
        found = sympy.solveset(expression, unknown)
        if not isinstance(found, sympy.FiniteSet):
            raise ValueError(f"no finite list of solutions of {equation!r}: {found}") from None
        roots = list(found)
    return [str(root) for root in sorted(roots, key=sympy.default_sort_key)]


def solve_system(equations: list[str], symbols: list[str]) -> list[dict[str, str]]:
    """Solutions of a system of equations, each a map from symbol name to value."""
    expressions = [parsing.equation(text) for text in equations]
    unknowns = [parsing.symbol(name) for name in symbols]
    solutions = sympy.solve(expressions, unknowns, dict=True)
    return [{str(key): str(value) for key, value in found.items()} for found in solutions]


def solve_inequality(inequality: str, symbol: str = "x") -> str:
    """The real solution set of one inequality such as 'x^2 - 4 > 0', as intervals."""
    relation, unknown = parsing.inequality(inequality), parsing.symbol(symbol)
    return str(sympy.solve_univariate_inequality(relation, unknown, relational=False))


def simplify(expression: str) -> str:
    """The simplest form SymPy finds for an expression."""
    return str(sympy.simplify(parsing.expression(expression)))


def factor(expression: str) -> str:
    """A polynomial or rational expression factored over the rationals."""
    return str(sympy.factor(parsing.expression(expression)))


def expand(expression: str) -> str:
    """An expression with products and powers multiplied out."""
    return str(sympy.expand(parsing.expression(expression)))


def differentiate(expression: str, variable: str = "x", order: int = 1) -> str:
    """The `order`-th derivative of an expression with respect to `variable`."""
    if order < 1:
        raise ValueError(f"the order of a derivative is at least 1, not {order}")
    return str(sympy.diff(parsing.expression(expression), parsing.symbol(variable), order))


def integrate(
    expression: str, variable: str = "x", lower: str | None = None, upper: str | None = None
) -> str:
    """An antiderivative (no + C), or the definite integral from `lower` to `upper`."""
    integrand, unknown = parsing.expression(expression), parsing.symbol(variable)
    if lower is None and upper is None:
        return str(sympy.integrate(integrand, unknown))
    if lower is None or upper is None:
        raise ValueError("a definite integral needs both `lower` and `upper`")
    limits = (unknown, parsing.expression(lower), parsing.expression(upper))
    return str(sympy.integrate(integrand, limits))


def limit(
    expression: str,
    variable: str = "x",
    point: str = "0",
    direction: Literal["+", "-", "+-"] = "+-",
) -> str:
    """The limit of an expression as `variable` approaches `point` ('oo' is infinity)."""
    at = parsing.expression(point)
    found = sympy.limit(parsing.expression(expression), parsing.symbol(variable), at, direction)
    return str(found)


def series(expression: str, variable: str = "x", point: str = "0", order: int = 6) -> str:
    """The Taylor series of an expression about `point`, up to (not including) `order`."""
    unknown, at = parsing.symbol(variable), parsing.expression(point)
    return str(sympy.series(parsing.expression(expression), unknown, at, order).removeO())


def equivalent(first: str, second: str) -> bool:
    """Whether two expressions are equal, by simplifying their difference to 0."""
    return bool(sympy.simplify(parsing.expression(first) - parsing.expression(second)) == 0)


def evaluate(expression: str, precision: int = 15) -> str:
    """The numeric value of a constant expression to `precision` significant digits."""
    value = parsing.expression(expression)
    if value.free_symbols:
        names = ", ".join(sorted(map(str, value.free_symbols)))
        raise ValueError(f"{expression!r} has free symbols {names}: substitute values first")
    return str(sympy.N(value, precision))
