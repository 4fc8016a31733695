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
    message = detail["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def first_line(error: Exception) -> str:
    """An exception as one line: its type, and the first line of its message."""
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0]}" if text else type(error).__name__
