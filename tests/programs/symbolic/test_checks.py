"""Tests for the independent checks: right claims are verified, wrong ones are not."""

from __future__ import annotations

import pytest

from abduce.programs.symbolic import checks as c

ROADS = [
    {"source": "A", "target": "B", "weight": 1},
    {"source": "B", "target": "C", "weight": 2},
    {"source": "A", "target": "C", "weight": 5},
    {"source": "C", "target": "D", "weight": 1},
]
CUBIC = "x**3 - 6*x**2 + 11*x - 6 = 0"


def verified(result: dict) -> bool:
    assert set(result) == {"verified", "check"} and isinstance(result["check"], str)
    return result["verified"]


@pytest.mark.parametrize(
    ("equation", "roots", "expected"),
    [
        (CUBIC, ["1", "2", "3"], True),
        (CUBIC, ["3", "1", "2", "2"], True),
        (CUBIC, ["1", "2", "4"], False),  # a wrong root
        (CUBIC, ["1", "2"], False),  # a missing root
        ("x^2 + 1", ["I", "-I"], True),
        ("x^2 + 1", [], False),
        ("exp(x) = 0", [], True),
        ("x^2 = 2", ["1.414213562373095", "-sqrt(2)"], True),
        ("x^2 = 2", ["1.414", "-1.414"], False),
        ("x^2 = a", ["sqrt(a)", "-sqrt(a)"], True),
        ("sin(x) = 0", ["0", "pi"], False),  # infinitely many roots
    ],
)
def test_check_roots(equation: str, roots: list[str], expected: bool) -> None:
    assert verified(c.check_roots(equation, "x", roots)) is expected


def test_check_roots_says_what_it_found() -> None:
    assert c.check_roots(CUBIC, "x", ["1", "2", "3"])["check"] == (
        "substituted 3 values into x**3 - 6*x**2 + 11*x - 6 = 0: all give 0; "
        "sympy's solveset finds 3 distinct root(s), all claimed"
    )
    assert "not claimed: 3" in c.check_roots(CUBIC, "x", ["1", "2"])["check"]


@pytest.mark.parametrize(
    ("solution", "expected"),
    [({"x": "2", "y": "1"}, True), ({"x": "1", "y": "2"}, False), ({"x": "2"}, False)],
)
def test_check_system(solution: dict[str, str], expected: bool) -> None:
    assert verified(c.check_system(["x + y = 3", "x - y = 1"], solution)) is expected


@pytest.mark.parametrize(
    ("integrand", "antiderivative", "expected"),
    [
        ("x^2", "x^3/3", True),
        ("x^2", "x^3/3 + 5", True),
        ("x^2", "x^3", False),
        ("1/x", "log(Abs(x))", True),
        ("Abs(x)", "x^2/2", False),
        ("x*exp(x)", "(x - 1)*exp(x)", True),
        ("cos(x)", "-sin(x)", False),
    ],
)
def test_check_antiderivative(integrand: str, antiderivative: str, expected: bool) -> None:
    assert verified(c.check_antiderivative(integrand, "x", antiderivative)) is expected


@pytest.mark.parametrize(
    ("expression", "derivative", "expected"),
    [
        ("x^3", "3x^2", True),
        ("x^3", "3x", False),
        ("sin(x) exp(x)", "exp(x) (sin(x) + cos(x))", True),
        ("a x^2", "2 a x", True),
        ("log(x)", "1/x", True),
        ("5", "0", True),
        ("sin(x)", "-cos(x)", False),
    ],
)
def test_check_derivative(expression: str, derivative: str, expected: bool) -> None:
    assert verified(c.check_derivative(expression, "x", derivative)) is expected


@pytest.mark.parametrize(
    ("expression", "lower", "upper", "value", "expected"),
    [
        ("x^2", "0", "3", "9", True),
        ("x^2", "0", "3", "10", False),
        ("exp(-x^2)", "-oo", "oo", "sqrt(pi)", True),
        ("sin(x)", "0", "pi", "2", True),
        ("1/x", "1", "E", "1.0001", False),
    ],
)
def test_check_definite_integral(
    expression: str, lower: str, upper: str, value: str, expected: bool
) -> None:
    assert verified(c.check_definite_integral(expression, "x", lower, upper, value)) is expected


