"""One line of a results file: a task's solution, how the run was set up, and when it finished.

Lines written before `schema_version` existed load too: they read as version 0, with the keys
they lack filled in (no remap, verdicts, planner, budget, time, task or trace). `cost` (US
dollars, at the run's price) is absent from lines written before it was recorded.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    field_validator,
    model_validator,
)

from abduce.agent.models import Budget, ExampleVerdict
from abduce.agent.solution import Solution
from abduce.agent.trace import TraceField
from abduce.errors import ResultsFormatError, first_problem
from abduce.tasks.models import Task
from abduce.tasks.remap import Remap

SCHEMA_VERSION = 1  # 0: lines written before the version was recorded


class ResultLine(BaseModel):
    """A `Solution` (its `correct` recorded as `solved`) with the job and the run around it."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    schema_version: int
    task_id: str
    source_id: str
    remap: Remap | None = None
    solved: bool | None
    passed_train: bool
    attempts: list[list[object]]
    hypothesis: str | None
    program: str | None
    verdicts: list[ExampleVerdict] = []
    stopped: str
    llm_calls: int
    tokens_in: int
    tokens_out: int
    cost: float | None = None
    seconds: float
    model_seconds: float | None = None  # None: written before they were recorded
    model: str
    evaluations: int | None = None  # None: written before searches recorded them
    levels: int | None = None
    planner: str | None = None
    budget: Budget | None = None
    library: str | None = None  # the learned functions searched with (`Library.name`)
    seed: int
    prompt_hash: str
    finished_at: float | None = None
    task: Task | None = None
    trace: TraceField | None = None

    @classmethod
    def from_solution(
        cls,
        solution: Solution,
        *,
        task_id: str,
        source_id: str,
        remap: Remap | None,
        planner: str,
        budget: Budget,
        library: str | None,
        seed: int,
        prompt_hash: str,
        finished_at: float,
        task: Task,
    ) -> ResultLine:
        """The line of a solution to the task `task_id` (`source_id`, perhaps remapped)."""
        fields = {name: value for name, value in solution if name not in ("task_id", "correct")}
        return cls(
            schema_version=SCHEMA_VERSION,
            task_id=task_id,
            source_id=source_id,
            remap=remap,
            solved=solution.correct,
            planner=planner,
            budget=budget,
            library=library,
            seed=seed,
            prompt_hash=prompt_hash,
            finished_at=finished_at,
            task=task,
            **fields,
        )

    @model_validator(mode="before")
    @classmethod
    def _older_lines(cls, data: Any) -> Any:
        """A line without a version is version 0; its source id is its id before any '@';
        a budget written before search priors existed searched with the uniform one."""
        if not isinstance(data, dict):
            return data
        defaults: dict[str, Any] = {"schema_version": 0}
        if isinstance(data.get("task_id"), str):
            defaults["source_id"] = data["task_id"].split("@")[0]
        budget = data.get("budget")
        if isinstance(budget, dict) and "prior" not in budget:
            data = data | {"budget": budget | {"prior": "uniform"}}
        return defaults | data

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"version {version} is newer than this abduce reads ({SCHEMA_VERSION})"
            )
        return version

    def to_json(self) -> str:
        """The line as written to a results file (without its newline)."""
        return json.dumps(self.model_dump(mode="json"))


def read_results(path: Path) -> list[ResultLine]:
    """Every complete line of a results file, plain or gzipped; a torn line is skipped."""
    if not path.exists():
        return []
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    parsed = (_parse(raw, f"{path}: line {n}") for n, raw in enumerate(text.splitlines(), 1))
    return [line for line in parsed if line is not None]


def finished_ids(path: Path) -> set[str]:
    """Task ids already recorded in a results file."""
    return {line.task_id for line in read_results(path)}


def _parse(raw: str, where: str) -> ResultLine | None:
    """A line of JSON as a result; None when it is not JSON (a run killed mid-write)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return None
    try:
        return ResultLine.model_validate(data)
    except ValidationError as error:
        raise ResultsFormatError(f"{where} is not a result line ({first_problem(error)})") from None
