"""`abduce tools list|call` and `abduce mcp`: the registered tools from the command line."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from abduce.cli.options import console
from abduce.errors import UsageError
from abduce.tools import all_tools, find_tool, registry

tools_app = typer.Typer(help="List and call the registered tools.", no_args_is_help=True)


@tools_app.command("list")
def list_tools(
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON line per tool, with its argument schema.")
    ] = False,
) -> None:
    """Every tool: the built-ins and those of installed plugins."""
    tools = all_tools()
    if json_output:
        for tool in tools:
            print(json.dumps({"name": tool.name, "description": tool.description,
                              "parameters": tool.schema}))  # fmt: skip
    else:
        table = Table("tool", "what it does", box=None)
        for tool in tools:
            table.add_row(f"[bold]{tool.name}[/]", tool.description)
        console.print(table)
    for plugin, reason in registry.errors.items():
        console.print(f"[red]plugin {plugin} failed to load:[/] {reason}", highlight=False)


@tools_app.command("call")
def call_tool(
    name: Annotated[str, typer.Argument(help="The tool's name, e.g. sympy.solve.")],
    arguments: Annotated[
        str, typer.Option("--json", help="The arguments as a JSON object.")
    ] = "{}",
) -> None:
    """Call one tool (in the sandbox) and print its result as JSON."""
    try:
        values = json.loads(arguments)
    except json.JSONDecodeError as error:
        raise UsageError(f"--json is not valid JSON: {error}") from None
    if not isinstance(values, dict):
        raise UsageError("--json must be a JSON object of arguments")
    print(json.dumps(find_tool(name).invoke(values), ensure_ascii=False))


def mcp() -> None:
    """Serve every registered tool to MCP clients over stdio."""
    from abduce.tools.mcp_server import serve

    serve()
