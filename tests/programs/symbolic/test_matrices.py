"""Tests for the exact matrix tools, on literal matrices of expression strings."""

from __future__ import annotations

import pytest

from abduce.programs.symbolic import matrices as m

SYMBOLIC = [["a", "b"], ["c", "d"]]
SINGULAR = [["1", "2"], ["2", "4"]]


@pytest.mark.parametrize(
    ("matrix", "expected"),
    [
        ([["1", "2"], ["3", "4"]], "-2"),
        (SYMBOLIC, "a*d - b*c"),
        ([["1/2", "0"], ["0", "4"]], "2"),
        (SINGULAR, "0"),
    ],
)
def test_determinant(matrix: list[list[str]], expected: str) -> None:
    assert m.determinant(matrix) == expected


@pytest.mark.parametrize(
    ("matrix", "expected"),
    [
        ([["1", "2"], ["3", "4"]], [["-2", "1"], ["3/2", "-1/2"]]),
        (SYMBOLIC, [["d/(a*d - b*c)", "-b/(a*d - b*c)"], ["-c/(a*d - b*c)", "a/(a*d - b*c)"]]),
    ],
)
def test_inverse(matrix: list[list[str]], expected: list[list[str]]) -> None:
    assert m.inverse(matrix) == expected


@pytest.mark.parametrize(
    ("matrix", "expected"),
    [
        ([["2", "0"], ["0", "2"]], {"2": 2}),
        ([["1", "2"], ["2", "1"]], {"-1": 1, "3": 1}),
        ([["0", "-1"], ["1", "0"]], {"-I": 1, "I": 1}),
    ],
)
def test_eigenvalues(matrix: list[list[str]], expected: dict[str, int]) -> None:
    assert m.eigenvalues(matrix) == expected


@pytest.mark.parametrize(
    ("matrix", "vector", "expected"),
    [
        ([["1", "1"], ["1", "-1"]], ["3", "1"], ["2", "1"]),
        ([["1/2", "0"], ["0", "2"]], ["1", "1"], ["2", "1/2"]),
        ([["1", "0"], ["0", "1"], ["1", "1"]], ["1", "2", "3"], ["1", "2"]),
    ],
)
def test_solve_linear(matrix: list[list[str]], vector: list[str], expected: list[str]) -> None:
    assert m.solve_linear(matrix, vector) == expected


@pytest.mark.parametrize(
    ("function", "arguments", "message"),
    [
        (m.inverse, (SINGULAR,), "singular"),
        (m.determinant, ([["1", "2"]],), "1x2, not square"),
        (m.determinant, ([["1", "2"], ["3"]],), "equal length"),
        (m.determinant, ([],), "non-empty"),
        (m.solve_linear, (SINGULAR, ["1", "2"]), "infinitely many"),
        (m.solve_linear, (SINGULAR, ["1", "3"]), "no solution"),
        (m.solve_linear, (SINGULAR, ["1"]), "1 entries for 2 rows"),
        (m.determinant, ([["1", "x +"], ["0", "1"]],), "cannot parse 'x \\+'"),
    ],
)
def test_errors(function, arguments: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        function(*arguments)
