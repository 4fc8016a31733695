"""Confine a forked child before it runs a program: limits, no privileges, an audit hook."""

import builtins
import os
import resource
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from policy import ALLOWED_EVENTS, ALLOWED_MODULES, REFUSED_MODULES

NOBODY = 65534
MAX_OPEN_FILES = 32
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
READ_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})


def confine(
    cpu_seconds: int, memory_bytes: int, roots: tuple[tuple[str, ...], ...], user: int | None
) -> None:
    """Apply every limit, or raise: nothing may run half confined.

    The hook is made here and handed only to sys.addaudithook: nothing a program can reach
    holds it (frames, module globals), so its defaults cannot be swapped.
    """
    limit_resources(cpu_seconds, memory_bytes)
    if user is not None:
        become(user)
    sys.addaudithook(make_audit_hook(*roots))


def limit_resources(cpu_seconds: int, memory_bytes: int) -> None:
    """Cap CPU time, heap, file size (0: no writes), open files and processes (0: none)."""
    for limit, value in (
        (resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1)),
        (resource.RLIMIT_DATA, (memory_bytes, memory_bytes)),
        (resource.RLIMIT_FSIZE, (0, 0)),
        (resource.RLIMIT_CORE, (0, 0)),
        (resource.RLIMIT_NOFILE, (MAX_OPEN_FILES, MAX_OPEN_FILES)),
        (resource.RLIMIT_NPROC, (0, 0)),
    ):
        resource.setrlimit(limit, value)


def become(user: int) -> None:
    """Drop root for `user`: only then does the kernel apply RLIMIT_NPROC = 0.

    The limit is set before the switch, so the kernel also refuses exec (PF_NPROC_EXCEEDED);
    and the child can no longer signal or trace the fork server or the parent.
    """
    os.setgroups([])
    os.setgid(user)
    os.setuid(user)


def unprivileged_user(directories: tuple[str, ...]) -> int | None:
    """NOBODY if this runs as root and nobody can read `directories`, else None.

    Python installed under /root (pyenv, conda) is unreadable to nobody; children then keep
    root, and only the audit hook (and Landlock for exec) stops new processes.
    """
    if os.geteuid() != 0:
        return None
    pid = os.fork()
    if pid == 0:
        try:
            become(NOBODY)
            for directory in directories:
                os.listdir(directory)
            os._exit(0)
        finally:
            os._exit(1)
    return NOBODY if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 else None


def make_audit_hook(
    stdlib: tuple[str, ...], packages: tuple[str, ...]
) -> Callable[[str, tuple[Any, ...]], None]:
    """The audit hook: refuse every event not known to be harmless.

    Files may be read below `packages`, or below `stdlib` outside site-packages; imports of
    REFUSED_MODULES are refused whoever asks. The hook is reachable from no module and reads
    nothing mutable: all it uses is bound as a default (immutable) or is a method of an exact
    `str`, so a program can neither patch it nor make it run the program's own code.
    """

    def hook(
        event: str,
        args: tuple[Any, ...],  # each event's own arguments
        allowed: frozenset[str] = ALLOWED_EVENTS,
        reads: frozenset[str] = READ_EVENTS,
        refused: frozenset[str] = REFUSED_MODULES,
        stdlib: tuple[str, ...] = stdlib,
        packages: tuple[str, ...] = packages,
        write_flags: int = WRITE_FLAGS,
        str: type[str] = str,
        int: type[int] = int,
        type: type[type] = type,
        denied: type[PermissionError] = PermissionError,
        missing: type[ModuleNotFoundError] = ModuleNotFoundError,
    ) -> None:
        if event in allowed:
            return
        if event in reads:
            path = args[0]
            mode, flags = args[1:] if event == "open" else (None, 0)
            if (
                type(path) is str
                and (mode is None or str.strip(mode, "rbt") == "")
                and type(flags) is int
                and not flags & write_flags
                and "/.." not in path
                and (
                    str.startswith(path + "/", packages)
                    or (str.startswith(path + "/", stdlib) and "-packages/" not in path)
                )
            ):
                return
            shown = f"{path!r}" if type(path) is str else "this path"
            raise denied(f"sandbox: {event} {shown} is not allowed")
        if event == "import":
            name, filename = args[0], args[1]
            parts = str.split(name, ".")
            if type(filename) is str:
                parts.append(str.partition(str.rpartition(filename, "/")[2], ".")[0])
            for part in parts:
                if part in refused:  # as ImportError: libraries expect that for optional imports
                    raise missing(f"sandbox: importing {part} is not allowed")
            return
        raise denied(f"sandbox: {event} is not allowed")

    return hook


def guarded_import(
    name: str,
    globals: Mapping[str, object] | None = None,
    locals: Mapping[str, object] | None = None,
    fromlist: Sequence[str] | None = (),
    level: int = 0,
) -> object:
    """`__import__` for programs: only ALLOWED_MODULES, by absolute name."""
    if level != 0:
        raise ImportError("sandbox: relative imports are not allowed")
    if str.partition(name, ".")[0] not in ALLOWED_MODULES:
        allowed = ", ".join(sorted(ALLOWED_MODULES))
        raise ImportError(f"sandbox: import of {name!r} is not allowed; allowed: {allowed}")
    return builtins.__import__(name, globals, locals, fromlist, level)


# The builtins a program sees: the real ones, with `import` limited to ALLOWED_MODULES. Made
# once in the fork server; each child changes only its own copy.
PROGRAM_BUILTINS = {**vars(builtins), "__import__": guarded_import}
