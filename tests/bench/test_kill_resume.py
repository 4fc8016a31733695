"""SIGKILL `abduce bench` at random moments, rerun it: no finished task is lost or redone."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TASKS = ["3c9b0459", "6150a2bd", "007bbfb7", "00d62c1b", "017c7c7b", "025d127b", "0520fde7"]


def start(listing, out, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "abduce", "bench", str(listing), "--out", str(out),
               "--planner", "search", "--budget", "0.5", "--workers", str(workers)]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def recorded(out) -> list[str]:
    """Task ids of the complete lines, in file order."""
    if not out.exists():
        return []
    ids = []
    for text in out.read_text().splitlines():
        try:
            ids.append(json.loads(text)["task_id"])
        except json.JSONDecodeError:
            continue  # a line torn by the kill
    return ids


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_at_any_moment_then_rerun_loses_and_redoes_nothing(tmp_path, workers):
    listing = tmp_path / "tasks.txt"
    listing.write_text("\n".join(TASKS) + "\n")
    out = tmp_path / "results.jsonl"
    rng = random.Random(workers)
    kills, partial = 0, False
    while len(recorded(out)) < len(TASKS) and kills < 10:
        before = out.read_bytes() if out.exists() else b""
        run = start(listing, out, workers)
        if kills % 2:  # every other kill lands while tasks are being written
            wait_for_line(out, len(recorded(out)) + 1, run)
        time.sleep(rng.uniform(0.0, 1.5))
        workers_of_run = children(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        kills += 1
        assert_ended(workers_of_run)
        after = out.read_bytes() if out.exists() else b""
        assert after.startswith(before)  # appended only: no finished line lost or rewritten
        ids = recorded(out)
        assert len(ids) == len(set(ids)), f"a task was redone after kill {kills}: {ids}"
        partial |= 0 < len(ids) < len(TASKS)
    assert partial, "no run was killed between two finished tasks"

    final = start(listing, out, workers)
    _, errors = final.communicate(timeout=300)
    assert final.returncode == 0, errors
    assert sorted(recorded(out)) == sorted(TASKS)


def children(pid: int) -> list[int]:
    """The direct child processes of `pid` (Linux)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def assert_ended(pids: list[int]) -> None:
    """The killed run's worker processes end too, within a few seconds."""
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in alive if Path(f"/proc/{pid}").exists() and not zombie(pid)]
    assert not alive, f"worker processes {alive} outlived the killed run"


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return False


def wait_for_line(out, count: int, run: subprocess.Popen) -> None:
    """Until the file holds `count` complete lines, or the run has ended."""
    deadline = time.monotonic() + 120
    while len(recorded(out)) < count and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
