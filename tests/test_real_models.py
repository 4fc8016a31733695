"""End to end with real models: the embedded GGUF in process, and llama.cpp's OpenAI-compatible
server on 127.0.0.1. Solving is not asserted, only a well-formed, honestly accounted run."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from abduce.agent.local_model import model_path
from abduce.agent.solution import Solution

pytestmark = pytest.mark.local_model
TASK = "d037b0a7"  # a small ARC-AGI-1 training task: short prompts keep this test quick


def solve_json(*extra: str, env: dict | None = None) -> Solution:
    command = [sys.executable, "-m", "abduce", "solve", TASK, "--json", "--planner", "llm"]
    # The calls, not the clock, bound the run: on a loaded machine the first call alone (the
    # ~6,000-token system prompt) can outlast the default 300 s, leaving one call.
    command += ["--max-calls", "3", "--max-seconds", "3600", *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=3600, env=env)
    assert result.returncode == 0, result.stderr
    return Solution.model_validate_json(result.stdout)


def assert_well_formed(solution: Solution) -> None:
    assert solution.task_id == TASK
    assert len(solution.attempts) == 1 and 1 <= len(solution.attempts[0]) <= 2
    assert solution.llm_calls >= 2
    assert solution.tokens_in > 0 and solution.tokens_out > 0
    assert solution.trace.nodes("hypothesis")
    assert solution.trace.nodes("program")
    assert len(solution.trace.nodes("verdict")) == len(solution.trace.nodes("program"))
    assert solution.program and "def transform" in solution.program
    assert len(solution.verdicts) == 3


def test_local_model_through_the_cli_and_a_cached_rerun(tmp_path):
    env = {**os.environ, "ABDUCE_CACHE_DIR": str(tmp_path), "ABDUCE_MODEL": str(model_path())}
    solution = solve_json(env=env)
    assert solution.model == "local"
    assert_well_formed(solution)

    rerun = solve_json(env=env)
    assert (rerun.tokens_in, rerun.tokens_out) == (0, 0)
    assert rerun.llm_calls == solution.llm_calls
    assert (rerun.attempts, rerun.program) == (solution.attempts, solution.program)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_model(port: int) -> subprocess.Popen:
    """llama.cpp's OpenAI-compatible server with the local GGUF on 127.0.0.1:`port`, once it
    answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path()),
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/v1/models"), server, 600)
    except BaseException:
        stop(server)
        raise
    return server


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            json.load(reply)
        return True
    except OSError:
        return False


def wait_until(condition: Callable[[], bool], process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"{process.args[:3]} exited"
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.2)


def cpu_seconds(process: subprocess.Popen) -> float:
    """User and system CPU time the process has used so far (Linux)."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(server: subprocess.Popen) -> None:
    server.kill()
    server.wait(timeout=30)


# The search solves the first task without the model; the second needs the model, whose
# ~6,500-token prompt takes minutes to evaluate on two cores: the server is killed during it.
TASKS = ["6150a2bd", "e9afcf9a"]


def test_a_killed_llama_cpp_server_loses_and_repeats_no_task(tmp_path):
    """Kill the real server while `bench` waits for it: one line, exit 3, the finished task
    kept; against the restarted server the same command finishes the other task once."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/v1"
    listing, out = tmp_path / "tasks.txt", tmp_path / "runs.jsonl"
    listing.write_text("\n".join(TASKS) + "\n")
    command = [sys.executable, "-m", "abduce", "bench", str(listing), "--out", str(out),
               "--llm", f"openai-compatible:{base}", "--search-seconds", "5",
               "--max-calls", "1", "--max-seconds", "3600", "--max-faults", "1",
               "--max-retries", "1", "--request-timeout", "1800", "--no-cache"]  # fmt: skip
    server = serve_model(port)
    try:
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_until(lambda: out.exists() and out.read_text().endswith("\n"), run, 600)
        idle = cpu_seconds(server)
        wait_until(lambda: cpu_seconds(server) > idle + 5, run, 600)  # evaluating the prompt
    finally:
        stop(server)
    _, errors = run.communicate(timeout=600)
    assert run.returncode == 3, errors
    said = [text for text in errors.splitlines() if not text.startswith("sandbox: ")]
    assert len(said) == 1 and said[0].startswith(f"abduce: error: cannot reach the model at {base}")
    kept = out.read_text()
    assert [line["task_id"] for line in recorded(out)] == TASKS[:1]

    server = serve_model(port)
    try:
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    finally:
        stop(server)
    assert rerun.returncode == 0, rerun.stderr
    assert out.read_text().startswith(kept)
    first, second = recorded(out)
    assert [first["task_id"], second["task_id"]] == TASKS
    assert first["llm_calls"] == 0 and first["solved"]
    assert second["llm_calls"] == 1 and second["model"] == f"dsl-search+openai-compatible:{base}"
    assert second["tokens_in"] > 0 and second["tokens_out"] > 0
    assert not second["stopped"].startswith("error"), second["stopped"]


def recorded(out: Path) -> list[dict]:
    return [json.loads(text) for text in out.read_text().splitlines()]
