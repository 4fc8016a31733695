"""The parent's handle on one fork-server process: start it, send it jobs, read its answers.

The server runs `worker/serve.py` in a new session (so one killpg ends it and its children),
with a fixed environment (nothing inherited: no API keys), in a new network namespace where
`unshare --net` works, and under Landlock where the kernel has it. A server that dies or
stops answering is killed and replaced, and its unanswered programs are tried once more
before they fail with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, cast

from abduce.programs.sandbox.results import RunResult, failed, parse

log = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("worker")
ENV = {
    "HOME": "/nonexistent",  # else expanding "~" loads pwd, which reads /etc/passwd in C
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
    # The heap in transparent huge pages: a fork copies one entry per 2 MiB, not per 4 KiB.
    "PYTHONMALLOC": "malloc",
    "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1",
}
STARTUP_SECONDS = 60.0
GRACE_SECONDS = 5.0  # beyond a program's timeout, for the server to fork, kill and reap
MAX_ANSWER = 1 << 30


class ServerLost(Exception):
    """The fork server died or stopped answering."""


class ForkServer:
    """One fork-server process that imports `preload`; used by one thread at a time."""

    def __init__(self, preload: tuple[str, ...]) -> None:
        self.preload = preload
        self._start()

    def run(
        self,
        sources: list[str],
        inputs: Sequence[object],
        entry: str,
        timeout: float,
        memory_mb: int,
    ) -> list[list[RunResult]]:
        """Each source's results on `inputs`, each program in a fresh child."""
        job = {
            "sources": sources,
            "entry": entry,
            "inputs": inputs,
            "timeout": timeout,
            "cpu_seconds": math.ceil(timeout) + 1,  # a backstop: the wall clock comes first
            "memory_bytes": memory_mb * 1024 * 1024,
        }
        answers: list[list[RunResult]] = []
        for _ in range(2):  # a lost server is replaced; its unanswered programs get one retry
            if self.process.poll() is not None:
                self.restart()
            try:
                self._wait_until_ready()
                self._send({**job, "sources": sources[len(answers) :]})
                while len(answers) < len(sources):
                    answers.append(_results(self._receive(timeout + GRACE_SECONDS), len(inputs)))
                return answers
            except ServerLost as error:
                lost = error
                self.restart()
            except BaseException:
                # Interrupted (Ctrl-C): stop the program, so that its late answer is not read
                # as the next program's.
                self.restart()
                raise
        unanswered = [failed(str(lost))] * len(inputs)
        return answers + [unanswered] * (len(sources) - len(answers))

    def restart(self) -> None:
        """Kill the server and its children; start a fresh one."""
        self.close()
        self._start()

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._stdin.close()
        self._stdout.close()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _start(self) -> None:
        path = [str(WORKER), *(p for p in sys.path if os.path.isabs(p))]
        config = {"path": path, "preload": self.preload}
        command = [*_network_isolation(), sys.executable, "-S", "-B", "-P"]
        command += [str(WORKER / "landlock.py"), json.dumps(config)]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=ENV,
            cwd="/",
            start_new_session=True,
        )
        # Both are pipes, as asked above; Popen's stubs type them as optional whatever it is asked.
        self._stdin = cast(IO[bytes], self.process.stdin)
        self._stdout = cast(IO[bytes], self.process.stdout)
        self._buffer = bytearray()
        self._ready = False

    def _wait_until_ready(self) -> None:
        if self._ready:
            return
        hello = self._receive(STARTUP_SECONDS)
        if hello["landlock"].startswith("unavailable"):
            _warn_once(f"sandbox: Landlock {hello['landlock']}; file access rests on the hook")
        if hello["user"] is None and os.geteuid() == 0:
            _warn_once("sandbox: nobody cannot read the Python installation; programs keep root")
        self._ready = True

    def _send(self, job: dict[str, object]) -> None:
        try:
            self._stdin.write(json.dumps(job).encode() + b"\n")
            self._stdin.flush()
        except OSError as error:
            raise ServerLost(f"the sandbox worker stopped unexpectedly ({error})") from error

    def _receive(self, seconds: float) -> dict[str, Any]:
        """The server's next JSON line, waiting at most `seconds`."""
        deadline = time.monotonic() + seconds
        stdout = self._stdout.fileno()
        while (end := self._buffer.find(b"\n")) < 0:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([stdout], [], [], left)[0]:
                raise ServerLost("the sandbox worker stopped responding")
            chunk = os.read(stdout, 1 << 20)
            if not chunk or len(self._buffer) > MAX_ANSWER:
                raise ServerLost("the sandbox worker stopped unexpectedly")
            self._buffer += chunk
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        answer: dict[str, Any] = json.loads(line)
        return answer


def _results(answer: dict[str, Any], count: int) -> list[RunResult]:
    """One result per input: parsed lines, then the reason the program stopped early."""
    results = [parse(line) for line in answer["lines"][:count]]
    reason = answer["error"] or "the program stopped before returning a result"
    return results + [failed(reason)] * (count - len(results))


@functools.cache
def _network_isolation() -> tuple[str, ...]:
    """`unshare --net` if it works here (it needs root or user namespaces), else nothing."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return (unshare, "--net")
    _warn_once("sandbox: no network namespace (unshare --net failed); sockets rest on the hook")
    return ()


@functools.cache
def _warn_once(message: str) -> None:
    log.warning(message)
