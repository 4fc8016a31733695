"""What comes back from a sandboxed program: plain data, parsed from JSON in the parent."""

from __future__ import annotations

from pydantic import BaseModel


class RunResult(BaseModel):
    """The outcome of calling a program's entry point on one input.

    `value` is plain JSON data (lists, numbers, strings, booleans, None): never an object the
    program made. `stdout` holds what the program printed during the call (capped).
    """

    ok: bool
    value: object = None
    error: str | None = None
    stdout: str = ""


def failed(reason: str) -> RunResult:
    return RunResult(ok=False, error=reason)


def parse(line: str) -> RunResult:
    """One result line from a worker, or a failure if it is not a well-formed result."""
    try:
        result = RunResult.model_validate_json(line)
    except (ValueError, RecursionError):
        return failed("the program sent malformed output")
    if not result.ok and not result.error:
        return failed("the program failed without saying why")
    return result
