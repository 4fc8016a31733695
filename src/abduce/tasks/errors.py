"""Errors raised for bad task input: one line each, naming the source and the problem."""

from pydantic import ValidationError


class TaskError(ValueError):
    """Base class: a task could not be loaded or is malformed."""


class TaskFormatError(TaskError):
    """The file or data is not a valid ARC task."""


class TaskNotFoundError(TaskError):
    """No task, file or split by that name."""


def first_problem(error: ValidationError) -> str:
    """Pydantic's first complaint as one line: 'field.path: message'."""
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    return f"{where}: {detail['msg'].removeprefix('Value error, ')}"
