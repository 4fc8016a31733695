"""The fork server: import the libraries once, then fork a fresh, confined child per program.

Started by the parent (through landlock.py) as `python -S -B -P serve.py CONFIG`, where CONFIG
is JSON: {"path": sys.path, "preload": libraries to import, "landlock": what was done}. Reads
one JSON request per line on stdin: {"sources", "entry", "inputs", "timeout", "cpu_seconds",
"memory_bytes"}; answers each source with one JSON line {"lines": [...], "error": ...}, where
`lines` are the child's raw result lines, relayed unparsed. Nothing here runs program code:
a child that hangs, crashes or floods its pipe is killed and reaped, and the server goes on.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import select
import signal
import struct
import sys
import time
import types
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Callable


def main() -> None:
    config = json.loads(sys.argv[1])
    sys.path[:] = config["path"]
    import confine
    import policy
    import run

    preload(policy.STDLIB_PRELOAD + tuple(config["preload"]))
    roots = policy.read_roots()
    # From here on, only the libraries: also for the program packages' optional imports.
    packages = (*policy.PACKAGES, *policy.PROGRAM_PACKAGES)
    sys.meta_path.insert(0, OnlyLibraries(packages, policy.REFUSED_MODULES))
    for name, (directory, needs) in policy.PROGRAM_PACKAGES.items():
        if set(needs) <= set(config["preload"]):
            load_package(name, directory)
    sys.modules["abduce"] = _abduce_stand_in()
    setup = {
        "devnull": os.open(os.devnull, os.O_RDWR),
        "roots": roots,
        "user": confine.unprivileged_user(sum(roots, ())),
    }
    disarm(policy.UNAUDITED_CALLS, policy.REFUSED_MODULES)
    gc.collect()
    gc.freeze()  # children then share, rather than copy, the preloaded objects' pages
    send({"ready": True, "landlock": config["landlock"], "user": setup["user"]})
    for line in sys.stdin.buffer:
        job = json.loads(line)
        for source in job["sources"]:
            send(fork_program(run.child, job, source, setup, policy.MAX_LINE))


def preload(modules: tuple[str, ...]) -> None:
    """Import `modules`, but never ctypes: its function pointers run without audit events.

    numpy catches the ImportError; sympy, which reads only `sizeof(c_long)` at import, gets a
    stand-in with just that.
    """
    for name in modules:
        if importlib.util.find_spec(name.partition(".")[0]) is None:
            continue  # an optional package that is not installed
        stand_in = _ctypes_stand_in() if name == "sympy" else None
        sys.modules["ctypes"] = stand_in  # type: ignore[assignment]  # None: refuse the import
        __import__(name)
    del sys.modules["ctypes"]


def load_package(name: str, directory: str) -> None:
    """Import the package in `directory` under `name` (its own imports must be relative)."""
    init = os.path.join(directory, "__init__.py")
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[directory]
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"no package {name} in {directory}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


def disarm(calls: dict[str, tuple[str, ...]], refused: frozenset[str]) -> None:
    """Replace `calls` by refusals in every module that holds them; unload refused modules.

    Raises SystemExit if a refused module is loaded and was not merely disarmed.
    """
    targets: dict[int, tuple[object, object]] = {}
    for holder, names in calls.items():
        for name in names:
            function = getattr(sys.modules.get(holder), name, None)
            if function is not None:
                targets[id(function)] = (function, _refusal(name))
    for module in list(sys.modules.values()):
        for key, value in list(getattr(module, "__dict__", {}).items()):
            if id(value) in targets and targets[id(value)][0] is value:
                setattr(module, key, targets[id(value)][1])
    for name in refused & calls.keys() & sys.modules.keys():
        del sys.modules[name]
    loaded = refused & sys.modules.keys()
    if loaded:
        raise SystemExit(f"refusing to serve: {sorted(loaded)} were loaded")


def _refusal(name: str) -> Callable[..., NoReturn]:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise PermissionError(f"sandbox: {name} is not allowed")

    return refuse


def _abduce_stand_in() -> types.ModuleType:
    """`from abduce import tool` for a plugin's module run as a program: the decorator
    leaves the function as it is."""
    abduce = types.ModuleType("abduce")

    def tool(function: object = None, **options: object) -> object:
        return function if function is not None else (lambda function: function)

    vars(abduce).update(tool=tool)
    return abduce


def _ctypes_stand_in() -> types.ModuleType:
    ctypes = types.ModuleType("ctypes")
    vars(ctypes).update(c_long="l", sizeof=struct.calcsize)
    return ctypes


class OnlyLibraries:
    """A meta path finder: modules outside the standard library and PACKAGES are not found,
    nor refused ones.

    The audit hook would refuse to read them anyway; this makes a library's optional import
    (`try: import x except ImportError`) fail the way the library expects, and it also stops
    refused modules built into Python (pwd), which importlib loads without an audit event.
    """

    def __init__(self, packages: tuple[str, ...], refused: frozenset[str]) -> None:
        self.known = sys.stdlib_module_names | set(packages) | set(sys.modules)
        self.refused = refused

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        top = name.partition(".")[0]
        if top in self.refused:
            raise ModuleNotFoundError(f"sandbox: importing {top} is not allowed", name=name)
        if top not in self.known:
            raise ModuleNotFoundError(f"No module named {name!r} in the sandbox", name=name)


def fork_program(
    child: Callable[[dict[str, Any], str, int, dict[str, Any]], NoReturn],
    job: dict[str, Any],
    source: str,
    setup: dict[str, Any],
    max_line: int,
) -> dict[str, object]:
    """Run `source` in a forked child; collect its result lines within the job's timeout."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        child(job, source, write_fd, setup)
    os.close(write_fd)
    try:
        limit = (len(job["inputs"]) + 1) * (max_line + 1)
        data, error = collect(pid, read_fd, job["timeout"], limit)
    finally:
        os.close(read_fd)
    lines = data.decode("utf-8", errors="replace").split("\n")[:-1]
    return {"lines": lines[: len(job["inputs"])], "error": error}


