"""The MCP server, driven by the MCP SDK's own stdio client in a real subprocess.

One session serves most of the module: the server runs with the `gcd.many` plugin and a broken
plugin on its PYTHONPATH, so it must offer the built-ins and the plugin's tool alike.
"""

import json
import sys
from pathlib import Path
from typing import Any

import anyio
import mcp_types as types
import pytest
from mcp.client.session import ClientSession, IncomingMessage
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.shared.exceptions import MCPError

from tests.tools.test_plugins import BROKEN_PLUGIN, write_gcd_plugin, write_plugin

CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "solve": ("sympy.solve", {"equation": "x**2 - 4", "symbol": "x"}),
    "missing_argument": ("sympy.solve", {"symbol": "x"}),
    "unknown_tool": ("algebra.solve", {"equation": "x"}),
    "plugin": ("gcd.many", {"values": [12, 18, 30]}),
    "python": ("python.run", {"code": "print('noise on stdout')\nresult = 6 * 7"}),
}


async def converse(site: Path, errlog: Path) -> dict[str, Any]:
    """Start `abduce mcp`, initialize, list the tools and make every call in CALLS."""
    server = StdioServerParameters(
        command=sys.executable, args=["-m", "abduce", "mcp"], env={"PYTHONPATH": str(site)}
    )
    stray: list[Exception] = []

    async def on_message(message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            stray.append(message)  # a line on the server's stdout that was not JSON-RPC

    with errlog.open("w") as log, anyio.fail_after(90):
        async with (
            stdio_client(server, errlog=log) as (read, write),
            ClientSession(read, write, message_handler=on_message) as session,
        ):
            record: dict[str, Any] = {"init": await session.initialize()}
            record["tools"] = {tool.name: tool for tool in (await session.list_tools()).tools}
            for key, (name, arguments) in CALLS.items():
                record[key] = await session.call_tool(name, arguments)
    record["stray"] = stray
    return record


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = write_gcd_plugin(tmp_path_factory.mktemp("site"))
    write_plugin(site, "abduce_broken_plugin", "broken", BROKEN_PLUGIN)
    errlog = tmp_path_factory.mktemp("server") / "stderr.txt"
    try:
        return {**anyio.run(converse, site, errlog), "stderr": errlog.read_text()}
    except BaseException:
        print(errlog.read_text(), file=sys.stderr)  # the server's side of the story
        raise


def text(result: types.CallToolResult) -> str:
    [content] = result.content
    assert isinstance(content, types.TextContent)
    return content.text


def test_server_identifies_itself(session):
    import abduce

    info = session["init"].server_info
    assert (info.name, info.version) == ("abduce", abduce.__version__)
    assert session["init"].capabilities.tools is not None


def test_lists_builtin_and_plugin_tools_with_their_schemas(session):
    tools = session["tools"]
    assert {"sympy.solve", "networkx.shortest_path", "python.run", "gcd.many"} <= set(tools)
    for tool in tools.values():
        assert tool.input_schema["type"] == "object", tool.name
        assert tool.description, tool.name
    assert "equation" in tools["sympy.solve"].input_schema["properties"]
    assert tools["gcd.many"].input_schema["properties"]["values"]["items"] == {"type": "integer"}
    assert tools["gcd.many"].description == "Greatest common divisor of several integers."


def test_a_broken_plugin_is_reported_on_stderr(session):
    assert "broken.tool" not in session["tools"]
    assert "plugin broken failed to load" in session["stderr"]
    assert "not_installed_xyz" in session["stderr"]


def test_call_returns_json_text_and_structured_content(session):
    solved = session["solve"]
    assert not solved.is_error, text(solved)
    roots = json.loads(text(solved))
    assert sorted(str(root) for root in roots) == ["-2", "2"]
    assert solved.structured_content == {"result": roots}


def test_invalid_arguments_are_an_error_result(session):
    failed = session["missing_argument"]
    assert failed.is_error
    assert text(failed) == "sympy.solve: equation: Field required"


def test_unknown_tool_is_an_error_result_naming_it(session):
    failed = session["unknown_tool"]
    assert failed.is_error
    assert "'algebra.solve'" in text(failed)
    assert "sympy.solve" in text(failed)  # the suggestion


def test_plugin_tool_runs_over_mcp(session):
    gcd = session["plugin"]
    assert not gcd.is_error, text(gcd)
    assert json.loads(text(gcd)) == 6


def test_program_output_does_not_reach_the_transport(session):
    ran = session["python"]
    assert not ran.is_error, text(ran)
    assert json.loads(text(ran)) == {"stdout": "noise on stdout\n", "result": 42}
    assert session["stray"] == []


NOISY_SERVER = '''
from abduce.errors import ToolError
from abduce.tools.registry import Tool
from abduce.tools.mcp_server import serve

def halve(n: int) -> int:
    """Half of an even number."""
    return n // 2

class Noisy(Tool):
    """Runs in the server process and prints, as a careless plugin might."""

    def invoke(self, arguments, *, timeout=20.0):
        n = self.validate(arguments)["n"]
        print("stray output from a tool")
        if n < 0:
            raise RuntimeError("an unexpected bug")
        if n % 2:
            raise ToolError(f"{self.name}: {n} is odd")
        return halve(n)

serve([Noisy(halve, name="maths.halve")])
'''


async def converse_with_noisy(errlog: Path) -> dict[str, Any]:
    """A server offering only one in-process tool, which prints to stdout."""
    server = StdioServerParameters(command=sys.executable, args=["-c", NOISY_SERVER])
    stray: list[Exception] = []

    async def on_message(message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            stray.append(message)

    with errlog.open("w") as log, anyio.fail_after(60):
        async with (
            stdio_client(server, errlog=log) as (read, write),
            ClientSession(read, write, message_handler=on_message) as session,
        ):
            await session.initialize()
            record: dict[str, Any] = {"tools": (await session.list_tools()).tools}
            record["even"] = await session.call_tool("maths.halve", {"n": 10})
            record["odd"] = await session.call_tool("maths.halve", {"n": 7})
            record["other"] = await session.call_tool("sympy.solve", {"equation": "x"})
            try:
                await session.call_tool("maths.halve", {"n": -2})
            except MCPError as error:
                record["bug"] = error
            record["after_bug"] = await session.call_tool("maths.halve", {"n": 4})
    record["stray"] = stray
    return record


def test_an_explicit_tool_list_and_a_printing_tool(tmp_path):
    errlog = tmp_path / "stderr.txt"
    record = anyio.run(converse_with_noisy, errlog)
    assert [tool.name for tool in record["tools"]] == ["maths.halve"]
    assert json.loads(text(record["even"])) == 5
    assert record["even"].structured_content == {"result": 5}
    assert record["odd"].is_error and text(record["odd"]) == "maths.halve: 7 is odd"
    # only the offered tools can be called
    assert record["other"].is_error
    assert text(record["other"]) == "no tool named 'sympy.solve'; offered: maths.halve"
    # an unexpected exception is a protocol error for that call; the server keeps serving
    assert "an unexpected bug" in str(record["bug"])
    assert json.loads(text(record["after_bug"])) == 2
    # the tool's prints went to stderr, never onto the JSON-RPC stream
    assert record["stray"] == []
    assert "stray output from a tool" in errlog.read_text()
