import json
import os
import subprocess
import sys
import time

import pytest
from langchain_community.cache import SQLiteCache
from langchain_core.messages import HumanMessage

from abduce.agent import ModelChannel, make_llm
from abduce.errors import ModelServerError
from tests.cli.fault_openai import FaultServer, closed_port

FAST = {"ABDUCE_MAX_RETRIES": "1", "ABDUCE_REQUEST_TIMEOUT": "0.5", "ABDUCE_MAX_CALLS": "2"}


@pytest.fixture
def server():
    server = FaultServer()
    yield server
    server.stop()


def abduce(*args: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ABDUCE_")}
    command = [sys.executable, "-m", "abduce", *args, "--no-cache"]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env | FAST)


# fault, the line after the server's address, requests received (1 retry)
FAULTS = [
    ("401", "refused the API key (HTTP 401): check OPENAI_API_KEY", 1),
    ("403", "refused the API key (HTTP 403): check OPENAI_API_KEY", 1),
    ("404", "has no model 'fake' (HTTP 404)", 1),
    ("429", "is rate-limited (HTTP 429, after 1 retry)", 2),
    ("500", "failed (HTTP 500, after 1 retry)", 2),
    ("not-json", "sent a reply that is not a chat reply", 1),
    ("hang", "did not answer in time (after 1 retry)", 2),
]  # fmt: skip
COMMANDS = [
    ("solve", "007bbfb7", "--planner", "llm", "--json"),
    ("ask", "What is 6 times 7?"),
]


def assert_one_line(result: subprocess.CompletedProcess, line: str) -> None:
    """Exit code 3 and one line on stderr (besides the sandbox's notice when run as root)."""
    assert result.returncode == 3, result.stderr
    said = [text for text in result.stderr.splitlines() if not text.startswith("sandbox: ")]
    assert said == [f"abduce: error: {line}"]


@pytest.mark.parametrize("command", COMMANDS, ids=["solve", "ask"])
@pytest.mark.parametrize(("fault", "words", "requests"), FAULTS)
def test_a_server_fault_is_one_line_and_exit_code_3(server, command, fault, words, requests):
    server.fault = fault
    result = abduce(*command, "--llm", f"openai-compatible:{server.base}#fake")
    the = "the server" if fault == "404" else "the model"
    assert_one_line(result, f"{the} at {server.base} {words}")
    assert result.stdout == ""
    assert server.requests == requests


@pytest.mark.parametrize("command", COMMANDS, ids=["solve", "ask"])
def test_a_closed_port_cannot_be_reached(command):
    base = closed_port()
    result = abduce(*command, "--llm", f"openai-compatible:{base}#fake")
    assert_one_line(result, f"cannot reach the model at {base}: connection refused")


@pytest.mark.parametrize(("workers", "healthy"), [("1", 2), ("2", 0)])
def test_bench_stops_on_a_fault_and_the_same_command_resumes(tmp_path, server, workers, healthy):
    server.fault, server.healthy = "500", healthy  # 2 requests per task (ABDUCE_MAX_CALLS)
    out = tmp_path / "runs.jsonl"
    args = ("bench", "arc1-training", "--limit", "2", "--out", str(out), "--workers", workers,
            "--llm", f"openai-compatible:{server.base}#fake", "--planner", "llm", "--max-faults", "1")  # fmt: skip
    stopped = abduce(*args)
    assert_one_line(stopped, f"the model at {server.base} failed (HTTP 500, after 1 retry)")
    assert "the same command resumes" in stopped.stdout
    finished = [json.loads(line)["task_id"] for line in out.read_text().splitlines()]
    assert finished == (["007bbfb7"] if healthy else [])

    server.fault = None
    resumed = abduce(*args)
    assert resumed.returncode == 0, resumed.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["task_id"] for line in lines) == ["007bbfb7", "00d62c1b"]
    assert all(line["stopped"] == "budget spent" for line in lines)


@pytest.mark.parametrize("fault", ["500", "429", "not-json"])
def test_a_faulted_reply_never_enters_the_reply_cache(tmp_path, server, monkeypatch, fault):
    monkeypatch.setenv("ABDUCE_MAX_RETRIES", "0")
    model = make_llm(f"openai-compatible:{server.base}#fake", use_cache=False)
    model.cache = SQLiteCache(database_path=str(tmp_path / "cache.sqlite"))
    channel = ModelChannel(model)
    question = [HumanMessage("Describe the hidden rule")]
    server.fault = fault
    with pytest.raises(ModelServerError):
        channel.ask(question)
    server.fault = None
    assert channel.ask(question).startswith("Hypothesis 1")
    assert channel.ask(question).startswith("Hypothesis 1")
    assert server.requests == 2  # the fault, then the reply; the third ask came from the cache


