"""Independent checks of claimed answers, each returning {"verified": bool, "check": str}.

A check never trusts the claim and, where it can, uses another method than the solver that
would have produced it: substitution, numeric spot checks at seeded random points, finite
differences, quadrature, Bellman-Ford. `check` tells in English what was checked and found.
Numeric checks sample real points, so they read every symbol as real.
"""

from __future__ import annotations

import cmath
import itertools
import math
import random
from collections.abc import Iterator
from typing import Literal

import mpmath
import networkx as nx
import sympy

from . import parsing
from .graphs import Edge, Node, _graph

__all__ = [
    "check_roots",
    "check_system",
    "check_antiderivative",
    "check_derivative",
    "check_definite_integral",
    "check_equivalent",
    "check_limit",
    "check_factorization",
    "check_path",
    "check_value",
]

Point = dict[sympy.Symbol, sympy.Rational]
Verdict = dict[str, bool | str]
DRAWS = 50  # random points tried by a spot check, which stops once 5 of them agree


def _verdict(verified: bool, check: str) -> Verdict:
    return {"verified": bool(verified), "check": check}


def _value(expression: sympy.Expr, point: Point | None = None) -> complex:
    """The value of `expression` at `point`, to 50 digits; nan where it is not a number."""
    floats = {symbol: sympy.Float(value, 50) for symbol, value in (point or {}).items()}
    try:
        return complex(expression.subs(floats).evalf(50))
    except (TypeError, ValueError):
        return complex("nan")


def _show(value: complex) -> str:
    return f"{value.real:.10g}" if _real(value) else f"{value:.10g}"


def _real(value: complex) -> bool:
    return abs(value.imag) <= 1e-12 * max(1.0, abs(value))


def _close(first: complex, second: complex, tolerance: float) -> bool:
    return abs(first - second) <= tolerance * max(1.0, abs(first), abs(second))


def _vanishes(residual: sympy.Expr) -> bool:
    """Whether a residual is 0: numerically within 1e-9 if it is a number, else by simplify."""
    if residual.free_symbols:
        return bool(sympy.simplify(residual) == 0)
    return abs(_value(residual)) < 1e-9


def _real_symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(parsing.symbol(name).name, real=True)


def _reals(*texts: str) -> list[sympy.Expr]:
    """Parse expressions with every symbol real."""
    expressions = [parsing.expression(text) for text in texts]
    symbols = set().union(*(expression.free_symbols for expression in expressions))
    return [e.xreplace({s: _real_symbol(s.name) for s in symbols}) for e in expressions]


def _points(symbols: set[sympy.Symbol]) -> Iterator[Point]:
    """Seeded random points (the same at every call), coordinates in [-3, 3] by steps of 1/1000."""
    generator, ordered = random.Random(0), sorted(symbols, key=str)
    for _ in range(DRAWS if ordered else 1):
        yield {s: sympy.Rational(generator.randint(-3000, 3000), 1000) for s in ordered}


def _spot_check(
    first: sympy.Expr, second: sympy.Expr, needed: int, tolerance: float
) -> tuple[bool, str]:
    """Compare two expressions at random real points where both are finite, until 5 agree.

    Points where both values are complex are skipped; one real, the other not, disagree.
    """
    symbols = first.free_symbols | second.free_symbols
    needed, agreed = needed if symbols else 1, 0
    for point in _points(symbols):
        one, other = _value(first, point), _value(second, point)
        if not (cmath.isfinite(one) and cmath.isfinite(other)) or not (_real(one) or _real(other)):
            continue
        if _real(one) != _real(other) or not _close(one, other, tolerance):
            at = ", ".join(f"{s} = {value}" for s, value in point.items()) or "no symbols"
            return False, f"they differ at {at}: {_show(one)} vs {_show(other)}"
        agreed += 1
        if agreed == 5:
            break
    if agreed < needed:
        return False, f"only {agreed} random real points give finite real values to compare"
    return True, f"they agree at {agreed} random real points" if symbols else "they agree"


