"""Named benchmark suites (the ARC splits, generated tasks); any other name goes to `load_any`."""

from __future__ import annotations

from collections.abc import Sequence

from abduce.tasks import Task, TaskNotFoundError, load_any, load_arc
from abduce.tasks.arc import names_path
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
    each family from `seed` on), or whatever `load_any` loads: an id, a file, a directory or a
    list file."""
    if name in ARC_SUITES:
        tasks = load_arc(*ARC_SUITES[name])
        return [tasks[task_id] for task_id in sorted(tasks)]
    if name == "generated":
        return generate_suite(families, per_family, seed)
    try:
        return load_any(name)
    except TaskNotFoundError:
        if names_path(name):
            raise
        raise TaskNotFoundError(
            f"unknown suite or task {name!r}: choose {', '.join(SUITES)}, an ARC task id, "
            "a task file, a directory or a file listing tasks"
        ) from None