def test_check_definite_integral_needs_numbers() -> None:
    with pytest.raises(ValueError, match="no symbols"):
        c.check_definite_integral("a*x", "x", "0", "1", "a/2")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("(x+1)^2", "x^2 + 2x + 1", True),
        ("(x+1)^2", "x^2 + 1", False),  # a non-equivalent simplification
        ("log(x^2)", "2 log(x)", False),  # wrong for negative x
        ("sqrt(8)", "2 sqrt(2)", True),
        ("asin(x)", "pi/2 - acos(x)", True),
        ("sin(x)^2 + cos(y)^2", "1", False),
        ("x/(x*y)", "1/y", True),
    ],
)
def test_check_equivalent(first: str, second: str, expected: bool) -> None:
    assert verified(c.check_equivalent(first, second)) is expected


@pytest.mark.parametrize(
    ("expression", "point", "value", "direction", "expected"),
    [
        ("sin(x)/x", "0", "1", "+-", True),
        ("sin(x)/x", "0", "0", "+-", False),  # a wrong limit
        ("(1 - cos(x))/x^2", "0", "1/2", "+-", True),
        ("(1 + 1/x)^x", "oo", "E", "+-", True),
        ("1/x^2", "0", "oo", "+-", True),
        ("-1/x^2", "0", "-oo", "+-", True),
        ("1/x", "0", "oo", "+-", False),
        ("1/x", "0", "oo", "+", True),
        ("1/x", "0", "-oo", "-", True),
        ("atan(x)", "oo", "oo", "+-", False),
        ("atan(x)", "oo", "pi/2", "+-", True),
        ("log(x)", "oo", "oo", "+-", True),
        ("exp(x)", "-oo", "0", "+-", True),
        ("sin(1/x)", "0", "0", "+-", False),
        ("sqrt(x)", "0", "0", "+", True),
        ("sqrt(x)", "0", "0", "+-", False),  # undefined on the left
    ],
)
def test_check_limit(
    expression: str, point: str, value: str, direction: str, expected: bool
) -> None:
    assert verified(c.check_limit(expression, "x", point, value, direction)) is expected


@pytest.mark.parametrize(
    ("expression", "factored", "expected"),
    [
        ("x^2 - 4", "(x - 2)(x + 2)", True),
        ("2x + 2", "2(x + 1)", True),
        ("x^2 + 2x + 1", "(x + 1)^2", True),
        ("x^2 - 4", "x^2 - 4", False),  # not factored
        ("x^2 - 4", "(x - 2)^2", False),  # not equal
    ],
)
def test_check_factorization(expression: str, factored: str, expected: bool) -> None:
    assert verified(c.check_factorization(expression, factored)) is expected


@pytest.mark.parametrize(
    ("source", "target", "path", "length", "directed", "expected"),
    [
        ("A", "D", ["A", "B", "C", "D"], 4, False, True),
        ("A", "D", ["A", "C", "D"], 6, False, False),  # not the shortest
        ("A", "D", ["A", "D"], 1, False, False),  # A-D is not an edge
        ("A", "D", ["A", "B", "C", "D"], 3, False, False),  # wrong length
        ("A", "D", ["B", "C", "D"], 3, False, False),  # wrong start
        ("A", "A", ["A"], 0, False, True),
        ("A", "A", ["A", "B", "A"], 2, False, False),
        ("A", "Z", ["A", "Z"], 1, False, False),
        ("D", "A", ["D", "C", "B", "A"], 4, False, True),
        ("D", "A", ["D", "C", "B", "A"], 4, True, False),  # against the edges' direction
    ],
)
def test_check_path(
    source: str, target: str, path: list[str], length: float, directed: bool, expected: bool
) -> None:
    assert verified(c.check_path(ROADS, source, target, path, length, directed)) is expected


def test_check_path_says_why() -> None:
    assert c.check_path(ROADS, "A", "D", ["A", "C", "D"], 6)["check"] == (
        "path A -> C -> D: Bellman-Ford finds the shortest length is 4, not 6"
    )
    assert "not edges: 'A'-'D'" in c.check_path(ROADS, "A", "D", ["A", "D"], 1)["check"]


@pytest.mark.parametrize(
    ("value", "integer", "positive", "expected"),
    [
        (3, True, True, True),
        (2.0, True, False, True),
        ("7/2", True, False, False),
        ("-2", False, True, False),
        (-2.5, False, False, True),
        ("oo", False, False, False),
        ("sqrt(-1)", False, False, False),
        ("1/0", False, False, False),
        ("sqrt(16)", True, True, True),
    ],
)
def test_check_value(
    value: float | int | str, integer: bool, positive: bool, expected: bool
) -> None:
    assert verified(c.check_value(value, integer, positive)) is expected
