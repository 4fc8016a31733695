"""The enumeration's speed, now against the pinned commit a2f1241, in the same run.

For each task the search completes every cost level up to `--levels` (no variants, no time
limit) over the base's primitives (ones added later are left out), and the wall and CPU
time are measured; the two versions take turns task by task, so that both share whatever
else the machine is doing. So that speed cannot come from skipping work, both versions must
find the same distinct values (per type, compared in a canonical form); the benchmark fails
otherwise. The candidates (their test answers) are compared too and the tasks where they
differ listed: the goal's checks have changed since a2f1241 (shape rules, more learned final
steps), so against it a few tasks get other candidates from the same values (against a
recent `--base` there should be none). Each version runs in its own process with its own
`src` on the path: the pinned one from a temporary git worktree. Prints Markdown for
RESULTS.md.

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

    try:  # compiled code is ready before a search starts its clock, as `search()` has it
        from abduce.programs.search.kernels import ready

        ready()
    except ImportError:  # the pinned version has none
        pass
    task = find_arc_task(task_id)
    goal = _Goal(task)
    try:  # today's search has a vocabulary
        from abduce.programs.search.vocabulary import dsl_vocabulary

        applied = dsl_vocabulary().applied
    except ImportError:  # the pinned one reads the DSL's primitives
        from abduce.programs.search import _primitives  # type: ignore[attr-defined]

        applied = _primitives()[1]
    started, cpu = time.perf_counter(), time.process_time()
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
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    values = {
        kind: hashlib.sha256(repr(sorted(repr(canonical(v)) for v in found)).encode()).hexdigest()
        for kind, found in kept.items()
    }
    return {
        "task": task_id,
        "names": [primitive.name for primitive in vocabulary],
        "seconds": seconds,
        "cpu_seconds": cpu,
        "evaluations": enumerator.evaluations,
        "values": values,
        "counts": {kind: len(found) for kind, found in kept.items()},
        "candidates": sorted(json.dumps(c.test_outputs) for c in goal.candidates.values()),
    }


class Version:
    """A fresh interpreter whose `abduce` comes from `src`, measuring one task at a time."""

    def __init__(self, src: Path, levels: int, names: list[str] | None) -> None:
        code = (
            f"import sys, json; sys.path[:0] = [{str(src)!r}, {str(ROOT / 'benchmarks')!r}]\n"
            "from search_speed import measure\n"
            "for task in sys.stdin:\n"
            f"    print(json.dumps(measure(task.strip(), {levels}, {names!r})), flush=True)\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def measure(self, task_id: str) -> dict[str, object]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(task_id + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"the measuring process stopped on {task_id}")
        return json.loads(line)

    def close(self) -> None:
        self.process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=ROOT / "benchmarks/hypsearch_random100.txt")
    parser.add_argument("--levels", type=int, default=6)
    parser.add_argument("--base", default="a2f1241")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    lines = args.tasks.read_text().splitlines()
    task_ids = [line for line in lines if line and not line.startswith("#")][: args.limit]
    before: list[dict] = []
    after: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
            check=True,
            capture_output=True,
        )
        old = Version(base / "src", args.levels, None)
        new: Version | None = None
        try:
            for task_id in task_ids:  # alternating, so that both versions share the load
                before.append(old.measure(task_id))
                # primitives added since the base are left out, so that both search the same space
                new = new or Version(ROOT / "src", args.levels, before[0]["names"])
                after.append(new.measure(task_id))
        finally:
            for version in (old, new):
                if version:
                    version.close()
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)])
    report(before, after, args)


def report(before: list[dict], after: list[dict], args: argparse.Namespace) -> None:
    pairs = list(zip(before, after, strict=True))
    differ = [old["task"] for old, new in pairs if old["values"] != new["values"]]
    other = [old["task"] for old, new in pairs if old["candidates"] != new["candidates"]]
    print(f"{len(before)} tasks, every cost level up to {args.levels}, {args.base} vs now\n")
    print("| version | total s | median s per task | total CPU s | evaluations |")
    print("|---|---|---|---|---|")
    for name, lines in ((args.base, before), ("now", after)):
        print(f"| {name} | {_total(lines, 'seconds'):.1f} | "
              f"{statistics.median(line['seconds'] for line in lines):.3f} | "
              f"{_total(lines, 'cpu_seconds'):.1f} | "
              f"{sum(line['evaluations'] for line in lines):,} |")  # fmt: skip
    for key, name in (("seconds", "wall"), ("cpu_seconds", "CPU")):
        ratios = [old[key] / new[key] for old, new in zip(before, after, strict=True)]
        print(f"\n{name} time: median ratio per task {statistics.median(ratios):.2f}x, "
              f"total {_total(before, key) / _total(after, key):.2f}x")  # fmt: skip
    if differ:
        sys.exit(f"different values on {len(differ)} tasks: {' '.join(differ)}")
    print("\nthe same distinct values on every task")
    if other:
        print(f"other candidates from those values on {len(other)}: {' '.join(other)}")
    else:
        print("and the same candidates")


def _total(lines: list[dict], key: str) -> float:
    return sum(line[key] for line in lines)


if __name__ == "__main__":
    main()
