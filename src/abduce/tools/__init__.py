"""Plug-in symbolic tools: one `@tool` definition serves the chat agent, LangChain, OpenAI
tool-calling and MCP clients.

>>> import abduce.tools
>>> abduce.tools.find_tool("sympy.solve").invoke({"equation": "x**2 - 4"})
['-2', '2']
"""

from abduce.errors import ToolError
from abduce.tools.adapters import (
    all_tools,
    as_langchain,
    as_openai,
    call_openai,
    find_tool,
    openai_name,
    strict_schema,
)
from abduce.tools.registry import ENTRY_POINT_GROUP, Tool, registry, tool

__all__ = [
    "ENTRY_POINT_GROUP",
    "Tool",
    "ToolError",
    "all_tools",
    "as_langchain",
    "as_openai",
    "call_openai",
    "find_tool",
    "openai_name",
    "registry",
    "strict_schema",
    "tool",
]
