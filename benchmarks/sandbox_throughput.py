"""Sandbox throughput: program checks per second, next to a fresh `python -c` per check.

One check = one program run on all train inputs of a typical ARC task (the ARC-AGI-1 training
task whose train inputs have the median number of cells). Measures (a) one trivial program
repeated, (b) 1,000 distinct programs, (c) one program per call from as many threads as
servers (how the verifier calls it), for servers preloading numpy, networkx and sympy (the
default) and numpy alone; next to a baseline in the same run for (a) and (b), a fresh
`python -c` per check; and each idle server's RSS and the time to replace a killed server.
Prints Markdown for RESULTS.md.

    python benchmarks/sandbox_throughput.py [--checks 2000] [--repeats 5] [--baseline 40]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from abduce.programs import Sandbox
from abduce.programs.sandbox import LIBRARIES
from abduce.tasks import Task, load_arc

TRIVIAL = "def transform(grid):\n    return grid\n"
RUNNER = "\nimport json, sys\nprint(json.dumps([transform(g) for g in json.load(sys.stdin)]))\n"


def typical_task() -> Task:
    """The ARC-AGI-1 training task with the median number of train input cells."""
    tasks = sorted(load_arc("training").values(), key=_cells)
    return tasks[len(tasks) // 2]


def _cells(task: Task) -> int:
    return sum(len(e.input) * len(e.input[0]) for e in task.train)


def distinct_programs(count: int) -> list[str]:
    """Small numpy grid programs, all different: rotate, recolour, crop."""
    return [
        "import numpy as np\n\n"
        "def transform(grid):\n"
        f"    g = np.rot90(np.array(grid), {k % 4})\n"
        f"    g[g == {k // 4 % 10}] = {k // 40 % 10}\n"
        f"    return g[{k % 3}:, :].tolist()  # variant {k}\n"
        for k in range(count)
    ]


def per_second(count: int, work: Callable[[], object], repeats: int) -> float:
    """Median rate of `count` checks done by `work`, over `repeats` runs."""
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        rates.append(count / (time.perf_counter() - started))
    return statistics.median(rates)


def checked(results: list[list]) -> None:
    failures = [r.error for rs in results for r in rs if not r.ok]
    assert not failures, failures[:3]


def baseline(sources: list[str], inputs: list, workers: int) -> None:
    """Each check in a fresh `python -c` process, `workers` at a time."""
    data = json.dumps(inputs)

    def check(source: str) -> None:
        command = [sys.executable, "-c", source + RUNNER]
        subprocess.run(command, input=data, capture_output=True, text=True, check=True)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(check, sources))


def one_per_call(sandbox: Sandbox, sources: list[str], inputs: list) -> None:
    with ThreadPoolExecutor(sandbox.workers) as pool:
        checked(list(pool.map(lambda source: sandbox.run(source, inputs), sources)))


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def replacement_seconds(preload: tuple[str, ...], repeats: int) -> float:
    """Median time from SIGKILL of an idle server to the next program's result."""
    times = []
    with Sandbox(workers=1, preload=preload) as sandbox:
        sandbox.run(TRIVIAL, [0])
        for _ in range(repeats):
            os.kill(sandbox.pids()[0], signal.SIGKILL)
            started = time.perf_counter()
            [result] = sandbox.run(TRIVIAL, [0])
            times.append(time.perf_counter() - started)
            assert result.ok, result.error
    return statistics.median(times)


def measure(preload: tuple[str, ...], inputs: list, args: argparse.Namespace) -> dict:
    """Rates of (a), (b) and (c), idle RSS and replacement time for servers with `preload`."""
    trivial = [TRIVIAL] * args.checks
    distinct = distinct_programs(args.distinct)
    with Sandbox(preload=preload) as sandbox:
        checked(sandbox.run_many(distinct[: sandbox.workers], inputs))  # started and warm
        time.sleep(1)
        return {
            "a": per_second(args.checks, lambda: checked(sandbox.run_many(trivial, inputs)),
                            args.repeats),
            "b": per_second(args.distinct, lambda: checked(sandbox.run_many(distinct, inputs)),
                            args.repeats),
            "c": per_second(args.checks, lambda: one_per_call(sandbox, trivial, inputs),
                            args.repeats),
            "rss": [rss_mb(pid) for pid in sandbox.pids()],
            "replace": replacement_seconds(preload, args.repeats),
        }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=2000, help="checks for (a) and (c)")
    parser.add_argument("--distinct", type=int, default=1000, help="programs for (b)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--baseline", type=int, default=40, help="checks per baseline run")
    args = parser.parse_args()

    task = typical_task()
    inputs = [example.input for example in task.train]
    workers = os.cpu_count() or 1
    base = {
        "a": per_second(args.baseline, lambda: baseline([TRIVIAL] * args.baseline, inputs,
                                                        workers), args.repeats),
        "b": per_second(args.baseline, lambda: baseline(distinct_programs(args.baseline),
                                                        inputs, workers), args.repeats),
    }  # fmt: skip
    profiles = {"numpy, networkx, sympy (default)": LIBRARIES, "numpy only": ("numpy",)}
    results = {name: measure(preload, inputs, args) for name, preload in profiles.items()}

    shape = f"{len(inputs)} train inputs, {_cells(task)} cells in all"
    print(f"Task {task.id} ({shape}); {workers} servers; medians of {args.repeats} runs.\n")
    print("| preloaded | workload | sandbox checks/s | baseline checks/s | speed-up |")
    print("|---|---|---:|---:|---:|")
    for name, result in results.items():
        for key, workload in WORKLOADS.items():
            slow = base.get(key)
            speed = f"{result[key] / slow:.0f}×" if slow else "–"
            shown = f"{slow:.1f}" if slow else "–"
            print(f"| {name} | {workload} | {result[key]:.0f} | {shown} | {speed} |")
    print()
    for name, result in results.items():
        rss = ", ".join(f"{mb:.0f} MB" for mb in result["rss"])
        print(
            f"- {name}: idle server RSS {rss}; a killed server is replaced (kill → next "
            f"result) in {result['replace']:.2f} s."
        )


WORKLOADS = {
    "a": "(a) one trivial program, repeated",
    "b": "(b) 1,000 distinct numpy programs",
    "c": "(c) one program per call, a thread per server",
}


if __name__ == "__main__":
    main()
