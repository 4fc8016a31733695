"""The registry's tools as an MCP server over stdio (`abduce mcp`).

Built on the MCP SDK's low-level `Server`, so each tool is offered with its own JSON schema:
name = `tool.name` (MCP tool names may contain dots), inputSchema = `tool.schema`. A call runs
`tool.invoke` (validation here, the function in the sandbox) in a worker thread and answers
with the result as JSON text plus `{"result": ...}` as structured content; a `ToolError`
(unknown tool, invalid arguments, the program failed) is an `isError` result carrying its
one-line message, for the model to read and correct.

stdout is the transport: while serving, the SDK points file descriptor 1 at stderr and
`sys.stdout` is redirected to `sys.stderr`, so stray output cannot corrupt the protocol.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any

import anyio
import anyio.to_thread
import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import Server
from mcp.server.stdio import stdio_server

import abduce
from abduce.errors import ToolError
from abduce.tools.adapters import all_tools, find_tool
from abduce.tools.registry import Tool, registry


def build_server(tools: list[Tool] | None = None) -> Server[Any]:
    """A low-level MCP server offering `tools` (default: every registered tool)."""
    offered = {tool.name: tool for tool in tools} if tools is not None else None

    def lookup(name: str) -> Tool:
        """The offered tool called `name`; ToolError if there is none."""
        if offered is None:
            return find_tool(name)
        if name in offered:
            return offered[name]
        raise ToolError(f"no tool named {name!r}; offered: {', '.join(sorted(offered))}")

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        """Every offered tool with its description and argument schema."""
        listed = list(offered.values()) if offered is not None else all_tools()
        return types.ListToolsResult(
            tools=[
                types.Tool(name=tool.name, description=tool.description, input_schema=tool.schema)
                for tool in listed
            ]
        )

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        """Run one tool call in a worker thread; a ToolError becomes an error result."""
        arguments = params.arguments or {}
        try:
            tool = lookup(params.name)
            value = await anyio.to_thread.run_sync(tool.invoke, arguments)
        except ToolError as error:
            return types.CallToolResult(content=[types.TextContent(text=str(error))], is_error=True)
        return types.CallToolResult(
            content=[types.TextContent(text=json.dumps(value))],
            structured_content={"result": value},
        )

    return Server(
        "abduce",
        version=abduce.__version__,
        instructions="Symbolic tools (sympy, networkx, the grid DSL, Python) run in a sandbox.",
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


async def serve_async(tools: list[Tool] | None = None) -> None:
    """Serve `tools` over this process's stdin and stdout until the client disconnects."""
    server = build_server(tools)
    if tools is None:
        all_tools()  # load the plugins now, and say on stderr which failed
        for plugin, reason in registry.errors.items():
            print(f"abduce mcp: plugin {plugin} failed to load: {reason}", file=sys.stderr)
    async with stdio_server() as (read_stream, write_stream):
        # `print` in a tool would otherwise sit in sys.stdout's buffer until exit, when the
        # SDK has pointed fd 1 back at the client: send it to stderr instead.
        with contextlib.redirect_stdout(sys.stderr):
            await server.run(read_stream, write_stream, server.create_initialization_options())


def serve(tools: list[Tool] | None = None) -> None:
    """Run the MCP server over stdio (blocks until stdin closes)."""
    anyio.run(serve_async, tools)
