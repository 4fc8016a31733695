"""Every error abduce reports to its user, one line each, and its exit code on the command line.

| exit code | meaning                                                                        |
|-----------|--------------------------------------------------------------------------------|
| 0         | done                                                                           |
| 1         | a bug in abduce itself: Python's traceback, to be reported                     |
| 2         | bad input: a task, an option, a config value, a tool call, a model spec        |
| 3         | the model failed: its provider raised, or its server could not be used         |
| 4         | `bench` stopped before its cost would pass `--max-cost` (the same command resumes) |
| 130       | interrupted (Ctrl-C)                                                           |

Anything else that escapes is a bug and surfaces as one: no code catches `Exception` to turn
it into a result.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError


class AbduceError(Exception):
    """Base class: a problem abduce reports in one line, never with a traceback."""

    exit_code: ClassVar[int] = 2


class UsageError(AbduceError):
    """An option value the command cannot use."""


class ConfigError(AbduceError, ValueError):
    """A config file or an ABDUCE_* variable holds a value that cannot be used."""


class TaskError(AbduceError, ValueError):
    """A task could not be loaded or is malformed."""


class TaskFormatError(TaskError):
    """The file or data is not a valid ARC task."""


class TaskNotFoundError(TaskError):
    """No task, file or split by that name."""


class ResultsFormatError(AbduceError, ValueError):
    """A results file holds a line that is not a result line."""


class ToolError(AbduceError):
    """A tool could not be called: unknown name, invalid arguments, or its program failed."""


class LLMSpecError(AbduceError, ValueError):
    """The LLM spec cannot be understood or its model cannot be loaded."""


class PriorError(AbduceError, ValueError):
    """The learned prior's weights or corpus cannot be used."""


class ExecutorError(AbduceError):
    """The executor cannot start: no Ray, or no cluster at that address."""


class ModelError(AbduceError):
    """The chat model raised instead of replying (its server, its context window, …)."""

    exit_code: ClassVar[int] = 3


class ModelServerError(ModelError):
    """The model's server cannot be used, after the client's retries: the run cannot proceed,
    so no task is recorded as finished (a problem-level refusal stays a plain ModelError)."""


class ModelUnreachable(ModelServerError):
    """No connection: refused, DNS, TLS, or the connection dropped."""


class ModelTimeout(ModelServerError):
    """The server did not answer within the request timeout."""


class ModelAuthError(ModelServerError):
    """The server refused the API key (401) or its permissions (403)."""


class ModelNotFound(ModelServerError):
    """The server knows no such model, or no such URL (404)."""


class ModelRateLimited(ModelServerError):
    """The server kept answering 429: rate limit or quota."""


class ModelServerFailed(ModelServerError):
    """The server kept answering with a 5xx status."""


class ModelProtocolError(ModelServerError):
    """The server's reply is not an OpenAI-compatible chat reply."""


class CostLimitReached(AbduceError):
    """`bench` started no more tasks: the next would likely take its cost past `--max-cost`."""

    exit_code: ClassVar[int] = 4


def first_problem(error: ValidationError) -> str:
    """Pydantic's first complaint as one line: 'field.path: message'."""
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    message = detail["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def first_line(error: BaseException) -> str:
    """An exception as one line: its type, and the first line of its message."""
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0]}" if text else type(error).__name__
