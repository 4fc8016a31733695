"""The registry's tools for other frameworks: LangChain `StructuredTool`s and OpenAI tool dicts.

Both run a call the way `Tool.invoke` does: arguments validated here, the tool in the
sandbox. OpenAI function names allow no dots, so `sympy.solve` is offered as `sympy_solve`
(`find_tool` maps either back).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from langchain_core.tools import StructuredTool

from abduce.errors import ToolError
from abduce.tools.registry import Tool, registry


def all_tools() -> list[Tool]:
    """Every registered tool: the built-ins and every plugin's."""
    return registry.all()


def find_tool(name: str) -> Tool:
    """The tool called `name`, or whose OpenAI name is `name`."""
    for tool in registry.all():
        if name in (tool.name, openai_name(tool)):
            return tool
    return registry.get(name)  # raises ToolError with suggestions


def openai_name(tool: Tool) -> str:
    return tool.name.replace(".", "_")


def as_langchain(tools: list[Tool] | None = None) -> list[StructuredTool]:
    """LangChain tools (for `bind_tools`, agents): same schema, sandboxed calls."""
    return [_structured(tool) for tool in tools or all_tools()]


def _structured(tool: Tool) -> StructuredTool:
    def call(**arguments: Any) -> str:
        return _result_json(tool, arguments)

    return StructuredTool.from_function(
        func=call, name=openai_name(tool), description=tool.description, args_schema=tool.arguments
    )


def as_openai(tools: list[Tool] | None = None) -> list[dict[str, Any]]:
    """OpenAI tool dicts, safe for `strict: true`: every object closed, every property
    required, optional ones nullable (a null means the default)."""
    return [
        {
            "type": "function",
            "function": {
                "name": openai_name(tool),
                "description": tool.description,
                "parameters": strict_schema(tool.schema),
                "strict": True,
            },
        }
        for tool in tools or all_tools()
    ]


def call_openai(name: str, arguments: str) -> str:
    """Run an OpenAI tool call (function name, JSON arguments); the result or error as JSON."""
    try:
        return _result_json(find_tool(name), json.loads(arguments))
    except (ToolError, json.JSONDecodeError) as error:
        return json.dumps({"error": str(error)})


def _result_json(tool: Tool, arguments: Any) -> str:
    """{"result": ...} or {"error": ...}: what a model reads back after calling `tool`."""
    try:
        return json.dumps({"result": tool.invoke(arguments)})
    except ToolError as error:
        return json.dumps({"error": str(error)})


_UNSUPPORTED = ("default", "title", "examples")


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema rewritten for OpenAI's strict mode.

    >>> schema = {"type": "object", "properties": {"n": {"type": "integer", "default": 3}}}
    >>> strict = strict_schema(schema)
    >>> strict["properties"], strict["required"], strict["additionalProperties"]
    ({'n': {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}}, ['n'], False)
    """
    strict: dict[str, Any] = _strict(copy.deepcopy(schema))
    return strict


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _strict(value) for key, value in node.items() if key not in _UNSUPPORTED}
    if node.get("type") == "object" or "properties" in node:
        properties = node.setdefault("properties", {})
        required = set(node.get("required", []))
        for key, value in properties.items():
            if key not in required:
                properties[key] = _nullable(value)
        node["required"] = list(properties)
        node["additionalProperties"] = False
    return node


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    options = schema.get("anyOf", [schema])
    if {"type": "null"} in options:
        return schema
    return {"anyOf": [*options, {"type": "null"}]}
