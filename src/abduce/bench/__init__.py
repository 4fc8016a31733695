"""The harness: resumable runs over many tasks."""

from abduce.bench.runs import finished_ids, record, run_tasks

__all__ = ["finished_ids", "record", "run_tasks"]
