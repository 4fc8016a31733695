"""`bench --concurrency N`: N tasks at once, N calls in flight, in each worker process; the
same results as one at a time."""

import json

import pytest

from tests.cli.fault_openai import FaultServer
from tests.cli.test_faults import abduce

TIMES = ("seconds", "model_seconds", "finished_at", "trace")  # the trace: when each step happened


@pytest.fixture
def server():
    server = FaultServer()
    server.delay = 0.1
    yield server
    server.stop()


def bench(server: FaultServer, out, concurrency: int, workers: int = 1) -> list[dict]:
    result = abduce("bench", "arc1-training", "--limit", "20", "--out", str(out),
                    "--llm", f"openai-compatible:{server.base}#fake", "--planner", "llm",
                    "--concurrency", str(concurrency), "--workers", str(workers))  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(text) for text in out.read_text().splitlines()]
    timeless = [{key: value for key, value in line.items() if key not in TIMES} for line in lines]
    return sorted(timeless, key=lambda line: line["task_id"])


def test_concurrency_keeps_n_calls_in_flight_and_gives_the_same_results(tmp_path, server):
    one = bench(server, tmp_path / "one.jsonl", 1)
    assert (server.peak, server.requests) == (1, 40)  # 2 calls a task (ABDUCE_MAX_CALLS)
    eight = bench(server, tmp_path / "eight.jsonl", 8)
    assert (server.peak, server.requests) == (8, 80)
    assert len(one) == 20
    assert eight == one

    server.peak = 0
    in_two_processes = bench(server, tmp_path / "two-by-four.jsonl", 4, workers=2)
    assert server.requests == 120
    assert server.peak > 4  # at most 4 at once in each process: both had calls in flight
    assert in_two_processes == one


def test_ray_takes_no_concurrency(tmp_path):
    ray = abduce("bench", "007bbfb7", "--executor", "ray", "--concurrency", "2",
                 "--llm", "openai:gpt-4o-mini", "--out", str(tmp_path / "x.jsonl"))  # fmt: skip
    assert ray.returncode == 2
    assert ray.stderr.splitlines()[-1] == "abduce: error: --concurrency needs --executor process"
