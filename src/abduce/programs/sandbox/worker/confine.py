"""Confine a forked child before it runs a program: limits, no privileges, an audit hook."""

import builtins
import os
import resource
import sys
from collections.abc import Callable

from policy import ALLOWED_EVENTS, ALLOWED_MODULES, REFUSED_MODULES

NOBODY = 65534
MAX_OPEN_FILES = 32
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
READ_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})


def confine(cpu_seconds: int, memory_bytes: int, roots: tuple[tuple[str, ...], ...]) -> None:
    """Apply every limit, or raise: nothing may run half confined."""
    limit_resources(cpu_seconds, memory_bytes)
    drop_privileges()
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


def drop_privileges() -> None:
    """As root, become nobody: only then does the kernel apply RLIMIT_NPROC = 0.

    It is set before the switch, so the kernel also refuses exec (PF_NPROC_EXCEEDED), and as
    nobody the child cannot signal or trace the fork server or the parent.
    """
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)


def make_audit_hook(stdlib: tuple[str, ...], packages: tuple[str, ...]) -> Callable:
    """The audit hook: refuse every event not known to be harmless.

    Files may be read below `packages`, or below `stdlib` outside site-packages; imports of
    REFUSED_MODULES are refused whoever asks. The hook is reachable from no module and reads
    nothing mutable: all it uses is bound as a default (immutable) or is a method of an exact
    `str`, so a program can neither patch it nor make it run the program's own code.
    """

    def hook(
        event,
        args,
        allowed=ALLOWED_EVENTS,
        reads=READ_EVENTS,
        refused=REFUSED_MODULES,
        stdlib=stdlib,
        packages=packages,
        write_flags=WRITE_FLAGS,
        str=str,
        int=int,
        type=type,
        denied=PermissionError,
    ):
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
                if part in refused:
                    raise denied(f"sandbox: importing {part} is not allowed")
            return
        raise denied(f"sandbox: {event} is not allowed")

    return hook


def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    """`__import__` for programs: only ALLOWED_MODULES, by absolute name."""
    if level != 0 or str.partition(name, ".")[0] not in ALLOWED_MODULES:
        allowed = ", ".join(sorted(ALLOWED_MODULES))
        raise ImportError(f"sandbox: import of {name!r} is not allowed; allowed: {allowed}")
    return builtins.__import__(name, globals, locals, fromlist, level)


def program_builtins() -> dict:
    """The builtins a program sees: the real ones, with `import` limited to ALLOWED_MODULES."""
    return {**vars(builtins), "__import__": guarded_import}
