"""A thread-safe pool of fork servers, and the process-wide default pool."""

from __future__ import annotations

import atexit
import math
import os
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from abduce.programs.sandbox.results import RunResult
from abduce.programs.sandbox.server import ForkServer

LIBRARIES = ("numpy", "networkx", "sympy")


class Sandbox:
    """Runs untrusted programs, each in a fresh confined process forked from a warm server.

    `preload`: libraries each server imports once; others load per program, when imported,
    except sympy, which needs ctypes at import and so works only preloaded. Each preloaded
    library makes every fork slower (see benchmarks/RESULTS.md). Safe to share between
    threads: a call waits for a free server. Batches are spread over all servers; a server
    that dies is replaced and its unanswered programs are tried once more.
    """

    def __init__(self, workers: int | None = None, preload: Sequence[str] = LIBRARIES) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._servers = [ForkServer(tuple(preload)) for _ in range(self.workers)]
        self._idle: queue.SimpleQueue[ForkServer] = queue.SimpleQueue()
        for server in self._servers:
            self._idle.put(server)
        self._spread = ThreadPoolExecutor(self.workers, thread_name_prefix="sandbox")

    def run(
        self,
        source: str,
        inputs: Sequence[object],
        *,
        entry: str = "transform",
        timeout: float = 10.0,
        memory_mb: int = 1024,
    ) -> list[RunResult]:
        """Call `entry` from `source` on each input; one result per input.

        `timeout` is wall-clock seconds for the whole program; `memory_mb` caps the child's
        heap, the preloaded libraries (30 to 100 MB) included.
        """
        return self._run_chunk([source], inputs, entry, timeout, memory_mb)[0]

    def run_many(
        self,
        sources: Sequence[str],
        inputs: Sequence[object],
        *,
        entry: str = "transform",
        timeout: float = 10.0,
        memory_mb: int = 1024,
    ) -> list[list[RunResult]]:
        """`run` for many programs on the same inputs, spread over the servers."""
        size = max(1, math.ceil(len(sources) / (4 * self.workers)))
        chunks = [list(sources[i : i + size]) for i in range(0, len(sources), size)]
        futures = [
            self._spread.submit(self._run_chunk, chunk, inputs, entry, timeout, memory_mb)
            for chunk in chunks
        ]
        return [results for future in futures for results in future.result()]

    def pids(self) -> list[int]:
        """The fork servers' process ids (for tests and benchmarks)."""
        return [server.pid for server in self._servers]

    def close(self) -> None:
        self._spread.shutdown()
        for server in self._servers:
            server.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run_chunk(
        self,
        sources: list[str],
        inputs: Sequence[object],
        entry: str,
        timeout: float,
        memory_mb: int,
    ) -> list[list[RunResult]]:
        if timeout <= 0 or memory_mb <= 0:
            raise ValueError("timeout and memory_mb must be positive")
        server = self._idle.get()
        try:
            return server.run(sources, inputs, entry, timeout, memory_mb)
        finally:
            self._idle.put(server)


_default: Sandbox | None = None
_default_lock = threading.Lock()


def _forget_default() -> None:
    """In a forked child of this process: the servers' pipes belong to the parent."""
    global _default, _default_lock
    _default, _default_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_default)


def default_sandbox() -> Sandbox:
    """The process-wide pool, started on first use and closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Sandbox()
            atexit.register(_default.close)
        return _default
