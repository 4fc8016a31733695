"""The registry: typed functions become tools with schemas; arguments are validated."""

import subprocess
import sys

import pytest

from abduce.tools import Tool, ToolError, find_tool
from abduce.tools.registry import Registry


def scale(values: list[int], factor: int = 2, label: str | None = None) -> list[int]:
    """Multiply every value by a factor.

    Longer text that is not part of the description.
    """
    return [value * factor for value in values]


def test_a_typed_function_becomes_a_tool_with_a_schema():
    tool = Tool(scale, name="maths.scale")
    assert tool.name == "maths.scale"
    assert tool.description == "Multiply every value by a factor."
    assert tool.schema["required"] == ["values"]
    assert tool.schema["properties"]["factor"]["default"] == 2
    assert tool([1, 2], factor=3) == [3, 6]  # still callable as the function


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "values: Field required"),
        ({"values": "12"}, "values: Input should be a valid list"),
        ({"values": [1], "extra": 1}, "extra: Extra inputs are not permitted"),
        ({"values": [1], "factor": None}, None),  # a null means the default
    ],
)
def test_arguments_are_validated_with_one_line_errors(arguments, message):
    tool = Tool(scale)
    if message is None:
        assert tool.validate(arguments) == {"values": [1]}
        return
    with pytest.raises(ToolError) as error:
        tool.validate(arguments)
    assert str(error.value) == f"scale: {message}"


def untyped(values):
    """No type hints."""


def undocumented(values: int) -> int:
    return values


def variadic(*values: int) -> int:
    """Takes *args."""
    return 0


@pytest.mark.parametrize(
    ("function", "message"),
    [(untyped, "needs a type hint"), (undocumented, "needs a docstring"), (variadic, "*args")],
)
def test_functions_that_cannot_be_described_are_refused(function, message):
    with pytest.raises(ValueError, match=message.replace("*", r"\*")):
        Tool(function)


def test_a_taken_name_is_refused_for_another_function():
    registry = Registry()
    registry.add(Tool(scale, name="scale"))
    registry.add(Tool(scale, name="scale"))  # the same function again: fine
    with pytest.raises(ValueError, match="already taken"):
        registry.add(Tool(undocumented, name="scale", description="Other."))


def test_unknown_tools_get_suggestions():
    with pytest.raises(ToolError, match="did you mean sympy.solve"):
        find_tool("solve")


@pytest.mark.parametrize(
    ("name", "arguments", "expected"),
    [
        ("sympy.solve", {"equation": "x**2 - 4", "symbol": "x"}, ["-2", "2"]),
        ("sympy.factor", {"expression": "x**2 - 1"}, "(x - 1)*(x + 1)"),
        ("sympy.gcd", {"values": [12, 18, 30]}, 6),
        (
            "networkx.shortest_path",
            {"edges": [{"source": "A", "target": "B", "weight": 2},
                       {"source": "B", "target": "C"}], "source": "A", "target": "C"},
            {"path": ["A", "B", "C"], "length": 3},
        ),
        ("grid.apply", {"grid": [[1, 2], [3, 4]], "primitive": "flip_left_right"}, [[2, 1], [4, 3]]),
        ("python.run", {"code": "print(6 * 7)\nresult = [1, 2]"}, {"stdout": "42\n", "result": [1, 2]}),
    ],
)  # fmt: skip
def test_built_in_tools_run_in_the_sandbox(name, arguments, expected):
    assert find_tool(name).invoke(arguments) == expected


def test_a_tool_defined_in_a_script_runs_alone_in_the_sandbox(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        "import abduce.tools\n"
        "from abduce import tool\n\n"
        '@tool(name="maths.gcd_many")\n'
        "def gcd_many(values: list[int]) -> int:\n"
        '    """Greatest common divisor of several integers."""\n'
        "    import math\n"
        "    return math.gcd(*values)\n\n"
        'print(abduce.tools.find_tool("maths.gcd_many").invoke({"values": [12, 18]}))\n'
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert done.stdout.strip() == "6", done.stderr
