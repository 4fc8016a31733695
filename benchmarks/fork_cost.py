"""The floor under the sandbox's throughput: one fork + exit + wait of a process holding `modules`.

    python benchmarks/fork_cost.py [numpy,networkx,sympy] [--pinned]

Run it with PYTHONMALLOC=malloc GLIBC_TUNABLES=glibc.malloc.hugetlb=1 to see the heap in
transparent huge pages, as the sandbox's fork servers have it.
"""

import argparse
import os
import statistics
import time


def fork_ms(count: int = 500) -> float:
    started = time.perf_counter()
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    return (time.perf_counter() - started) / count * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="?", default="", help="comma-separated, to import")
    parser.add_argument("--pinned", action="store_true", help="stay on the first CPU")
    args = parser.parse_args()
    for name in filter(None, args.modules.split(",")):
        __import__(name)
    if args.pinned:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    median = statistics.median(fork_ms() for _ in range(5))
    print(f"{args.modules or 'bare interpreter'}: {median:.2f} ms per fork + exit")


if __name__ == "__main__":
    main()
