"""The Ray executor: a private local instance, and a cluster started with `ray start --head`."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray")

TASKS = ["3c9b0459", "6150a2bd", "007bbfb7", "00d62c1b"]


def bench(listing: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "abduce", "bench", str(listing), "--out", str(out),
               "--planner", "search", "--max-evaluations", "20000", *options]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def results(out: Path) -> dict[str, bool]:
    lines = [json.loads(text) for text in out.read_text().splitlines()]
    assert len(lines) == len({line["task_id"] for line in lines})
    return {line["task_id"]: line["solved"] for line in lines}


@pytest.fixture
def listing(tmp_path) -> Path:
    path = tmp_path / "tasks.txt"
    path.write_text("\n".join(TASKS))
    return path


def test_ray_gives_the_same_results_file_as_the_process_pool_and_resumes(tmp_path, listing):
    on_ray = bench(listing, tmp_path / "ray.jsonl", "--executor", "ray", "--workers", "2")
    assert on_ray.returncode == 0, on_ray.stderr
    pooled = bench(listing, tmp_path / "pool.jsonl", "--workers", "2")
    assert pooled.returncode == 0, pooled.stderr
    assert results(tmp_path / "ray.jsonl") == results(tmp_path / "pool.jsonl")
    assert set(results(tmp_path / "ray.jsonl")) == set(TASKS)

    listing.write_text("\n".join([*TASKS, "0520fde7"]))
    again = bench(listing, tmp_path / "ray.jsonl", "--executor", "ray", "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert "5 tasks, 4 already in" in again.stdout
    assert set(results(tmp_path / "ray.jsonl")) == {*TASKS, "0520fde7"}


def test_joining_a_cluster_started_with_ray_start(tmp_path, listing):
    ray = shutil.which("ray", path=os.path.dirname(sys.executable))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    head = [ray, "start", "--head", "--num-cpus", "2", "--port", str(port),
            "--include-dashboard", "false", "--disable-usage-stats"]  # fmt: skip
    started = subprocess.run(head, check=True, capture_output=True, text=True, timeout=120)
    try:
        address = re.search(r"ray start --address='([^']+)'", started.stdout + started.stderr)
        joined = bench(listing, tmp_path / "joined.jsonl", "--executor", "ray",
                       "--address", address.group(1))  # fmt: skip
        assert joined.returncode == 0, joined.stderr
        assert set(results(tmp_path / "joined.jsonl")) == set(TASKS)
        # without --address, a private instance of its own, not the cluster running here
        private = bench(listing, tmp_path / "private.jsonl", "--executor", "ray", "--workers", "1")
        assert private.returncode == 0, private.stderr
        assert results(tmp_path / "private.jsonl") == results(tmp_path / "joined.jsonl")
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True, timeout=120)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--address", "auto"], "--address needs --executor ray"),
        (["--executor", "ray", "--address", "127.0.0.1:9"], "cannot reach the Ray cluster at"),
    ],
)
def test_bad_executor_options_are_one_line_errors(tmp_path, listing, options, message):
    result = bench(listing, tmp_path / "x.jsonl", *options)
    assert result.returncode == 2
    assert result.stderr.startswith(f"abduce: error: {message}")
    assert result.stderr.count("\n") == 1
