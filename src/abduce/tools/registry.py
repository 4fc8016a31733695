"""`@tool`: a typed function becomes a named tool with a pydantic input model; the registry.

Built-in tools and a third-party package's register the same way: importing their module
runs its `@tool` decorations, which add the tools to the registry. The registry imports the
built-in modules itself (so a source checkout has them without installed metadata), and a
plugin's module through its `abduce.tools` entry point.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap
import threading
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, overload

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from abduce.errors import ToolError, first_line, first_problem
from abduce.programs import RunResult, default_sandbox

ENTRY_POINT_GROUP = "abduce.tools"
BUILTIN_MODULES = ("abduce.tools.builtins",)
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")


class Tool:
    """A typed function with a name, a description and a pydantic model of its arguments.

    Calling the tool calls the function directly, in this process (your own inputs).
    `invoke` validates model-supplied arguments and runs the function in the sandbox.
    `sandbox_import` names the module the sandbox imports the function from; without it the
    sandbox runs the source of the function's own module, or of the function alone when it
    was defined in a script (see `program`).

    >>> def gcd_many(values: list[int]) -> int:
    ...     '''Greatest common divisor of several integers.'''
    ...     import math
    ...     return math.gcd(*values)
    >>> gcd = Tool(gcd_many)
    >>> gcd([12, 18, 30]), gcd.description
    (6, 'Greatest common divisor of several integers.')
    >>> gcd.schema["properties"]["values"]
    {'items': {'type': 'integer'}, 'title': 'Values', 'type': 'array'}
    >>> gcd.validate({"values": [12, "18"]}), gcd.validate({"values": 3})
    Traceback (most recent call last):
    abduce.errors.ToolError: gcd_many: values: Input should be a valid list
    """

    def __init__(
        self,
        function: Callable[..., Any],
        *,
        name: str | None = None,
        description: str | None = None,
        sandbox_import: str | None = None,
    ) -> None:
        self.function = function
        self.name = name or function.__name__
        if not NAME.match(self.name):
            raise ValueError(f"invalid tool name {self.name!r}: use letters, digits, _ and dots")
        self.description = description or _first_paragraph(inspect.getdoc(function))
        if not self.description:
            raise ValueError(f"tool {self.name!r} needs a docstring or a description")
        self.arguments = _arguments_model(function, self.name)
        self.sandbox_import = sandbox_import
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Tool {self.name}{inspect.signature(self.function)}>"

    @property
    def schema(self) -> dict[str, Any]:
        """The JSON schema of the arguments object."""
        return self.arguments.model_json_schema()

    def validate(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """Arguments checked and converted by the input model; ToolError with pydantic's
        first complaint, as one line. A null for a parameter with a default means the default
        (strict OpenAI schemas send every optional parameter, as null when unused)."""
        if not isinstance(arguments, dict):
            raise ToolError(f"{self.name}: the arguments must be a JSON object")
        fields = self.arguments.model_fields
        given = {
            key: value
            for key, value in arguments.items()
            if value is not None or key not in fields or fields[key].is_required()
        }
        try:
            return self.arguments.model_validate(given).model_dump(exclude_unset=True)
        except ValidationError as error:
            raise ToolError(f"{self.name}: {first_problem(error)}") from None

    def definition(self) -> str:
        """Python source that defines the function in the sandbox, under its own name."""
        function = self.function.__name__
        module = inspect.getmodule(self.function)
        if self.sandbox_import:
            return f"from {self.sandbox_import} import {function}\n"
        if module is None or module.__name__ == "__main__":  # a script: the function alone
            definition = ast.parse(textwrap.dedent(inspect.getsource(self.function))).body[0]
            if isinstance(definition, ast.FunctionDef | ast.AsyncFunctionDef):
                definition.decorator_list = []
            return ast.unparse(definition)
        return inspect.getsource(module)

    def program(self) -> str:
        """Python source for the sandbox defining `call(arguments)`, which runs the tool."""
        call = f"def call(arguments):\n    return {self.function.__name__}(**arguments)\n"
        return f"{self.definition()}\n\n{call}"

    def invoke(self, arguments: dict[str, Any], *, timeout: float = 20.0) -> Any:
        """Validate `arguments`, run the tool in the sandbox and return its plain-data result."""
        return self.run_program(self.program(), self.validate(arguments), timeout).value

    def run_program(self, program: str, value: Any, timeout: float) -> RunResult:
        """`call(value)` of `program` in the sandbox; ToolError with the failure's last line."""
        [result] = default_sandbox().run(program, [value], entry="call", timeout=timeout)
        if not result.ok:
            raise ToolError(f"{self.name}: {(result.error or '').strip().splitlines()[-1]}")
        return result


