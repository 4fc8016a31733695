"""The harness: resumable runs over many tasks, on worker processes or Ray."""

from abduce.bench.cost import PRICES, Price, price_of
from abduce.bench.executors import Executor, ProcessExecutor, RayExecutor
from abduce.bench.jobs import Fault, Job, Outcome, attempt, record, solve_job
from abduce.bench.limits import Limits
from abduce.bench.results import ResultLine, finished_ids, read_results
from abduce.bench.runs import run_tasks
from abduce.errors import CostLimitReached, ExecutorError

__all__ = [
    "PRICES",
    "CostLimitReached",
    "Executor",
    "ExecutorError",
    "Fault",
    "Job",
    "Limits",
    "Outcome",
    "Price",
    "ProcessExecutor",
    "RayExecutor",
    "ResultLine",
    "attempt",
    "finished_ids",
    "price_of",
    "read_results",
    "record",
    "run_tasks",
    "solve_job",
]
