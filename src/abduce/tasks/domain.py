"""What the loop needs to know about a kind of task: how to show it, compare and diff answers."""

from __future__ import annotations

from typing import Protocol, TypeVar

from abduce.tasks.models import Rows, Task, check_grid

MAX_DIFF_CELLS = 8
Answer = TypeVar("Answer")


class Domain(Protocol[Answer]):
    """Domain specifics behind one interface, so the loop is the same for every kind of task."""

    def describe_task(self, task: Task) -> str:
        """The task as text for a model: every train pair and the test inputs."""
        ...

    def to_answer(self, value: object) -> Answer:
        """Validate plain data returned by a program; raise ValueError if it is not an answer."""
        ...

    def score(self, expected: Answer, got: Answer) -> float:
        """Similarity in [0, 1]; 1.0 exactly when `got` equals `expected`."""
        ...

    def describe_difference(self, expected: Answer, got: Answer) -> str:
        """A compact, capped description of how `got` differs from `expected`."""
        ...


def format_grid(grid: Rows) -> str:
    """Rows of digits, one row per line, without spaces: the local model's tokenizer reads
    each digit as a token and each space as another, so spaces would double the prompt.

    >>> print(format_grid([[0, 1], [2, 3]]))
    01
    23
    """
    return "\n".join("".join(str(cell) for cell in row) for row in grid)


class ArcDomain:
    """ARC grids: integer colours 0-9 in rectangular rows."""

    def describe_task(self, task: Task) -> str:
        parts = []
        for number, example in enumerate(task.train, 1):
            parts.append(f"Example {number} input ({_shape(example.input)}):")
            parts.append(format_grid(example.input))
            output = example.known_output()
            parts.append(f"Example {number} output ({_shape(output)}):")
            parts.append(format_grid(output))
        for number, example in enumerate(task.test, 1):
            parts.append(f"Test {number} input ({_shape(example.input)}):")
            parts.append(format_grid(example.input))
        return "\n".join(parts)

    def to_answer(self, value: object) -> Rows:
        return check_grid(value)

    def score(self, expected: Rows, got: Rows) -> float:
        if _shape(expected) != _shape(got):
            return 0.0
        cells = [
            a == b
            for row_a, row_b in zip(expected, got, strict=True)
            for a, b in zip(row_a, row_b, strict=True)
        ]
        return sum(cells) / len(cells)

    def describe_difference(self, expected: Rows, got: Rows) -> str:
        if _shape(expected) != _shape(got):
            return f"wrong shape: expected {_shape(expected)}, got {_shape(got)}"
        wrong = [
            f"row {r}, col {c}: expected {a}, got {b}"
            for r, (row_a, row_b) in enumerate(zip(expected, got, strict=True))
            for c, (a, b) in enumerate(zip(row_a, row_b, strict=True))
            if a != b
        ]
        if not wrong:
            return "no difference"
        more = len(wrong) - MAX_DIFF_CELLS
        shown = "; ".join(wrong[:MAX_DIFF_CELLS])
        return f"{len(wrong)} cells differ: {shown}" + (f"; and {more} more" if more > 0 else "")


def _shape(grid: Rows | None) -> str:
    return "unknown" if grid is None else f"{len(grid)}x{len(grid[0])}"
