"""A job is one task to solve, as it is or remapped; solving it gives one result line, or a
fault of the model server when the job could not finish."""

from __future__ import annotations

import time
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from abduce.agent import Solution, Solver
from abduce.agent.prompts import prompt_hash
from abduce.bench.results import ResultLine
from abduce.errors import ModelServerError
from abduce.programs.library import library_named
from abduce.tasks import Task, check_grid
from abduce.tasks.remap import Remap


class Job(BaseModel):
    """One task to solve, as it is or with its colours remapped."""

    model_config = ConfigDict(frozen=True)

    task: Task
    remap: Remap | None = None

    @property
    def key(self) -> str:
        """The id recorded for this job, unique within a results file."""
        return self.task.id + (self.remap.suffix if self.remap else "")


@dataclass(frozen=True)
class Fault:
    """A job the model server's fault stopped: not finished, so never recorded as a result;
    the tokens its earlier calls spent are counted all the same."""

    key: str
    error: ModelServerError
    tokens_in: int
    tokens_out: int


Outcome = ResultLine | Fault


def attempt(solver: Solver, job: Job, seed: int) -> Outcome:
    """The job's result line, or its fault when the model's server could not be used."""
    try:
        return solve_job(solver, job, seed)
    except ModelServerError as error:
        spent = solver.channel
        tokens = (spent.tokens_in, spent.tokens_out) if spent else (0, 0)
        return Fault(job.key, error, *tokens)


def solve_job(solver: Solver, job: Job, seed: int) -> ResultLine:
    """Solve one job and return its result line; remapped answers are mapped back first."""
    task = job.remap.task(job.task) if job.remap else job.task
    solution = solver.solve(task)
    if job.remap:
        back = job.remap.inverse()
        attempts = [[back.grid(check_grid(grid)) for grid in tries] for tries in solution.attempts]
        solution = solution.model_copy(update={"attempts": attempts})
    return record(solution, seed, solver, job)


def record(solution: Solution, seed: int, solver: Solver, job: Job) -> ResultLine:
    """The result line of one finished task: the result, its cost, the task and the trace."""
    library = library_named(solver.budget.library)
    return ResultLine.from_solution(
        solution,
        task_id=job.key,
        source_id=job.task.id,
        remap=job.remap,
        planner=solver.planner_name,
        budget=solver.budget,
        library=library.name if library else None,
        seed=seed,
        prompt_hash=prompt_hash(),
        finished_at=round(time.time(), 3),
        task=job.task,
    )
