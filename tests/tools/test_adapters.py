"""Adapters: LangChain tools a model can call, OpenAI dicts valid for strict mode."""

import json
import re

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from abduce.tools import all_tools, as_langchain, as_openai, call_openai, strict_schema
from abduce.tools.registry import Tool

NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


class ToolCallingModel(GenericFakeChatModel):
    """A fake chat model that accepts tools and replies with a scripted tool call."""

    bound: list = []

    def bind_tools(self, tools, **kwargs):
        self.bound.extend(tools)
        return self


def test_a_langchain_model_calls_a_tool_and_the_tool_runs():
    call = {"name": "sympy_solve", "args": {"equation": "x**2 - 9"}, "id": "call-1"}
    model = ToolCallingModel(messages=iter([AIMessage(content="", tool_calls=[call])]), bound=[])
    tools = {tool.name: tool for tool in as_langchain()}
    reply = model.bind_tools(list(tools.values())).invoke("Solve x**2 = 9")
    [requested] = reply.tool_calls
    result = tools[requested["name"]].invoke(requested)
    assert json.loads(result.content) == {"result": ["-3", "3"]}
    assert {tool.name for tool in model.bound} >= {"sympy_solve", "networkx_shortest_path"}


def test_a_langchain_tool_reports_bad_arguments_to_the_model():
    [solve] = [tool for tool in as_langchain() if tool.name == "sympy_solve"]
    result = solve.invoke({"name": "sympy_solve", "args": {"equation": "x**2 +"}, "id": "c",
                           "type": "tool_call"})  # fmt: skip
    assert "cannot parse" in result.content


def strict_problems(schema, where="$"):
    """Every way `schema` breaks OpenAI's strict-mode rules."""
    problems = []
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            if schema.get("additionalProperties") is not False:
                problems.append(f"{where}: object not closed")
            if sorted(schema.get("required", [])) != sorted(schema.get("properties", {})):
                problems.append(f"{where}: not every property required")
        for keyword in ("default", "prefixItems", "allOf", "not", "if"):
            if keyword in schema:
                problems.append(f"{where}: unsupported {keyword}")
        for key, value in schema.items():
            problems += strict_problems(value, f"{where}.{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            problems += strict_problems(value, f"{where}[{index}]")
    return problems


def test_openai_dicts_are_strict_safe():
    dicts = as_openai()
    assert len(dicts) == len(all_tools())
    for entry in dicts:
        function = entry["function"]
        assert NAME.match(function["name"]), function["name"]
        assert function["strict"] is True and function["description"]
        assert strict_problems(function["parameters"]) == [], function["name"]


def test_strict_schemas_make_optionals_nullable_and_nulls_mean_defaults():
    def power(base: int, exponent: int = 2) -> int:
        """Raise base to a power."""
        return base**exponent

    tool = Tool(power)
    schema = strict_schema(tool.schema)
    assert schema["properties"]["exponent"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    assert tool.validate({"base": 3, "exponent": None}) == {"base": 3}


def test_an_openai_tool_call_runs_and_errors_come_back_as_json():
    assert json.loads(call_openai("sympy_isprime", '{"n": 97}')) == {"result": True}
    assert "error" in json.loads(call_openai("sympy_isprime", '{"n": "many"}'))
    assert "error" in json.loads(call_openai("sympy_isprime", "not json"))
