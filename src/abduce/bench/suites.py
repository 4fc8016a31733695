"""Named benchmark suites: the ARC splits, generated tasks, or a file listing tasks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from abduce.tasks import Task, TaskNotFoundError, load_any, load_arc
from abduce.tasks.generate import generate_suite

ARC_SUITES = {
    "arc1-training": ("training", "arc-agi-1"),
    "arc1-evaluation": ("evaluation", "arc-agi-1"),
    "arc2-training": ("training", "arc-agi-2"),
    "arc2-evaluation": ("evaluation", "arc-agi-2"),
}
SUITES = (*ARC_SUITES, "generated")


def load_suite(
    name: str, *, families: Sequence[str] | None = None, per_family: int = 20, seed: int = 0
) -> list[Task]:
    """The tasks of a suite: an ARC split (sorted by id), `generated` (`per_family` tasks of
    each family from `seed` on), or a file with one task id or task path per line."""
    if name in ARC_SUITES:
        tasks = load_arc(*ARC_SUITES[name])
        return [tasks[task_id] for task_id in sorted(tasks)]
    if name == "generated":
        return generate_suite(families, per_family, seed)
    path = Path(name)
    if not path.is_file():
        raise TaskNotFoundError(
            f"unknown suite {name!r}: choose {', '.join(SUITES)}, or a file listing tasks"
        )
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [task for entry in lines if entry for task in _load_entry(entry, path.parent)]


def _load_entry(entry: str, folder: Path) -> list[Task]:
    """A task file or directory relative to the list's folder, else whatever `load_any` finds."""
    beside = folder / entry
    return load_any(str(beside) if beside.exists() else entry)
