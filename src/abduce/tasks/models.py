"""Pydantic models for tasks: grids, examples and tasks."""

from __future__ import annotations

from typing import TypeGuard

from pydantic import BaseModel, ConfigDict, field_validator

Rows = list[list[int]]  # a grid as plain data (the DSL's `Grid` is the immutable class)


def check_grid(value: object) -> Rows:
    """Return `value` as a grid, or raise ValueError saying what is wrong with it."""
    if not isinstance(value, list) or not value:
        raise ValueError("grid must be a non-empty list of rows")
    if not all(isinstance(row, list) and row for row in value):
        raise ValueError("every grid row must be a non-empty list")
    width = len(value[0])
    if any(len(row) != width for row in value):
        raise ValueError("grid is not rectangular (rows differ in length)")
    for row in value:
        for cell in row:
            if type(cell) is not int or not 0 <= cell <= 9:
                raise ValueError(f"grid cell {cell!r} is not an integer colour 0-9")
    return value


def is_grid(value: object) -> TypeGuard[Rows]:
    """Whether `value` is an ARC grid: equal rows of colours 0-9."""
    try:
        check_grid(value)
    except ValueError:
        return False
    return True


class Example(BaseModel):
    """One input/output pair; `output` is None when the answer is unknown."""

    model_config = ConfigDict(frozen=True)

    input: Rows
    output: Rows | None = None

    @field_validator("input", "output", mode="before")
    @classmethod
    def _valid_grid(cls, value: object) -> object:
        return value if value is None else check_grid(value)

    def known_output(self) -> Rows:
        """The output of a demonstration pair; ValueError if it is unknown.

        >>> Example(input=[[1]], output=[[2]]).known_output()
        [[2]]
        """
        if self.output is None:
            raise ValueError("the example's output is unknown")
        return self.output


class Task(BaseModel):
    """An ARC-style task: demonstration pairs and test inputs."""

    model_config = ConfigDict(frozen=True)

    id: str
    train: list[Example]
    test: list[Example]

    @field_validator("train", "test")
    @classmethod
    def _not_empty(cls, value: list[Example]) -> list[Example]:
        if not value:
            raise ValueError("must hold at least one example")
        return value