def bench_args(server: FaultServer, out, *options: str) -> tuple[str, ...]:
    return ("bench", "arc1-training", "--limit", "4", "--out", str(out), "--max-retries", "0",
            "--llm", f"openai-compatible:{server.base}#fake", "--planner", "llm", *options)  # fmt: skip


def recorded(out) -> list[str]:
    return [json.loads(line)["task_id"] for line in out.read_text().splitlines()]


OK, FAIL = None, "500"
# each task asks twice (ABDUCE_MAX_CALLS); the schedule says how each request is answered
CONSECUTIVE = [
    ("two in a row stop the run", [OK, OK, FAIL, FAIL], [0], ""),
    ("a success resets the count", [OK, OK, FAIL, OK, OK, FAIL], [0, 2],
     "2 task(s) not recorded after faults of the model server (the last: "),
    ("a fault after a call", [OK, FAIL, FAIL], [], ""),
]  # fmt: skip


@pytest.mark.parametrize(("schedule", "finished", "prefix"), [case[1:] for case in CONSECUTIVE],
                         ids=[case[0] for case in CONSECUTIVE])  # fmt: skip
def test_bench_stops_after_max_faults_in_a_row_and_the_rerun_finishes_each_task_once(
    tmp_path, server, schedule, finished, prefix
):
    server.schedule = schedule
    out = tmp_path / "runs.jsonl"
    args = bench_args(server, out, "--max-faults", "2")
    stopped = abduce(*args)
    fault = f"the model at {server.base} failed (HTTP 500, after 0 retries)"
    assert_one_line(
        stopped, prefix + fault + ("); the same command runs them again" * bool(prefix))
    )
    tasks = ["007bbfb7", "00d62c1b", "017c7c7b", "025d127b"]
    assert recorded(out) == [tasks[index] for index in finished]
    assert stopped.stdout.count("not recorded: the model at") == 2

    server.schedule = []
    resumed = abduce(*args)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(recorded(out)) == tasks


def test_a_hung_server_cannot_hang_a_bench_run(tmp_path, server):
    server.fault = "hang"
    out = tmp_path / "runs.jsonl"
    started = time.monotonic()
    stopped = abduce(*bench_args(server, out, "--max-faults", "2", "--request-timeout", "0.5"))
    assert_one_line(stopped, f"the model at {server.base} did not answer in time (after 0 retries)")
    assert time.monotonic() - started < 60  # two requests of 0.5 s, and starting up
    assert server.requests == 2
    assert out.read_text() == ""


def test_a_task_stops_at_its_max_seconds_between_calls(tmp_path, server):
    server.delay = 0.4
    out = tmp_path / "runs.jsonl"
    args = bench_args(server, out, "--limit", "1", "--max-calls", "12", "--max-seconds", "1")
    finished = abduce(*args)
    assert finished.returncode == 0, finished.stderr
    (line,) = [json.loads(text) for text in out.read_text().splitlines()]
    assert line["stopped"] == "budget spent"
    assert 2 <= line["llm_calls"] <= 4
    assert line["seconds"] < 1 + 0.4 + 1  # the budget, the last call, and its verification


def test_bench_stops_before_max_cost_counting_faulted_calls_and_resumes(tmp_path, server):
    server.schedule = [OK, FAIL]  # the first task's second call faults: its first still costs
    out = tmp_path / "runs.jsonl"
    prices = ("--price-in", "1000", "--price-out", "10000")  # $0.2 a call: 100 tokens in, 10 out
    args = bench_args(server, out, *prices, "--max-cost", "0.95")
    stopped = abduce(*args)
    assert stopped.returncode == 4, stopped.stderr
    said = [text for text in stopped.stderr.splitlines() if not text.startswith("sandbox: ")]
    assert said == [
        "abduce: error: stopped at $1.0000 of --max-cost $0.95: the next task would likely pass "
        "it; the same command resumes with the tasks left"
    ]
    assert "cost $1.0000 ($0.2000 on faulted tasks)" in " ".join(stopped.stdout.split())
    lines = [json.loads(text) for text in out.read_text().splitlines()]
    assert [(line["task_id"], line["cost"]) for line in lines] == [
        ("00d62c1b", 0.4), ("017c7c7b", 0.4)
    ]  # fmt: skip

    resumed = abduce(*args)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(recorded(out)) == ["007bbfb7", "00d62c1b", "017c7c7b", "025d127b"]