def check_roots(equation: str, symbol: str, roots: list[str]) -> Verdict:
    """Check claimed roots: each satisfies the equation and together they are all its roots."""
    expression, unknown = parsing.equation(equation), parsing.symbol(symbol)
    claimed = [parsing.expression(root) for root in roots]
    wrong = [str(r) for r in claimed if not _vanishes(expression.subs(unknown, r))]
    given = f"{', '.join(wrong)} do not give 0" if wrong else "all give 0"
    substituted = f"substituted {len(roots)} values into {expression} = 0: {given}"
    found = sympy.solveset(expression, unknown)
    if not found.is_empty and not isinstance(found, sympy.FiniteSet):
        return _verdict(False, f"{substituted}; solveset finds {found}, not a finite set of roots")
    solutions = [] if found.is_empty else list(found)
    missing = [str(s) for s in solutions if not any(_vanishes(s - r) for r in claimed)]
    extra = [str(r) for r in claimed if not any(_vanishes(s - r) for s in solutions)]
    complete = f"sympy's solveset finds {len(solutions)} distinct root(s)"
    if missing:
        complete += f"; not claimed: {', '.join(missing)}"
    if extra:
        complete += f"; claimed but not among them: {', '.join(extra)}"
    if not (missing or extra):
        complete += ", all claimed"
    return _verdict(not (wrong or missing or extra), f"{substituted}; {complete}")


def check_system(equations: list[str], solution: dict[str, str]) -> Verdict:
    """Check a claimed solution of a system of equations by substituting it into each."""
    values = {parsing.symbol(name): parsing.expression(v) for name, v in solution.items()}
    residuals = [parsing.equation(text).subs(values, simultaneous=True) for text in equations]
    failed = [
        f"{text!r} leaves {r}"
        for text, r in zip(equations, residuals, strict=True)
        if not _vanishes(r)
    ]
    shown = ", ".join(f"{name} = {value}" for name, value in solution.items())
    found = "; ".join(failed) if failed else "all give 0"
    return _verdict(not failed, f"substituted {shown} into {len(equations)} equations: {found}")


def check_antiderivative(integrand: str, variable: str, antiderivative: str) -> Verdict:
    """Check a claimed antiderivative by differentiating it back to the integrand."""
    function, claimed = _reals(integrand, antiderivative)
    derivative = sympy.diff(claimed, _real_symbol(variable))
    said = f"the derivative of {claimed} with respect to {variable} is {derivative}"
    if sympy.simplify(derivative - function) == 0:
        return _verdict(True, f"{said}, which simplifies to the integrand {function}")
    agree, found = _spot_check(derivative, function, 3, 1e-6)
    return _verdict(agree, f"{said}; compared with the integrand {function}, {found}")


def check_derivative(expression: str, variable: str, derivative: str) -> Verdict:
    """Check a claimed derivative against central finite differences at random points."""
    function, claimed = _reals(expression, derivative)
    x, step = _real_symbol(variable), sympy.Rational(1, 10**8)
    quotient = (function.subs(x, x + step) - function.subs(x, x - step)) / (2 * step)
    agree, found = _spot_check(quotient, claimed, 3, 1e-4)
    said = f"central differences (step 1e-8) of {function} against the claimed {claimed}"
    return _verdict(agree, f"{said}: {found}")


def check_definite_integral(
    expression: str, variable: str, lower: str, upper: str, value: str
) -> Verdict:
    """Check a claimed definite integral against numeric quadrature (mpmath.quad)."""
    function, start, end, claimed = _reals(expression, lower, upper, value)
    x = _real_symbol(variable)
    unknown = (function.free_symbols - {x}) | start.free_symbols | end.free_symbols
    if unknown | claimed.free_symbols:
        raise ValueError("a numeric check needs no symbols but the variable of integration")
    bounds = sympy.lambdify([], [start, end], "mpmath")()
    numeric = complex(mpmath.quad(sympy.lambdify(x, function, "mpmath"), bounds))
    agree = cmath.isfinite(numeric) and _close(numeric, _value(claimed), 1e-6)
    said = f"mpmath.quad of {function} from {start} to {end} gives {_show(numeric)}"
    return _verdict(agree, f"{said}; claimed {claimed}: {'agree' if agree else 'differ'}")


def check_equivalent(first: str, second: str) -> Verdict:
    """Check that two expressions are equal, at random real points and by simplification."""
    one, other = _reals(first, second)
    agree, found = _spot_check(one, other, 5, 1e-9)
    simplified = sympy.simplify(one - other)
    by_sympy = "to 0" if simplified == 0 else f"to {simplified}, not 0"
    return _verdict(agree, f"{one} vs {other}: {found}; sympy simplifies the difference {by_sympy}")