def collect(pid: int, fd: int, timeout: float, limit: int) -> tuple[bytes, str | None]:
    """The child's output and, if it did not finish cleanly, why; the child is reaped."""
    deadline = time.monotonic() + timeout
    data = bytearray()
    error = None
    with _pidfd(pid) as exited:
        while error is None and (chunk := _read(fd, deadline)) != b"":
            if chunk is None:
                error = f"timed out after {timeout:g} s"
            elif len(data) + len(chunk) > limit:
                error = f"the program's output exceeded {limit} bytes"
            else:
                data += chunk
        if error is None and not select.select([exited], [], [], _left(deadline))[0]:
            error = f"timed out after {timeout:g} s"
        if error is not None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    return bytes(data), error or exit_reason(status)


def _read(fd: int, deadline: float) -> bytes | None:
    """Up to 64 KiB from `fd`, b"" at its end, or None once `deadline` has passed."""
    if not select.select([fd], [], [], _left(deadline))[0]:
        return None
    return os.read(fd, 65536)


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


class _pidfd:
    """A file descriptor that becomes readable when process `pid` exits."""

    def __init__(self, pid: int) -> None:
        self.fd = os.pidfd_open(pid)

    def __enter__(self) -> int:
        return self.fd

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)


def exit_reason(status: int) -> str | None:
    """Why a child stopped, from its wait status; None for a clean exit."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGXCPU:
            return "CPU time limit exceeded"
        if number == signal.SIGSEGV:
            return "the program crashed (SIGSEGV; too deep a recursion?)"
        return f"the program was killed by {signal.Signals(number).name}"
    code = os.waitstatus_to_exitcode(status)
    return f"the program exited with code {code}" if code else None


def send(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
