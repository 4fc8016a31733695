"""SIGKILL `abduce bench` in each phase of a run, rerun it: no finished task is lost or redone.

Each kill lands at a moment the test observes, not after a guessed delay: the driver is
stopped (SIGSTOP) once the results file shows the phase wanted, and, since it alone writes
the file, what the test reads then is exactly what the kill leaves.
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TASKS = ["3c9b0459", "6150a2bd", "007bbfb7", "00d62c1b", "017c7c7b", "025d127b", "0520fde7"]
WAIT_SECONDS = 300  # for a phase to be reached: generous, for a loaded machine


def start(listing, out, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "abduce", "bench", str(listing), "--out", str(out),
               "--planner", "search", "--search-seconds", "0.5", "--workers", str(workers)]  # fmt: skip
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
def test_sigkill_in_every_phase_then_rerun_loses_and_redoes_nothing(tmp_path, workers):
    listing = tmp_path / "tasks.txt"
    listing.write_text("\n".join(TASKS) + "\n")
    out = tmp_path / "results.jsonl"

    assert kill(listing, out, workers, lines=0) == 0  # file opened, workers up, no line yet
    first = kill(listing, out, workers, lines=1)  # between two finished tasks
    assert 1 <= first < len(TASKS)
    second = kill(listing, out, workers, lines=first + 1)  # again, after a resumed run
    assert first < second < len(TASKS)
    tear(out)  # a kill in the middle of writing a line leaves its start
    assert len(recorded(out)) == second - 1
    kill(listing, out, workers, lines=second)  # the torn task is done again, once

    final = start(listing, out, workers)
    _, errors = final.communicate(timeout=WAIT_SECONDS)
    assert final.returncode == 0, errors
    assert sorted(recorded(out)) == sorted(TASKS)


def kill(listing: Path, out: Path, workers: int, lines: int) -> int:
    """Run the bench until `out` holds `lines` complete lines and the workers are up, then
    SIGKILL it; check it only appended, redid no task and left no worker. Returns the number
    of complete lines it left."""
    before = out.read_bytes() if out.exists() else b""
    run = start(listing, out, workers)
    wait_until(lambda: started(run.pid, out, workers) and len(recorded(out)) >= lines, run)
    os.kill(run.pid, signal.SIGSTOP)  # from here the file is what the kill leaves
    workers_of_run = children(run.pid)
    ids = recorded(out)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert_ended(workers_of_run)
    assert out.read_bytes().startswith(before)  # appended only: no line lost or rewritten
    assert len(ids) == len(set(ids)), f"a task was redone: {ids}"
    return len(ids)


def tear(out: Path) -> None:
    """Cut the last line in half, as a kill in the middle of writing it would leave it."""
    text = out.read_bytes()
    start_of_last = text.rstrip(b"\n").rfind(b"\n") + 1
    out.write_bytes(text[: start_of_last + (len(text) - start_of_last) // 2])


def started(pid: int, out: Path, workers: int) -> bool:
    """The run has opened its results file and, with several workers, started them all."""
    if not out.exists():
        return False
    if workers == 1:
        return True
    pool = [child for child in children(pid) if b"--multiprocessing-fork" in cmdline(child)]
    return len(pool) >= workers


def wait_until(condition: Callable[[], bool], run: subprocess.Popen) -> None:
    """Until `condition` holds; fails if the run ends first or the phase never comes."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert run.poll() is None, f"the run ended before the phase: {run.stderr.read()}"
        assert time.monotonic() < deadline, "the phase did not come"
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    """The direct child processes of `pid` (Linux)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def assert_ended(pids: list[int]) -> None:
    """The killed run's worker processes end too."""
    deadline = time.monotonic() + 60
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
