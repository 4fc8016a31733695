"""The minimal sandbox: programs run in another process, limited, and fail closed."""

import os
from pathlib import Path

import pytest

from abduce.programs import run_program

FLIP = "def transform(grid):\n    return [row[::-1] for row in grid]"


def test_runs_each_input_and_returns_plain_data():
    results = run_program(FLIP, [[[1, 2]], [[3, 4], [5, 6]]])
    assert [r.value for r in results] == [[[2, 1]], [[4, 3], [6, 5]]]


def test_numpy_results_become_lists():
    source = "import numpy as np\ndef transform(grid):\n    return np.array(grid) * 2"
    assert run_program(source, [[[1, 2]]])[0].value == [[2, 4]]


def test_runs_in_another_process():
    source = "import os\ndef transform(grid):\n    return os.getpid()"
    assert run_program(source, [[[0]]])[0].value != os.getpid()


def test_environment_is_empty(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    source = "import os\ndef transform(grid):\n    return sorted(os.environ)"
    assert "OPENAI_API_KEY" not in run_program(source, [[[0]]])[0].value


def test_an_error_on_one_input_does_not_spoil_the_others():
    source = "def transform(grid):\n    return [[1 // grid[0][0]]]"
    ok, failed = run_program(source, [[[1]], [[0]]])
    assert ok.value == [[1]]
    assert "ZeroDivisionError" in failed.error


def test_wall_timeout_kills_the_worker_and_keeps_finished_results():
    source = "def transform(grid):\n    while grid[0][0] == 0:\n        pass\n    return grid"
    finished, stuck = run_program(source, [[[1]], [[0]]], timeout=1.5)
    assert finished.value == [[1]]
    assert stuck.ok is False
    assert "time" in stuck.error


def test_sleeping_program_is_killed_by_the_wall_clock():
    source = "import time\ndef transform(grid):\n    time.sleep(60)"
    [result] = run_program(source, [[[1]]], timeout=1)
    assert result.error == "timed out after 1 s"


def test_memory_limit():
    source = "def transform(grid):\n    return len(bytearray(3 * 1024 ** 3))"
    [result] = run_program(source, [[[1]]], memory_mb=512)
    assert result.ok is False
    assert "MemoryError" in result.error


def test_missing_entry_point_and_syntax_errors_are_reported():
    assert "defines no function 'transform'" in run_program("x = 1", [[[1]]])[0].error
    assert "SyntaxError" in run_program("def transform(:", [[[1]]])[0].error


ATTACKS = {
    "write a file": "open({target!r}, 'w').write('pwned')",
    "append to a file": "open({target!r}, 'a').write('pwned')",
    "os.open for writing": "import os; os.open({target!r}, os.O_WRONLY | os.O_CREAT)",
    "start a shell": "import os; os.system('touch {target}')",
    "subprocess": "import subprocess; subprocess.run(['touch', {target!r}])",
    "fork": "import os; os.fork()",
    "open a socket": "import socket; socket.socket().connect(('127.0.0.1', 9))",
    "load libc": "import ctypes; ctypes.CDLL('libc.so.6').system(b'touch {target}')",
}


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_harmful_programs_fail_closed(tmp_path, attack):
    target = tmp_path / "pwned"
    body = attack.format(target=str(target))
    source = f"def transform(grid):\n    {body}\n    return grid"
    [result] = run_program(source, [[[1]]])
    assert result.ok is False
    assert not Path(target).exists()
    assert run_program(FLIP, [[[1, 2]]])[0].value == [[2, 1]]
