"""`abduce ask` and `abduce tools call` as a user runs them, against a scripted model server."""

import json
import os
import subprocess
import sys

import pytest

from tests.cli import fake_chat_model

QUESTION = "solve x**3 - 6*x**2 + 11*x - 6 = 0"


@pytest.fixture(scope="module")
def right():
    server, base = fake_chat_model.start("right")
    yield f"openai-compatible:{base}#fake"
    server.shutdown()


def abduce(tmp_path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "COLUMNS": "200"}  # fmt: skip
    command = [sys.executable, "-m", "abduce", *arguments]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def test_ask_answers_one_question_with_its_mark(tmp_path, right):
    done = abduce(tmp_path, "ask", QUESTION, "--llm", right, "--verbose")
    assert done.returncode == 0, done.stderr
    assert "x ∈ {1, 2, 3}" in done.stdout
    assert "verified ✓" in done.stdout
    assert 'solve("x**3 - 6*x**2 + 11*x - 6 = 0", "x")' in done.stdout  # --verbose: the program


def test_ask_json_answers_one_line_per_question(tmp_path, right):
    done = abduce(tmp_path, "ask", "--json", "--llm", right, stdin=f"{QUESTION}\n\n{QUESTION}\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == 2
    assert all(answer["verified"] and answer["text"] == "x ∈ {1, 2, 3}" for answer in answers)


def test_a_word_problems_candidates_are_shown_and_in_the_json(tmp_path, right):
    question = "Ann picks 8 apples a day for 3 days and gives 4 away. How many does she keep?"
    shown = abduce(tmp_path, "ask", question, "--llm", right, "--verbose")
    assert shown.returncode == 0, shown.stderr
    assert "program (seed 0, temperature 0): 20 (agrees)" in shown.stdout
    assert "Answer: 20" in shown.stdout  # the agreeing derivation
    assert "not verified" in shown.stdout  # the server sends one program for every seed
    done = abduce(tmp_path, "ask", "--json", "--llm", right, stdin=question)
    [answer] = [json.loads(line) for line in done.stdout.splitlines()]
    origins = {(c["method"], c["seed"], c["value"]) for c in answer["candidates"]}
    assert {("program", 0, 20), ("program", 1, 20), ("step-by-step", 2, 20)} <= origins
    assert answer["text"] == "20" and not answer["verified"]


def test_tools_call_prints_the_result_as_json(tmp_path):
    done = abduce(tmp_path, "tools", "call", "sympy.factor", "--json", '{"expression": "x**2-1"}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == "(x - 1)*(x + 1)"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ask"], "give a question, or --json"),
        (["tools", "call", "sympy.solve", "--json", '{"symbol": "x"}'],
         "sympy.solve: equation: Field required"),
        (["tools", "call", "sympy.solve", "--json", "[1]"], "--json must be a JSON object"),
        (["tools", "call", "sympy.solv"], "no tool named 'sympy.solv'; did you mean sympy.solve"),
        (["tools", "call", "sympy.factor", "--json", '{"expression": "x**"}'],
         "sympy.factor: ValueError: cannot parse 'x**'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(tmp_path, arguments, message):
    done = abduce(tmp_path, *arguments)
    assert done.returncode == 2
    [line] = [line for line in done.stderr.splitlines() if line.startswith("abduce: error:")]
    assert message in line
    assert "Traceback" not in done.stderr
