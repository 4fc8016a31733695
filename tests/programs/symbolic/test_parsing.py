"""Tests for the one parser of model-written expressions, equations and inequalities."""

from __future__ import annotations

import pytest
import sympy

from abduce.programs.symbolic import parsing

x, y = sympy.symbols("x y")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x**2 - 4", "x**2 - 4"),
        ("2x", "2*x"),
        ("x^2", "x**2"),
        ("x y", "x*y"),
        ("(x+1)(x-1)", "(x - 1)*(x + 1)"),
        ("sin^2 x", "sin(x)**2"),
        ("rate*time", "rate*time"),
        ("E^x", "exp(x)"),
        ("oo", "oo"),
    ],
)
def test_expression(text: str, expected: str) -> None:
    assert str(parsing.expression(text)) == expected


def test_expression_unevaluated_keeps_the_written_product() -> None:
    assert parsing.expression("2*(x+1)", evaluate=False).is_Mul
    assert parsing.expression("2*(x+1)").is_Add


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2 = 4", x**2 - 4),
        ("x**2 == 4", x**2 - 4),
        ("x + y = 2x", y - x),
        ("x^2 - 4", x**2 - 4),
    ],
)
def test_equation(text: str, expected: sympy.Expr) -> None:
    assert parsing.equation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("x^2 - 4 > 0", x**2 - 4 > 0), ("2x <= 5", 2 * x <= 5), ("x >= y", x >= y)],
)
def test_inequality(text: str, expected: sympy.Rel) -> None:
    assert parsing.inequality(text) == expected


@pytest.mark.parametrize(
    ("parse", "text", "named"),
    [
        (parsing.expression, "", "''"),
        (parsing.expression, "x +", "'x +'"),
        (parsing.expression, "sqrt(x", "'sqrt(x'"),
        (parsing.expression, "x < 2", "'x < 2'"),
        (parsing.expression, "[1, 2]", "'[1, 2]'"),
        (parsing.equation, "x = 1 = 2", "'x = 1 = 2'"),
        (parsing.equation, "x <= 2", "'x <= 2'"),
        (parsing.equation, "x = (1", "'(1'"),
        (parsing.inequality, "x = 2", "'x = 2'"),
        (parsing.inequality, "0 < x < 1", "'0 < x < 1'"),
        (parsing.symbol, "2x", "'2x'"),
        (parsing.symbol, "", "''"),
    ],
)
def test_bad_input_is_a_value_error_naming_it(parse, text: str, named: str) -> None:
    with pytest.raises(ValueError, match="cannot parse|not a symbol") as error:
        parse(text)
    assert named in str(error.value)


def test_symbol() -> None:
    assert parsing.symbol("rate") == sympy.Symbol("rate")
