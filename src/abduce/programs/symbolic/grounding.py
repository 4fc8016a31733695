"""Whether the problem a program solved is the one the question states."""

from __future__ import annotations

import re

import sympy

from .parsing import equation


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
