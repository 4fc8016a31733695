"""The same sweep with the process pool and with Ray: wall time of the whole command.

Each repeat runs `abduce bench SUITE --limit N --planner search` into a fresh results file,
once per executor (alternating, so that a slow spell of the machine hits both), and times the
command end to end: start-up, the workers' solvers, every task, the summary. Prints Markdown
for RESULTS.md with the median wall time of each executor and their ratio.

    python benchmarks/executors.py [--suite arc1-training] [--limit 100] [--search-seconds 1]
                                   [--workers 2] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from abduce.bench import read_results

EXECUTORS = {"process pool": ["--executor", "process"], "Ray (local)": ["--executor", "ray"]}


def sweep(args: argparse.Namespace, options: list[str], out: Path) -> tuple[float, int]:
    """Wall seconds of one run, and how many tasks it solved."""
    command = [sys.executable, "-m", "abduce", "bench", args.suite, "--limit", str(args.limit),
               "--planner", "search", "--search-seconds", str(args.search_seconds),
               "--workers", str(args.workers), "--out", str(out), *options]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    lines = read_results(out)
    assert len(lines) == args.limit, f"{out}: {len(lines)} lines"
    return seconds, sum(bool(line.solved) for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="arc1-training")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--search-seconds", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    walls: dict[str, list[float]] = {name: [] for name in EXECUTORS}
    solved: dict[str, set[int]] = {name: set() for name in EXECUTORS}
    with tempfile.TemporaryDirectory() as folder:
        for repeat in range(args.repeats):
            for name, options in EXECUTORS.items():
                out = Path(folder) / f"{len(walls[name])}-{name.split()[0]}.jsonl"
                seconds, count = sweep(args, options, out)
                walls[name].append(seconds)
                solved[name].add(count)
                print(f"repeat {repeat + 1} {name}: {seconds:.1f} s, {count} solved", flush=True)
    pool, ray = (statistics.median(walls[name]) for name in EXECUTORS)
    print(f"\n| executor | wall s (median of {args.repeats}) | runs | solved |")
    print("|---|---:|---|---:|")
    for name, seconds in walls.items():
        runs = ", ".join(f"{s:.1f}" for s in seconds)
        counts = "/".join(str(count) for count in sorted(solved[name]))
        print(f"| {name} | {statistics.median(seconds):.1f} | {runs} | {counts} |")
    print(f"\nRay / process pool: **{ray / pool:.2f}×** wall time ({ray - pool:+.1f} s)")


if __name__ == "__main__":
    main()
