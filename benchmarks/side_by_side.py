"""abduce's search against icecuber's C++ search, in one session, on the same wall time.

Runs icecuber (`../shared/peers/icecuber/icecuber.py`, see its README) on a suite, reads its
wall time, then gives `abduce bench --planner search` the same total wall with the same
number of processes: the search seconds per task are that wall's share per task, less the
per-task overhead measured outside the search (loading, the sandbox re-running the found
programs). One abduce run per prior. Prints Markdown for RESULTS.md.

    python benchmarks/side_by_side.py [--suite arc1-evaluation] [--depth 2] [--jobs 2]
                                      [--priors uniform learned] [--overhead 0.05]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICECUBER = ROOT.parent / "shared" / "peers" / "icecuber" / "icecuber.py"


def run_icecuber(args: argparse.Namespace) -> tuple[float, int, int]:
    """icecuber's wall seconds, tasks solved and tasks."""
    command = [sys.executable, str(ICECUBER), args.suite, "--depth", str(args.depth),
               "--jobs", str(args.jobs)]  # fmt: skip
    said = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    wall = float(re.search(r"wall (\d+(?:\.\d+)?) s", said).group(1))  # type: ignore[union-attr]
    solved, tasks = map(int, re.search(r"pass@2: (\d+)/(\d+)", said).groups())  # type: ignore[union-attr]
    return wall, solved, tasks


def run_abduce(args: argparse.Namespace, prior: str, seconds: float, out: Path) -> float:
    """Wall seconds of one `abduce bench` of the suite with the search alone."""
    command = [sys.executable, "-m", "abduce", "bench", args.suite, "--planner", "search",
               "--search-seconds", f"{seconds:.3f}", "--prior", prior,
               "--workers", str(args.jobs), "--out", str(out)]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="arc1-evaluation")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--priors", nargs="+", default=["uniform", "learned"])
    parser.add_argument("--overhead", type=float, default=0.05, help="seconds per task")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from abduce.bench import read_results

    wall, solved, tasks = run_icecuber(args)
    seconds = max(0.1, wall * args.jobs / tasks - args.overhead)
    print(f"{args.suite}, {tasks} tasks, {args.jobs} processes each\n")
    print("| solver | wall s | tasks solved (pass@2) | a program passes every train pair |")
    print("|---|---|---|---|")
    print(f"| icecuber depth {args.depth} | {wall:.0f} | {solved} | |")
    with tempfile.TemporaryDirectory() as folder:
        for prior in args.priors:
            out = Path(folder) / f"{prior}.jsonl"
            spent = run_abduce(args, prior, seconds, out)
            lines = read_results(out)
            found = sum(bool(line.solved) for line in lines)
            passed = sum(line.passed_train for line in lines)
            print(f"| abduce search, {prior} prior, {seconds:.2f} s a task | {spent:.0f} | "
                  f"{found} | {passed} |")  # fmt: skip


if __name__ == "__main__":
    main()