def _approaches(at: sympy.Expr, direction: str) -> list[list[tuple[str, sympy.Expr]]]:
    """For each side, a farther and a nearer point to `at` (1e4 and 1e8 for infinity)."""
    if at.is_infinite:
        sign = "-" if at == -sympy.oo else ""
        return [[(f"{sign}1e{k}", sympy.Rational(f"{sign}1e{k}")) for k in (4, 8)]]
    return [
        [(f"{at} {side} 1e-{k}", at + sympy.Rational(f"{side}1e-{k}")) for k in (4, 8)]
        for side in direction
    ]


def _tends(far: complex, near: complex, claimed: sympy.Expr) -> bool:
    """Whether values at a farther and a nearer point are consistent with the claimed limit."""
    if claimed in (sympy.oo, -sympy.oo):
        sign = 1 if claimed == sympy.oo else -1
        return _real(far) and _real(near) and 0 < sign * far.real <= sign * near.real / 1.5
    limit = _value(claimed)
    return _real(near) == _real(limit) and _close(near, limit, 1e-3)


def check_limit(
    expression: str,
    variable: str,
    point: str,
    value: str,
    direction: Literal["+", "-", "+-"] = "+-",
) -> Verdict:
    """Check a claimed limit ('oo' for infinity) by evaluating ever closer to `point`."""
    function, x = _reals(expression)[0], _real_symbol(variable)
    at, claimed = parsing.expression(point), parsing.expression(value)
    sides, agree = [], True
    for (far_at, far_point), (near_at, near_point) in _approaches(at, direction):
        far, near = _value(function, {x: far_point}), _value(function, {x: near_point})
        agree = agree and _tends(far, near, claimed)
        sides.append(f"{far_at}: {_show(far)}, {near_at}: {_show(near)}")
    found = "consistent with" if agree else "not consistent with"
    return _verdict(agree, f"{function} at {'; '.join(sides)}: {found} the limit {claimed}")


def check_factorization(expression: str, factored: str) -> Verdict:
    """Check a claimed factorisation: a product or power that equals the expression."""
    shape = parsing.expression(factored, evaluate=False)
    product = shape.is_Mul or shape.is_Pow
    equal = check_equivalent(expression, factored)
    said = "is a product or power" if product else "is not a product or power, so not factored"
    return _verdict(bool(product and equal["verified"]), f"{factored!r} {said}; {equal['check']}")


def check_path(
    edges: list[Edge],
    source: Node,
    target: Node,
    path: list[Node],
    length: float,
    directed: bool = False,
) -> Verdict:
    """Check a claimed shortest path and its length; Bellman-Ford finds the true shortest."""
    graph, steps = _graph(edges, directed), list(itertools.pairwise(path))
    problems = []
    if not path or path[0] != source or path[-1] != target:
        problems.append(f"it does not run from {source!r} to {target!r}")
    missing = [f"{u!r}-{v!r}" for u, v in steps if not graph.has_edge(u, v)]
    weight = None if missing else sum(graph[u][v]["weight"] for u, v in steps)
    if weight is None:
        problems.append(f"not edges: {', '.join(missing)}")
    elif not math.isclose(weight, length, abs_tol=1e-9):
        problems.append(f"its edges weigh {weight}, not {length}")
    try:
        shortest = nx.bellman_ford_path_length(graph, source, target, weight="weight")
    except nx.NetworkXException as error:
        problems.append(f"Bellman-Ford finds no shortest path: {error}")
    else:
        if not math.isclose(shortest, length, abs_tol=1e-9):
            problems.append(f"Bellman-Ford finds the shortest length is {shortest}, not {length}")
    shown = " -> ".join(map(str, path))
    if problems:
        return _verdict(False, f"path {shown}: {'; '.join(problems)}")
    said = f"path {shown} runs from {source!r} to {target!r} along edges weighing {weight}"
    return _verdict(True, f"{said}; Bellman-Ford finds the same shortest length")


def check_value(value: float | int | str, integer: bool = False, positive: bool = False) -> Verdict:
    """Sanity-check a word problem's answer: finite and real, an integer or positive if asked."""
    number = _value(parsing.expression(value)) if isinstance(value, str) else complex(value)
    if not (cmath.isfinite(number) and _real(number)):
        return _verdict(False, f"{value!r} is not a finite real number")
    real = number.real
    tests = [
        ("an integer", integer, abs(real - round(real)) <= 1e-9 * max(1.0, abs(real))),
        ("positive", positive, real > 0),
    ]
    found = [label if holds else f"not {label}" for label, asked, holds in tests if asked]
    verified = all(holds for _, asked, holds in tests if asked)
    said = f"{value!r} = {real:.10g} is a finite real number"
    return _verdict(verified, ", ".join([said, *found]))
