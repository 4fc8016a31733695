"""The sandbox pool: programs run in fresh confined processes, with limits, and fail closed.

Attacks are in tests/security; these are the working parts.
"""

import os
import signal
import threading
import time

import pytest

from abduce.programs import Sandbox

FLIP = "def transform(grid):\n    return [row[::-1] for row in grid]"


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as pool:
        yield pool


def test_runs_each_input_and_returns_plain_data(sandbox):
    results = sandbox.run(FLIP, [[[1, 2]], [[3, 4], [5, 6]]])
    assert [r.value for r in results] == [[[2, 1]], [[4, 3], [6, 5]]]


def test_numpy_results_become_lists(sandbox):
    source = (
        "import numpy as np\ndef transform(grid):\n    return (np.array(grid) * 2, np.int64(3))"
    )
    assert sandbox.run(source, [[[1, 2]]])[0].value == [[[2, 4]], 3]


def test_libraries_are_preloaded(sandbox):
    source = (
        "import networkx as nx, sympy\n"
        "def transform(n):\n"
        "    x = sympy.Symbol('x')\n"
        "    return [nx.number_of_nodes(nx.path_graph(n)), str(sympy.expand((x + 1) ** n))]"
    )
    assert sandbox.run(source, [2])[0].value == [2, "x**2 + 2*x + 1"]


def test_libraries_not_preloaded_load_when_imported():
    with Sandbox(workers=1, preload=("numpy",)) as light:
        source = "import networkx as nx\ndef transform(n):\n    return nx.number_of_nodes(nx.path_graph(n))"
        assert light.run(source, [3])[0].value == 3


def test_runs_in_another_process_as_nobody_where_it_can(sandbox):
    source = (
        "import random\ndef transform(_):\n    return [random._os.getpid(), random._os.getuid()]"
    )
    [pid, uid] = sandbox.run(source, [0])[0].value
    assert pid != os.getpid()
    assert uid in {os.getuid(), 65534}  # root stays root if nobody cannot read the libraries


def test_environment_is_empty(sandbox, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    source = "import random\ndef transform(_):\n    return sorted(random._os.environ)"
    names = sandbox.run(source, [0])[0].value
    assert "OPENAI_API_KEY" not in names
    assert set(names) <= {"HOME", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "PYTHONHASHSEED",
                          "LC_CTYPE", "PYTHONMALLOC", "GLIBC_TUNABLES"}  # fmt: skip


def test_a_program_cannot_leave_state_for_the_next(sandbox):
    poison = "import math, numpy\nmath.pi = 3\nnumpy.flip = None\ndef transform(_):\n    return 0"
    check = "import math, numpy\ndef transform(_):\n    return [math.pi, numpy.flip is None]"
    for _ in range(3):  # whichever server runs them
        sandbox.run(poison, [0])
        assert sandbox.run(check, [0])[0].value == [3.141592653589793, False]


def test_an_error_on_one_input_does_not_spoil_the_others(sandbox):
    source = "def transform(grid):\n    return [[1 // grid[0][0]]]"
    ok, failed = sandbox.run(source, [[[1]], [[0]]])
    assert ok.value == [[1]]
    assert "ZeroDivisionError" in failed.error
    assert "line 2, in transform\n    return [[1 // grid[0][0]]]" in failed.error


def test_wall_timeout_kills_the_program_and_keeps_finished_results(sandbox):
    source = "def transform(grid):\n    while grid[0][0] == 0:\n        pass\n    return grid"
    finished, stuck = sandbox.run(source, [[[1]], [[0]]], timeout=1.5)
    assert finished.value == [[1]]
    assert stuck.error == "timed out after 1.5 s"


def test_a_blocked_program_is_killed_by_the_wall_clock(sandbox):
    source = (
        "import typing\nlock = typing.sys.modules['threading'].Lock()\n"
        "def transform(_):\n    lock.acquire()\n    lock.acquire()"
    )
    started = time.monotonic()
    [result] = sandbox.run(source, [0], timeout=1)
    assert result.error == "timed out after 1 s"
    assert time.monotonic() - started < 2


def test_memory_limit(sandbox):
    source = "def transform(grid):\n    return len(bytearray(3 * 1024 ** 3))"
    [result] = sandbox.run(source, [[[1]]], memory_mb=512)
    assert "MemoryError" in result.error


def test_missing_entry_point_and_syntax_errors_are_reported(sandbox):
    assert sandbox.run("x = 1", [0])[0].error == "the program defines no function 'transform'"
    assert "SyntaxError" in sandbox.run("def transform(:", [0])[0].error
    assert sandbox.run("def solve(n):\n    return n + 1", [1], entry="solve")[0].value == 2


def test_imports_outside_the_allow_list_are_refused_with_the_list(sandbox):
    [result] = sandbox.run("import os\ndef transform(_):\n    return 0", [0])
    assert "import of 'os' is not allowed; allowed: __future__, abc," in result.error


def test_printed_output_is_captured_per_input_and_capped(sandbox):
    source = "def transform(n):\n    print('x' * n)\n    return n"
    small, huge = sandbox.run(source, [3, 10**6])
    assert small.stdout == "xxx\n"
    assert len(huge.stdout) == 10_000
    assert huge.value == 10**6


def test_results_that_are_not_plain_data_or_too_large_fail(sandbox):
    source = "def transform(kind):\n    return object() if kind else 'x' * 2_000_000"
    odd, large = sandbox.run(source, [1, 0])
    assert "object is not JSON serialisable" in odd.error
    assert large.error == "the result is larger than 1000000 bytes"


def test_output_forged_on_the_result_pipe_is_malformed_not_trusted(sandbox):
    source = (
        "import random\ndef transform(_):\n    random._os.write(3, b'{\"ok\": tru')\n    return 1"
    )
    results = sandbox.run(source, [0, 0])
    assert results[0].error == "the program sent malformed output"


def test_run_many_keeps_the_order_of_programs(sandbox):
    sources = [f"def transform(n):\n    return n + {k}" for k in range(40)]
    results = sandbox.run_many(sources, [0, 100])
    assert [[r.value for r in rs] for rs in results] == [[k, 100 + k] for k in range(40)]


def test_the_pool_is_safe_to_share_between_threads(sandbox):
    answers = {}

    def check(k: int) -> None:
        answers[k] = sandbox.run(f"def transform(n):\n    return n * {k}", [2])[0].value

    threads = [threading.Thread(target=check, args=(k,)) for k in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {k: 2 * k for k in range(12)}


def test_a_killed_server_is_replaced_and_its_programs_retried():
    with Sandbox(workers=1) as pool:
        pool.run(FLIP, [[[1, 2]]])
        [pid] = pool.pids()
        sleeper = "import typing\ndef transform(_):\n    typing.sys.modules['signal'].pause()"
        threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
        [[slept], [flipped]] = pool.run_many([sleeper, FLIP], [[[1, 2]]], timeout=2)
        assert slept.error == "timed out after 2 s"  # on the replacement server
        assert flipped.value == [[2, 1]]
        assert pool.pids() != [pid]
        os.kill(pool.pids()[0], signal.SIGKILL)  # while idle
        assert pool.run(FLIP, [[[1, 2]]])[0].value == [[2, 1]]
