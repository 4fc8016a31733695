"""Exact linear algebra with SymPy on matrices given as rows of expression strings ("1/2", "a")."""

from __future__ import annotations

import sympy

from . import parsing

__all__ = ["determinant", "inverse", "eigenvalues", "solve_linear"]


def _matrix(rows: list[list[str]]) -> sympy.Matrix:
    """The matrix with these rows; ValueError unless it is non-empty and rectangular."""
    if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("a matrix is a non-empty list of rows of equal length")
    return sympy.Matrix([[parsing.expression(entry) for entry in row] for row in rows])


def _square(rows: list[list[str]]) -> sympy.Matrix:
    matrix = _matrix(rows)
    if not matrix.is_square:
        raise ValueError(f"the matrix is {matrix.rows}x{matrix.cols}, not square")
    return matrix


def determinant(matrix: list[list[str]]) -> str:
    """The determinant of a square matrix given as a list of rows of entries."""
    return str(sympy.simplify(_square(matrix).det()))


def inverse(matrix: list[list[str]]) -> list[list[str]]:
    """The inverse of a square matrix given as a list of rows; an error if it is singular."""
    square = _square(matrix)
    try:
        inverted = square.inv()
    except ValueError:
        raise ValueError("the matrix is singular (determinant 0): it has no inverse") from None
    return [[str(sympy.simplify(entry)) for entry in row] for row in inverted.tolist()]


def eigenvalues(matrix: list[list[str]]) -> dict[str, int]:
    """The eigenvalues of a square matrix, each with its algebraic multiplicity."""
    found = _square(matrix).eigenvals()
    return {str(value): int(found[value]) for value in sorted(found, key=sympy.default_sort_key)}


def solve_linear(matrix: list[list[str]], vector: list[str]) -> list[str]:
    """The unique solution x of the linear system `matrix` · x = `vector`."""
    coefficients = _matrix(matrix)
    if len(vector) != coefficients.rows:
        raise ValueError(f"the vector has {len(vector)} entries for {coefficients.rows} rows")
    right = sympy.Matrix([parsing.expression(entry) for entry in vector])
    try:
        solution, free = coefficients.gauss_jordan_solve(right)
    except ValueError:
        raise ValueError("the system has no solution") from None
    if free:
        raise ValueError("the system has infinitely many solutions, not a unique one")
    return [str(sympy.simplify(value)) for value in solution]
