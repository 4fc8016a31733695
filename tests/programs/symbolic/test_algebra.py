"""Tests for the SymPy algebra and calculus tools, on literal inputs and outputs."""

from __future__ import annotations

import pytest

from abduce.programs.symbolic import algebra as a


@pytest.mark.parametrize(
    ("equation", "symbol", "expected"),
    [
        ("x**3 - 6*x**2 + 11*x - 6 = 0", "x", ["1", "2", "3"]),
        ("x^2 = 4", "x", ["-2", "2"]),
        ("x^2 + 1", "x", ["-I", "I"]),
        ("2t + 1 = 7", "t", ["3"]),
        ("exp(x) = 0", "x", []),
        ("rate * 3 = 12", "rate", ["4"]),
        ("x^2 = a", "x", ["-sqrt(a)", "sqrt(a)"]),
    ],
)
def test_solve(equation: str, symbol: str, expected: list[str]) -> None:
    assert a.solve(equation, symbol) == expected


@pytest.mark.parametrize(
    ("equation", "message"),
    [
        ("y^2 = 4", "x does not appear"),
        ("floor(x) = x/2", "no finite list"),
        ("x =", "cannot parse"),
    ],
)
def test_solve_errors(equation: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        a.solve(equation)


@pytest.mark.parametrize(
    ("equations", "symbols", "expected"),
    [
        (["x + y = 3", "x - y = 1"], ["x", "y"], [{"x": "2", "y": "1"}]),
        (
            ["x^2 + y^2 = 25", "y = x + 1"],
            ["x", "y"],
            [{"x": "-4", "y": "-3"}, {"x": "3", "y": "4"}],
        ),
        (["x + y = 1", "x + y = 2"], ["x", "y"], []),
    ],
)
def test_solve_system(equations: list[str], symbols: list[str], expected: list[dict]) -> None:
    assert a.solve_system(equations, symbols) == expected


@pytest.mark.parametrize(
    ("inequality", "expected"),
    [
        ("x**2 - 4 > 0", "Union(Interval.open(-oo, -2), Interval.open(2, oo))"),
        ("2x + 1 <= 5", "Interval(-oo, 2)"),
        ("x^2 < 0", "EmptySet"),
    ],
)
def test_solve_inequality(inequality: str, expected: str) -> None:
    assert a.solve_inequality(inequality) == expected


@pytest.mark.parametrize(
    ("function", "expression", "expected"),
    [
        (a.simplify, "sin(x)^2 + cos(x)^2", "1"),
        (a.simplify, "(x^2 - 1)/(x - 1)", "x + 1"),
        (a.factor, "x^2 - 4", "(x - 2)*(x + 2)"),
        (a.factor, "2x + 2", "2*(x + 1)"),
        (a.expand, "(x + 1)^3", "x**3 + 3*x**2 + 3*x + 1"),
    ],
)
def test_rewrites(function, expression: str, expected: str) -> None:
    assert function(expression) == expected


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("x^3",), "3*x**2"),
        (("sin(x)", "x", 2), "-sin(x)"),
        (("t^2 * y", "t"), "2*t*y"),
    ],
)
def test_differentiate(arguments: tuple, expected: str) -> None:
    assert a.differentiate(*arguments) == expected


def test_differentiate_needs_a_positive_order() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        a.differentiate("x^2", order=0)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("x^2",), "x**3/3"),
        (("x^2", "x", "0", "3"), "9"),
        (("exp(-x^2)", "x", "-oo", "oo"), "sqrt(pi)"),
        (("1/t", "t"), "log(t)"),
    ],
)
def test_integrate(arguments: tuple, expected: str) -> None:
    assert a.integrate(*arguments) == expected


def test_integrate_needs_both_limits() -> None:
    with pytest.raises(ValueError, match="both"):
        a.integrate("x", lower="0")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("sin(x)/x",), "1"),
        (("1/x", "x", "oo"), "0"),
        (("1/x", "x", "0", "+"), "oo"),
        (("1/x", "x", "0", "-"), "-oo"),
        (("(1 + 1/n)^n", "n", "oo"), "E"),
    ],
)
def test_limit(arguments: tuple, expected: str) -> None:
    assert a.limit(*arguments) == expected


def test_limit_that_differs_on_each_side() -> None:
    with pytest.raises(ValueError, match="does not exist"):
        a.limit("Abs(x)/x")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("sin(x)",), "x**5/120 - x**3/6 + x"),
        (("exp(x)", "x", "0", 3), "x**2/2 + x + 1"),
        (("exp(x)", "x", "1", 3), "E*(x - 1)**2/2 + E*(x - 1) + E"),
    ],
)
def test_series(arguments: tuple, expected: str) -> None:
    assert a.series(*arguments) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("(x+1)^2", "x^2 + 2x + 1", True),
        ("(x+1)^2", "x^2 + 1", False),
        ("sin(2x)", "2sin(x)cos(x)", True),
    ],
)
def test_equivalent(first: str, second: str, expected: bool) -> None:
    assert a.equivalent(first, second) is expected


@pytest.mark.parametrize(
    ("expression", "precision", "expected"),
    [("pi", 15, "3.14159265358979"), ("sqrt(2)", 5, "1.4142"), ("1/3", 15, "0.333333333333333")],
)
def test_evaluate(expression: str, precision: int, expected: str) -> None:
    assert a.evaluate(expression, precision) == expected


def test_evaluate_needs_a_constant() -> None:
    with pytest.raises(ValueError, match="free symbols x"):
        a.evaluate("x + 1")


def test_numbers_are_taken_as_written_where_programs_pass_them():
    assert a.integrate("x**2", "x", 0, 3) == "9"
    assert a.limit("sin(x)/x", "x", 0) == "1"


def test_an_infinite_float_is_infinity():
    assert a.limit("(2*x + 1)/x", "x", float("inf")) == "2"
