"""Launch the fork server inside a Landlock domain: read-only libraries, no writes, no TCP.

Started by the parent as `python -S -B -P landlock.py CONFIG`. Landlock (Linux 5.13+) lets a
process restrict itself and every process it later starts or executes; the kernel then
enforces the file read allow-list even if a program got past the audit hook. This needs
ctypes, so it is a separate program that replaces itself (exec) with serve.py: ctypes is never
loaded in the fork server. Without Landlock, serve.py starts all the same and says so.
"""

import ctypes
import json
import os
import sys

CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446  # same numbers on every architecture
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1, 2, 4, 8
ALL_FS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
TCP_BIND_AND_CONNECT = 3  # ABI 4+
SCOPE_ABSTRACT_UNIX_AND_SIGNAL = 3  # ABI 6+

SYSTEM_LIBRARIES = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib")
# glibc reads the huge page size here before it puts the heap in huge pages (see server.py).
SYSTEM_DIRECTORIES = (*SYSTEM_LIBRARIES, "/sys/kernel/mm/transparent_hugepage")
SYSTEM_FILES = ("/etc/ld.so.cache",)


class RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


libc = ctypes.CDLL(None, use_errno=True)


def syscall(number: int, *args: object) -> int:
    result: int = libc.syscall(ctypes.c_long(number), *args)
    if result < 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error))
    return result


def restrict(stdlib: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """Restrict this process (and what it executes) with Landlock; returns the ABI used."""
    abi = syscall(CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    handled_fs = ALL_FS[max(level for level in ALL_FS if level <= abi)]
    attr = RulesetAttr(handled_fs, TCP_BIND_AND_CONNECT, SCOPE_ABSTRACT_UNIX_AND_SIGNAL)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = syscall(CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    directories = [*stdlib, *packages, *(p.rstrip("/") + ".libs" for p in packages)]
    directories += [os.path.dirname(os.path.abspath(__file__)), *SYSTEM_DIRECTORIES]
    rules = [(path, READ_FILE | READ_DIR) for path in directories]
    rules += [(path, READ_DIR) for path in sys.path]  # where imports look for modules
    rules += [(path, READ_FILE) for path in SYSTEM_FILES]
    rules += [(path, READ_FILE | EXECUTE) for path in _mapped_files()]
    rules += [(os.devnull, READ_FILE | WRITE_FILE)]
    for path, access in rules:
        if os.path.exists(path):
            _allow(ruleset, path, access)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0),
                  ctypes.c_ulong(0)) != 0:  # fmt: skip
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    syscall(RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0))
    return f"ABI {abi}"


def _allow(ruleset: int, path: str, access: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        rule = PathBeneathAttr(access, fd)
        syscall(ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH),
                ctypes.byref(rule), ctypes.c_uint32(0))  # fmt: skip
    finally:
        os.close(fd)


def _mapped_files() -> set[str]:
    """Files mapped into this process: the interpreter, its loader and shared libraries.

    The exec of serve.py needs them again (execute for the binary and the loader).
    """
    with open("/proc/self/maps") as maps:
        return {line.split(maxsplit=5)[5].strip() for line in maps if "/" in line}


def main() -> None:
    config = json.loads(sys.argv[1])
    sys.path[:] = config["path"]
    import policy

    python = os.path.realpath(sys.executable)
    try:
        config["landlock"] = restrict(*policy.read_roots())
    except (OSError, AttributeError) as error:
        config["landlock"] = f"unavailable ({error})"
    serve = os.path.join(os.path.dirname(__file__), "serve.py")
    os.execv(python, [python, "-S", "-B", "-P", serve, json.dumps(config)])


if __name__ == "__main__":
    main()