class Registry:
    """Tools by name: the built-ins, then the `abduce.tools` entry points, loaded on first use."""

    def __init__(self) -> None:
        self._tools: dict[str, Tool] = {}
        self._lock = threading.RLock()
        self._loaded = False
        self.errors: dict[str, str] = {}  # entry point → why it failed to load

    def add(self, tool: Tool) -> Tool:
        """Register `tool`; a different function under a taken name is an error."""
        with self._lock:
            taken = self._tools.get(tool.name)
            if taken is not None and _origin(taken) != _origin(tool):
                raise ValueError(f"tool name {tool.name!r} is already taken by {_origin(taken)}")
            self._tools[tool.name] = tool
        return tool

    def load_plugins(self) -> None:
        """Import the built-in modules, then every `abduce.tools` entry point, once; a failing
        plugin is recorded in `errors`, and the others still load."""
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            for module in BUILTIN_MODULES:
                importlib.import_module(module)
            for point in entry_points(group=ENTRY_POINT_GROUP):
                try:
                    point.load()
                except Exception as error:
                    self.errors[point.name] = f"{point.value}: {first_line(error)}"

    def all(self) -> list[Tool]:
        """Every tool, sorted by name."""
        self.load_plugins()
        with self._lock:
            return sorted(self._tools.values(), key=lambda tool: tool.name)

    def get(self, name: str) -> Tool:
        """The tool called `name`; ToolError naming close matches if there is none."""
        tools = {tool.name: tool for tool in self.all()}
        if name in tools:
            return tools[name]
        near = [known for known in tools if name.split(".")[-1] in known]
        hint = f"; did you mean {', '.join(near[:3])}?" if near else "; see `abduce tools list`"
        raise ToolError(f"no tool named {name!r}{hint}")


registry = Registry()


@overload
def tool(function: Callable[..., Any]) -> Tool: ...
@overload
def tool(
    *, name: str | None = None, description: str | None = None
) -> Callable[[Callable[..., Any]], Tool]: ...
def tool(
    function: Callable[..., Any] | None = None,
    *,
    name: str | None = None,
    description: str | None = None,
) -> Tool | Callable[[Callable[..., Any]], Tool]:
    """Make a typed, documented function a tool and register it: `@tool` or
    `@tool(name="maths.gcd_many", description=...)`.

    The tool stays callable like the function. `invoke` runs it in the sandbox from its
    module's source (a script's function alone, so it imports what it needs itself), which
    may import only what the sandbox allows: the safe standard library, numpy, sympy,
    networkx, and `from abduce import tool`.
    """

    def make(function: Callable[..., Any]) -> Tool:
        return registry.add(Tool(function, name=name, description=description))

    return make(function) if function is not None else make


def _arguments_model(function: Callable[..., Any], name: str) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for parameter in inspect.signature(function, eval_str=True).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise ValueError(f"tool {name!r}: *args and **kwargs cannot be described to a model")
        if parameter.annotation is parameter.empty:
            raise ValueError(f"tool {name!r}: parameter {parameter.name!r} needs a type hint")
        default = ... if parameter.default is parameter.empty else parameter.default
        fields[parameter.name] = (parameter.annotation, default)
    title = "".join(part.title() for part in re.split(r"[._]", name)) + "Arguments"
    return create_model(title, __config__=ConfigDict(extra="forbid"), **fields)


def _first_paragraph(doc: str | None) -> str:
    return (doc or "").strip().split("\n\n")[0].replace("\n", " ")


def _origin(tool: Tool) -> str:
    return f"{tool.function.__module__}.{tool.function.__qualname__}"
