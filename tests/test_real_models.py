"""End to end with real models: the embedded GGUF in process, and llama.cpp's OpenAI-compatible
server on 127.0.0.1. Solving is not asserted, only a well-formed, honestly accounted run."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

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


@pytest.fixture
def llama_server():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path()),
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2) as reply:
                    json.load(reply)
                break
            except OSError:
                assert server.poll() is None, "llama_cpp.server exited"
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_openai_compatible_llama_cpp_server(llama_server):
    solution = solve_json("--llm", f"openai-compatible:{llama_server}", "--no-cache")
    assert solution.model == f"openai-compatible:{llama_server}"
    assert_well_formed(solution)
