"""Model-supplied tool arguments that try to do harm: every one fails closed in the sandbox.

Each case goes through `Tool.invoke`, as the agent, LangChain, OpenAI and MCP calls do; the
test asserts the call failed with a reason, no file appeared or changed, and no secret (file or
environment) came back.
"""

import socket
from pathlib import Path

import pytest

from abduce.tools import ToolError, find_tool

SECRET = "sk-canary-7a2b4c6d"

ATTACKS = [
    ("sympy.simplify", {"expression": "__import__('os').system('touch MARKER')"}),
    ("sympy.solve", {"equation": "open('MARKER', 'w').write('x')"}),
    ("sympy.factor", {"expression": "eval(\"open('SECRET_FILE').read()\")"}),
    ("sympy.integrate", {"expression": "__import__('subprocess').run(['touch', 'MARKER'])"}),
    ("sympy.evaluate", {"expression": "().__class__.__base__.__subclasses__()"}),
    ("sympy.differentiate", {"expression": "__import__('os').environ['OPENAI_API_KEY']"}),
    ("sympy.check_roots", {"equation": "x", "symbol": "x", "roots": ["open('SECRET_FILE').read()"]}),
    ("python.run", {"code": "import os\nos.system('touch MARKER')"}),
    ("python.run", {"code": "result = open('SECRET_FILE').read()"}),
    ("python.run", {"code": "open('MARKER', 'w').write('pwned')"}),
    ("python.run", {"code": "import socket\nsocket.create_connection(('127.0.0.1', PORT))"}),
    ("python.run", {"code": "import abduce\nresult = abduce.tool(open)('SECRET_FILE').read()"}),
    ("python.run", {"code": "import sys\nresult = sys.modules['os'].environ['OPENAI_API_KEY']"}),
    ("grid.apply", {"grid": [[1]], "primitive": "__class__"}),
]  # fmt: skip


@pytest.fixture
def world(tmp_path, monkeypatch):
    tmp_path.chmod(0o777)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    secret.chmod(0o666)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        yield {"MARKER": tmp_path / "pwned", "SECRET_FILE": secret, "listener": listener}


def fill(value: object, world: dict) -> object:
    if isinstance(value, str):
        port = str(world["listener"].getsockname()[1])
        return value.replace("MARKER", str(world["MARKER"])).replace(
            "SECRET_FILE", str(world["SECRET_FILE"])).replace("PORT", port)  # fmt: skip
    if isinstance(value, list):
        return [fill(item, world) for item in value]
    if isinstance(value, dict):
        return {key: fill(item, world) for key, item in value.items()}
    return value


@pytest.mark.parametrize(
    ("name", "arguments"), ATTACKS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(ATTACKS)]
)
def test_harmful_tool_arguments_fail_closed(world, name, arguments):
    with pytest.raises(ToolError) as error:
        find_tool(name).invoke(fill(arguments, world))
    assert str(error.value).startswith(f"{name}: ")
    assert SECRET not in str(error.value)
    assert not Path(world["MARKER"]).exists()
    assert Path(world["SECRET_FILE"]).read_text() == SECRET
    with pytest.raises(BlockingIOError):
        world["listener"].accept()  # nothing connected
