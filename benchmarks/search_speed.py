"""The enumeration's speed, now against the pinned commit a2f1241, in the same run.

For each task the search completes every cost level up to `--levels` (no variants, no time
limit) over the base's primitives (ones added later are left out), and the wall time is
measured. So that speed cannot come from skipping work, both versions must find the same
distinct values (per type, compared in a canonical form) and the same candidates (their test
answers); the benchmark fails if they differ. Each version runs in
its own process with its own `src` on the path: the pinned one from a temporary git worktree.
Prints Markdown for RESULTS.md.

    python benchmarks/search_speed.py [--tasks benchmarks/hypsearch_random100.txt]
                                      [--levels 6] [--base a2f1241] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def canonical(value: object) -> object:
    """A value in a form that does not depend on how a version represents it."""
    if hasattr(value, "to_list"):  # Grid
        return ("grid", value.to_list())
    if hasattr(value, "patch"):  # Object
        return ("object", value.row, value.col, canonical(value.patch))
    if isinstance(value, tuple):
        return tuple(canonical(item) for item in value)
    return int(value) if isinstance(value, int) else repr(value)


def measure(task_id: str, levels: int, names: list[str] | None) -> dict[str, object]:
    """Complete levels 1..`levels` on one task with the primitives in `names` (None: all);
    the time, and digests of what was found."""
    from abduce.programs.dsl import Grid, Objects
    from abduce.programs.search import _Goal, _literals
    from abduce.programs.search.enumeration import Enumerator
    from abduce.tasks.arc import find_arc_task

    task = find_arc_task(task_id)
    goal = _Goal(task)
    try:  # today's search has a vocabulary
        from abduce.programs.search.vocabulary import dsl_vocabulary

        applied = dsl_vocabulary().applied
    except ImportError:  # the pinned one reads the DSL's primitives
        from abduce.programs.search import _primitives  # type: ignore[attr-defined]

        applied = _primitives()[1]
    started = time.perf_counter()
    vocabulary = [p for p in applied if names is None or p.name in names]
    enumerator = Enumerator(
        goal.inputs, vocabulary, _literals(task), max_evaluations=10**12, deadline=1e18
    )
    goal.check(goal.start)
    kept: dict[str, list[object]] = {}
    for _ in range(levels):
        for kind, node in enumerator.level():
            kept.setdefault(str(kind), []).append(node.values)
            if kind is Grid:
                goal.check(node)
            elif kind == Objects:
                goal.check_objects(node)
    seconds = time.perf_counter() - started
    values = {
        kind: hashlib.sha256(repr(sorted(repr(canonical(v)) for v in found)).encode()).hexdigest()
        for kind, found in kept.items()
    }
    return {
        "task": task_id,
        "names": [primitive.name for primitive in vocabulary],
        "seconds": seconds,
        "evaluations": enumerator.evaluations,
        "values": values,
        "counts": {kind: len(found) for kind, found in kept.items()},
        "candidates": sorted(json.dumps(c.test_outputs) for c in goal.candidates.values()),
    }


def run_version(
    src: Path, task_ids: list[str], levels: int, names: list[str] | None = None
) -> list[dict[str, object]]:
    """`measure` every task in a fresh interpreter whose `abduce` comes from `src`."""
    code = (
        f"import sys, json; sys.path[:0] = [{str(src)!r}, {str(ROOT / 'benchmarks')!r}]\n"
        "from search_speed import measure\n"
        f"for task in {task_ids!r}:\n"
        f"    print(json.dumps(measure(task, {levels}, {names!r})), flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=ROOT / "benchmarks/hypsearch_random100.txt")
    parser.add_argument("--levels", type=int, default=6)
    parser.add_argument("--base", default="a2f1241")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    lines = args.tasks.read_text().splitlines()
    task_ids = [line for line in lines if line and not line.startswith("#")][: args.limit]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
            check=True,
            capture_output=True,
        )
        try:
            before = run_version(base / "src", task_ids, args.levels)
            # primitives added since the base are left out, so that both search the same space
            names = before[0]["names"] if before else None
            after = run_version(ROOT / "src", task_ids, args.levels, names)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)])
    report(before, after, args)


def report(before: list[dict], after: list[dict], args: argparse.Namespace) -> None:
    differ = [
        old["task"]
        for old, new in zip(before, after, strict=True)
        if (old["values"], old["candidates"]) != (new["values"], new["candidates"])
    ]
    ratios = [old["seconds"] / new["seconds"] for old, new in zip(before, after, strict=True)]
    total_old = sum(line["seconds"] for line in before)
    total_new = sum(line["seconds"] for line in after)
    print(f"{len(before)} tasks, every cost level up to {args.levels}, {args.base} vs now\n")
    print("| version | total s | median s per task | evaluations |")
    print("|---|---|---|---|")
    for name, lines in ((args.base, before), ("now", after)):
        seconds = statistics.median(line["seconds"] for line in lines)
        evaluations = sum(line["evaluations"] for line in lines)
        print(f"| {name} | {sum(line['seconds'] for line in lines):.1f} | {seconds:.3f} | "
              f"{evaluations:,} |")  # fmt: skip
    print(f"\nmedian ratio per task: {statistics.median(ratios):.2f}x; "
          f"total: {total_old / total_new:.2f}x")  # fmt: skip
    if differ:
        sys.exit(f"different values or candidates on {len(differ)} tasks: {' '.join(differ)}")
    print("same distinct values and candidates on every task")


if __name__ == "__main__":
    main()
