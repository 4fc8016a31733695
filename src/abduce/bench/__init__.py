"""The harness: resumable runs over many tasks, on worker processes or Ray."""

from abduce.bench.executors import Executor, ProcessExecutor, RayExecutor
from abduce.bench.jobs import Job, record, solve_job
from abduce.bench.results import ResultLine, finished_ids, read_results
from abduce.bench.runs import run_tasks
from abduce.errors import ExecutorError

__all__ = [
    "Executor",
    "ExecutorError",
    "Job",
    "ProcessExecutor",
    "RayExecutor",
    "ResultLine",
    "finished_ids",
    "read_results",
    "record",
    "run_tasks",
    "solve_job",
]
