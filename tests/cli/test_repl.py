"""`abduce chat` in a real pseudo-terminal, against a scripted OpenAI-compatible server."""

import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tests.cli import fake_chat_model

QUESTION = "solve x**3 - 6*x**2 + 11*x - 6 = 0"
CONTROL = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"  # terminal control sequences: styles, cursor moves
# The prompt "> " at the start of a line (prompt_toolkit moves the cursor instead of a space).
PROMPT = re.compile(rf"\n{CONTROL}>")


def shown(text: str) -> re.Pattern[str]:
    """`text` as it appears on the terminal, whatever styles its parts are printed in."""
    return re.compile(CONTROL.join(map(re.escape, text)))


@pytest.fixture(scope="module")
def right():
    server, base = fake_chat_model.start("right")
    yield f"openai-compatible:{base}#fake"
    server.shutdown()


@pytest.fixture(scope="module")
def wrong():
    server, base = fake_chat_model.start("wrong")
    yield f"openai-compatible:{base}#fake"
    server.shutdown()


def chat(tmp_path, llm: str, *options: str) -> pexpect.spawn:
    """`abduce chat` in a 120x40 terminal, with its files under tmp_path; waits for the prompt."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "ABDUCE_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect does not answer cursor position requests
    }
    if "PYTHONPATH" in os.environ:  # the abduce under test, not only the installed one
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    command = ["-m", "abduce", "chat", "--llm", llm, "--no-cache", *options]
    child = pexpect.spawn(
        sys.executable,
        command,
        env=env,
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=60,
        preexec_fn=interruptible,
    )
    child.expect(PROMPT)
    return child


def interruptible() -> None:
    """Ctrl-C at its default, as in a terminal: a suite run in the background (`&` without
    job control) ignores SIGINT, and a Python started so never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def send(child: pexpect.spawn, line: str, *expected: str) -> None:
    """Type a line, see each expected text in order, then the next prompt."""
    child.sendline(line)
    for text in expected:
        child.expect(shown(text))
    child.expect(PROMPT)


def finish(child: pexpect.spawn) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_a_verified_answer_streams_its_steps(tmp_path, right):
    child = chat(tmp_path, right)
    send(child, "/help", "/arc", "/exit")
    send(
        child,
        QUESTION,
        "hypothesis: solve the cubic with sympy.solve",
        "program written (5 lines)",
        "x ∈ {1, 2, 3}",
        "verified ✓",
    )
    send(child, "/trace", "approach: solve the cubic", "return roots")
    send(child, "/tools", "sympy.solve")
    send(child, "/model", right)
    send(child, "/nonsense", "unknown command /nonsense; /help lists the commands")
    child.sendintr()  # Ctrl-C at an empty prompt: just a new prompt
    child.expect(PROMPT)
    child.sendline("/exit")
    finish(child)
    history = (tmp_path / "data" / "abduce" / "history").read_text()
    assert QUESTION in history and "/tools" in history


def test_a_wrong_root_ends_not_verified(tmp_path, wrong):
    child = chat(tmp_path, wrong, "--verbose")
    send(child, QUESTION, 'return ["1", "2", "4"]', "x ∈ {1, 2, 4}", "not verified")
    child.sendeof()  # Ctrl-D
    finish(child)


def test_ctrl_c_while_the_model_thinks_interrupts_only_the_answer(tmp_path):
    gate = fake_chat_model.Gate()
    server, base = fake_chat_model.start("right", gate)
    last = tmp_path / "data" / "abduce" / "conversations" / "last.json"
    try:
        child = chat(tmp_path, f"openai-compatible:{base}#fake")
        child.sendline(f"{fake_chat_model.HOLD}: {QUESTION}")
        assert gate.holding.wait(timeout=120), "the question never reached the model"
        child.sendintr()
        child.expect(shown("interrupted"))
        child.expect(PROMPT)
        assert not last.exists()
        send(child, "/trace", "nothing to trace yet")
        send(child, QUESTION, "x ∈ {1, 2, 3}", "verified ✓")
        child.sendline("/exit")
        finish(child)
    finally:
        gate.opened.set()
        server.shutdown()
    assert [answer["question"] for answer in json.loads(last.read_text())["answers"]] == [QUESTION]


def test_ctrl_c_while_the_program_runs_stops_it_and_spoils_no_later_answer(tmp_path, right):
    child = chat(tmp_path, right)
    child.sendline(f"{fake_chat_model.LOOP}: {QUESTION}")
    child.expect(shown("program written"))
    program = running_program(child.pid)
    child.sendintr()
    child.expect(shown("interrupted"))
    child.expect(PROMPT)
    assert ended(program), "the interrupted program still runs"
    for _ in range(os.cpu_count() or 1):  # every fork server answers one of these
        send(child, QUESTION, "x ∈ {1, 2, 3}", "verified ✓", "1 program,")
    child.sendline("/exit")
    finish(child)


def running_program(pid: int) -> int:
    """A sandboxed program of process `pid` (a child of one of its fork servers) once it has
    run for a fifth of a second of CPU time."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for server in children(pid):
            for program in children(server):
                if cpu_ticks(program) >= 20:
                    return program
        time.sleep(0.05)
    raise AssertionError("no sandboxed program started")


def ended(pid: int) -> bool:
    """Whether process `pid` is gone (or a zombie) within 15 s, before its own 20 s timeout."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except FileNotFoundError:
        return []


def cpu_ticks(pid: int) -> int:
    """User and system CPU time of process `pid`, in clock ticks (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except FileNotFoundError:
        return 0
    return int(fields[11]) + int(fields[12])


def test_save_and_continue(tmp_path, right):
    saved = tmp_path / "saved.json"
    child = chat(tmp_path, right, "--continue")
    assert "nothing to continue" in child.before
    send(child, QUESTION, "verified ✓")
    send(child, f"/save {saved}", f"saved 1 turn to {saved}")
    child.sendline("/exit")
    finish(child)
    conversation = json.loads(saved.read_text())
    assert conversation["llm"] == right
    assert [answer["question"] for answer in conversation["answers"]] == [QUESTION]

    again = chat(tmp_path, right, "--continue")
    assert "restored 1 turn" in again.before
    send(again, "/reset", "conversation cleared")
    send(again, f"/load {saved}", "restored 1 turn")
    send(again, "/load nowhere.json", "could not load nowhere.json")
    again.sendline("/exit")
    finish(again)


def test_unknown_models_and_tasks_print_one_line(tmp_path):
    child = chat(tmp_path, "nonsense")
    send(child, "/help", "/tools")  # no model needed
    send(child, QUESTION, "error: unknown LLM spec 'nonsense'")
    send(child, "/arc 00000000", "no ARC-AGI-1 training or evaluation task '00000000'")
    send(child, "/hint turn it", "show a task with /arc <task_id> first")
    send(child, "/arc 3c9b0459", "train 1 input", "rotate the grid half a turn", "correct")
    send(child, "/hint turn it half way round", "correct", "hint (weight", "turn → rotate_180")
    child.sendline("/exit")
    finish(child)
