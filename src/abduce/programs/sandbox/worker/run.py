"""Inside a forked child: confine it, call the program's entry point on each input.

Each input's result is one JSON line on file descriptor 3: {"ok", "value" | "error", "stdout"}.
"""

import io
import json
import linecache
import os
import resource
import sys
import traceback
from typing import Any, NoReturn

from confine import PROGRAM_BUILTINS, confine
from policy import MAX_LINE, MAX_STDOUT

PROGRAM = "<program>"
RESULT_FD = 3
MAX_ERROR = 2_000
MAX_TRACE_LINES = 4


class CappedText(io.TextIOBase):
    """A text stream keeping the first `limit` characters written since the last `take`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        room = self.limit - self.size
        if room > 0:
            kept = str(text)[:room]
            self.parts.append(kept)
            self.size += len(kept)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        self.size = 0
        return text


def child(job: dict[str, Any], source: str, result_fd: int, setup: dict[str, Any]) -> NoReturn:
    """The forked child's whole life: it never returns into the fork server's loop."""
    try:
        for fd in (0, 1, 2):
            os.dup2(setup["devnull"], fd)
        os.dup2(result_fd, RESULT_FD)
        os.closerange(RESULT_FD + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        confine(job["cpu_seconds"], job["memory_bytes"], setup["roots"], setup["user"])
    except BaseException as error:
        for _ in job["inputs"]:
            reason = f"sandbox: could not confine the program: {error}"
            emit({"ok": False, "error": reason, "stdout": ""})
        os._exit(1)
    try:
        run(source, job["entry"], job["inputs"])
    finally:
        os._exit(0)


def run(source: str, entry: str, inputs: list[object]) -> None:
    """Execute `source`, then emit one result line per input."""
    captured = CappedText(MAX_STDOUT)
    sys.stdout = sys.stderr = captured
    linecache.cache[PROGRAM] = (len(source), None, source.splitlines(True), PROGRAM)  # for errors
    namespace = {"__name__": "__program__", "__builtins__": PROGRAM_BUILTINS}
    try:
        exec(compile(source, PROGRAM, "exec"), namespace)
        function = namespace.get(entry)
        failure = None if callable(function) else f"the program defines no function {entry!r}"
    except BaseException as error:  # any failure of the program is its verdict
        failure = describe(error)
    for value in inputs:
        result = call(function, value) if failure is None else {"ok": False, "error": failure}
        emit({**result, "stdout": captured.take()})


def call(function: object, value: object) -> dict[str, object]:
    try:
        return {"ok": True, "value": function(value)}  # type: ignore[operator]  # run() checked callable
    except BaseException as error:
        return {"ok": False, "error": describe(error)}


def emit(result: dict[str, object]) -> None:
    """Write `result` as one JSON line: numpy data as lists, anything else not plain refused."""
    try:
        line = json.dumps(result, default=_tolist, allow_nan=False)
    except BaseException as error:
        reason = f"the program returned something that is not plain data: {describe(error)}"
        line = json.dumps({"ok": False, "error": reason, "stdout": result["stdout"]})
    if len(line) > MAX_LINE:
        reason = f"the result is larger than {MAX_LINE} bytes"
        line = json.dumps({"ok": False, "error": reason, "stdout": result["stdout"]})
    data = memoryview((line + "\n").encode())
    while data:
        data = data[os.write(RESULT_FD, data) :]


def _tolist(value: object) -> object:
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def describe(error: BaseException) -> str:
    """The last lines of the traceback, from the program's own frames only, capped."""
    try:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == PROGRAM]
        lines = traceback.format_list(frames[-2:])
        lines += traceback.format_exception_only(type(error), error)
        text = "".join(lines).strip().splitlines()
        return "\n".join(text[-MAX_TRACE_LINES:])[:MAX_ERROR]
    except BaseException:
        return f"{type(error).__name__} (its message could not be shown)"
