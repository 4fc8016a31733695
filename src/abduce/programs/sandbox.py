"""Run untrusted programs in separate, resource-limited worker processes.

A minimal sandbox: a fresh `python -I` process per job, an empty environment, limits on CPU,
heap, file writes and child processes, and a wall-clock timeout that kills the whole process
group. Results come back as JSON lines and are never trusted beyond being plain data.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

WORKER = Path(__file__).with_name("_worker.py")
WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}


class RunResult(BaseModel):
    """The outcome of calling a program's entry point on one input."""

    ok: bool
    value: object = None
    error: str | None = None


def run_program(
    source: str,
    inputs: list[object],
    *,
    entry: str = "transform",
    timeout: float = 10.0,
    memory_mb: int = 1024,
) -> list[RunResult]:
    """Call `entry` from `source` on each input in one worker process; one result per input."""
    job = {
        "source": source,
        "entry": entry,
        "inputs": inputs,
        "cpu_seconds": math.ceil(timeout),
        "memory_bytes": memory_mb * 1024 * 1024,
    }
    process = subprocess.Popen(
        [sys.executable, "-I", str(WORKER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=WORKER_ENV,
        cwd="/",
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(json.dumps(job).encode(), timeout=timeout)
        reason = _exit_reason(process.returncode)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        output, _ = process.communicate()
        reason = f"timed out after {timeout:g} s"
    results = [_parse_line(line) for line in output.decode(errors="replace").splitlines()]
    missing = len(inputs) - len(results)
    return results[: len(inputs)] + [RunResult(ok=False, error=reason)] * max(0, missing)


def _kill_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _exit_reason(returncode: int) -> str:
    if returncode == -signal.SIGXCPU:
        return "CPU time limit exceeded"
    if returncode < 0:
        return f"the worker was killed by signal {-returncode}"
    return f"the worker stopped unexpectedly (exit code {returncode})"


def _parse_line(line: str) -> RunResult:
    try:
        return RunResult.model_validate_json(line)
    except ValueError:
        return RunResult(ok=False, error="the worker sent malformed output")
