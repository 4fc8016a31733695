"""Claims: what an agent's program returns, so that its answer can be checked independently.

A program computes an answer with the tools, then states it as a claim together with the
problem it answers; the agent checks the claim in a separate sandboxed run (see `checks`),
never trusting the program's own process. A claim is plain data: {"claim": kind, ...}.
"""

from __future__ import annotations

import re

import sympy

from .graphs import Edge
from .parsing import equation


def roots(equation: str, symbol: str, values: list) -> dict:
    """Claim that `values` are all the solutions of `equation` for `symbol`."""
    return {"claim": "roots", "equation": equation, "symbol": symbol, "roots": _texts(values)}


def solution(equations: list[str], values: dict) -> dict:
    """Claim that the assignment `values` ({symbol: value}) solves every equation."""
    solved = {str(name): str(value) for name, value in values.items()}
    return {"claim": "solution", "equations": list(equations), "solution": solved}


def derivative(expression: str, variable: str, result: str) -> dict:
    """Claim that `result` is the derivative of `expression` with respect to `variable`."""
    return {
        "claim": "derivative",
        "expression": expression,
        "variable": variable,
        "derivative": str(result),
    }


def antiderivative(integrand: str, variable: str, result: str) -> dict:
    """Claim that `result` is an antiderivative of `integrand`."""
    return {
        "claim": "antiderivative",
        "integrand": integrand,
        "variable": variable,
        "antiderivative": str(result),
    }


def definite_integral(expression: str, variable: str, lower: str, upper: str, value) -> dict:
    """Claim that the integral of `expression` from `lower` to `upper` equals `value`."""
    return {
        "claim": "definite_integral",
        "expression": expression,
        "variable": variable,
        "lower": str(lower),
        "upper": str(upper),
        "value": str(value),
    }


def equal(expression: str, result: str) -> dict:
    """Claim that `result` (simplified, factored, expanded...) equals `expression`."""
    return {"claim": "equal", "first": expression, "second": str(result)}


def limit(expression: str, variable: str, point: str, value) -> dict:
    """Claim that the limit of `expression` as `variable` approaches `point` is `value`."""
    return {
        "claim": "limit",
        "expression": expression,
        "variable": variable,
        "point": str(point),
        "value": str(value),
    }


def path(edges: list[Edge], source, target, nodes: list, length, directed: bool = False) -> dict:
    """Claim that `nodes` is a shortest path from `source` to `target`, of total `length`."""
    return {
        "claim": "path",
        "edges": edges,
        "source": source,
        "target": target,
        "path": list(nodes),
        "length": length,
        "directed": directed,
    }


def value(result, integer: bool = False, positive: bool = False) -> dict:
    """Claim a plain result (a word problem's number), with what must hold of it."""
    return {"claim": "value", "value": result, "integer": integer, "positive": positive}


def _texts(values: list) -> list[str]:
    return [str(item) for item in values]


def appears_in(expression: str, question: str) -> bool:
    """Whether `expression` (or an equation) is stated in `question`: verbatim up to spacing
    and notation, or equivalent to one of the question's formula-like fragments."""
    if _normal(expression) in _normal(question):
        return True
    try:
        wanted = equation(expression)
    except ValueError:
        return False
    for fragment in _FRAGMENT.findall(question):
        if not re.search(r"[a-z]", fragment) or not re.search(r"[+\-*/^=]", fragment):
            continue
        try:
            found = equation(fragment)
        except ValueError:
            continue
        if found.free_symbols and sympy.simplify(found - wanted) == 0:
            return True
    return False


# Runs of numbers, one-letter symbols, function names and operators: "x^2 - 4 = 0" in "Solve
# x^2 - 4 = 0 for x."
_FRAGMENT = re.compile(
    r"(?:sqrt|sin|cos|tan|exp|log|pi|oo|\d+(?:\.\d+)?|(?<![a-zA-Z])[a-zA-Z](?![a-zA-Z])"
    r"|[ +\-*/^().=])+"
)


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("**", "^").replace("*", "").replace("==", "=")
