"""Worker process: run one untrusted program on many inputs, one JSON line per input.

Started by `abduce.programs.sandbox` as `python -I _worker.py`; reads a job as JSON on stdin.
Never imported by the parent process.
"""

import contextlib
import io
import json
import os
import resource
import sys
import traceback

MAX_LINE = 1_000_000
MAX_TRACE_LINES = 4
PRELOADED = ("numpy", "networkx", "sympy")


def limit_resources(cpu_seconds: int, memory_bytes: int) -> None:
    """Cap CPU time, heap, file writes, open files and child processes of this process."""
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))


FORBIDDEN_EVENTS = frozenset(
    {
        "os.system",
        "os.fork",
        "os.forkpty",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "subprocess.Popen",
        "pty.spawn",
        "os.kill",
        "os.killpg",
        "socket.__new__",
        "socket.connect",
        "socket.bind",
        "ctypes.dlopen",
        "ctypes.cdata",
        "os.remove",
        "os.rename",
        "os.rmdir",
        "os.mkdir",
        "os.chmod",
        "os.chown",
        "os.link",
        "os.symlink",
        "os.truncate",
        "os.utime",
        "shutil.rmtree",
        "sys.settrace",
        "sys.setprofile",
    }
)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def refuse_harm(event: str, args: tuple) -> None:
    """Audit hook: refuse process creation, sockets, native code and writes to files."""
    if event in FORBIDDEN_EVENTS:
        raise PermissionError(f"sandbox: {event} is not allowed")
    if event == "open" and _opens_for_writing(*args):
        raise PermissionError(f"sandbox: opening {args[0]!r} for writing is not allowed")


def _opens_for_writing(path: object, mode: object, flags: object) -> bool:
    if isinstance(mode, str) and any(m in mode for m in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & WRITE_FLAGS)


def short_error(error: BaseException) -> str:
    """The last lines of the traceback, without this file's frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<program>"]
    lines = traceback.format_list(frames[-2:]) + traceback.format_exception_only(error)
    text = "".join(lines).strip().splitlines()
    return "\n".join(text[-MAX_TRACE_LINES:])


def to_plain(value: object) -> object:
    """Numpy arrays and tuples become lists, numpy scalars become Python numbers."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def preload() -> None:
    """Import the libraries programs may use before the audit hook forbids loading native code."""
    for name in PRELOADED:
        with contextlib.suppress(ImportError):
            __import__(name)


def main() -> None:
    job = json.loads(sys.stdin.read())
    results = os.fdopen(os.dup(1), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdout = sys.stderr = io.StringIO()
    preload()
    limit_resources(job["cpu_seconds"], job["memory_bytes"])
    sys.addaudithook(refuse_harm)

    def emit(result: dict) -> None:
        line = json.dumps(result)
        if len(line) > MAX_LINE:
            line = json.dumps({"ok": False, "error": "result too large"})
        results.write(line + "\n")
        results.flush()
        sys.stdout.seek(0)
        sys.stdout.truncate()

    namespace: dict = {"__name__": "program"}
    try:
        exec(compile(job["source"], "<program>", "exec"), namespace)
        entry = namespace[job["entry"]]
    except KeyError:
        error = f"the program defines no function {job['entry']!r}"
        for _ in job["inputs"]:
            emit({"ok": False, "error": error})
        return
    except BaseException as failure:  # noqa: BLE001 - any failure is the program's verdict
        error = short_error(failure)
        for _ in job["inputs"]:
            emit({"ok": False, "error": error})
        return
    for value in job["inputs"]:
        try:
            emit({"ok": True, "value": to_plain(entry(value))})
        except BaseException as failure:  # noqa: BLE001
            emit({"ok": False, "error": short_error(failure)})


if __name__ == "__main__":
    main()
