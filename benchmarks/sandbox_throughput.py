"""Sandbox throughput: program checks per second, next to a fresh `python -c` per check.

One check = one program run on all train inputs of a typical ARC task (the ARC-AGI-1 training
task whose train inputs have the median number of cells). Measures (a) one trivial program
repeated, (b) 1,000 distinct programs, (c) one program per call from as many threads as
servers (how the verifier calls it), a baseline in the same run for (a) and (b), each idle
server's RSS and the time to replace a killed server. Prints Markdown for RESULTS.md.

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


def replacement_seconds(repeats: int) -> float:
    """Median time from SIGKILL of an idle server to the next program's result."""
    times = []
    with Sandbox(workers=1) as sandbox:
        sandbox.run(TRIVIAL, [0])
        for _ in range(repeats):
            os.kill(sandbox.pids()[0], signal.SIGKILL)
            started = time.perf_counter()
            [result] = sandbox.run(TRIVIAL, [0])
            times.append(time.perf_counter() - started)
            assert result.ok, result.error
    return statistics.median(times)


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
    distinct = distinct_programs(args.distinct)
    with Sandbox(workers) as sandbox:
        checked(sandbox.run_many(distinct[:workers], inputs))  # servers started and warm
        idle = [rss_mb(pid) for pid in sandbox.pids()]
        trivial = [TRIVIAL] * args.checks
        rows = [
            ("(a) one trivial program, repeated", args.checks,
             lambda: checked(sandbox.run_many(trivial, inputs)),
             lambda: baseline([TRIVIAL] * args.baseline, inputs, workers)),
            ("(b) distinct numpy programs", args.distinct,
             lambda: checked(sandbox.run_many(distinct, inputs)),
             lambda: baseline(distinct[: args.baseline], inputs, workers)),
            ("(c) one program per call, a thread per server", args.checks,
             lambda: one_per_call(sandbox, trivial, inputs), None),
        ]  # fmt: skip
        table = []
        for name, count, work, base in rows:
            rate = per_second(count, work, args.repeats)
            slow = per_second(args.baseline, base, args.repeats) if base else None
            table.append((name, count, rate, slow))
    replace = replacement_seconds(args.repeats)

    shape = f"{len(inputs)} train inputs, {_cells(task)} cells in all"
    print(f"Task {task.id} ({shape}); {workers} servers; median of {args.repeats} runs.\n")
    print("| workload | checks per run | sandbox checks/s | baseline checks/s | speed-up |")
    print("|---|---:|---:|---:|---:|")
    for name, count, rate, slow in table:
        base = f"{slow:.1f}" if slow else "–"
        ratio = f"{rate / slow:.0f}×" if slow else "–"
        print(f"| {name} | {count} | {rate:.0f} | {base} | {ratio} |")
    print(f"\nIdle server RSS: {', '.join(f'{mb:.0f} MB' for mb in idle)}.")
    print(f"Replacing a killed server (kill → next result): {replace:.2f} s.")


if __name__ == "__main__":
    main()
