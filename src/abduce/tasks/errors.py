"""Errors raised for bad task input: one line each, naming the source and the problem."""


class TaskError(ValueError):
    """Base class: a task could not be loaded or is malformed."""


class TaskFormatError(TaskError):
    """The file or data is not a valid ARC task."""


class TaskNotFoundError(TaskError):
    """No task, file or split by that name."""
