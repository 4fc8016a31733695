"""The built-in tools, registered like any plugin's, by importing this module (the registry
imports it itself: see registry.BUILTIN_MODULES).

Each is a function of `abduce/programs/symbolic` or the grid DSL, which the sandbox loads as
the packages `symbolic` and `dsl`: a tool's arguments are validated here and the function
runs there, so model-supplied expressions are only ever parsed inside the sandbox.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from abduce.errors import ToolError
from abduce.programs.dsl import calls
from abduce.programs.symbolic import algebra, checks, graphs, matrices, number_theory
from abduce.tools.registry import Tool, registry

# name prefix → the modules whose public functions are tools with that prefix
FAMILIES: dict[str, tuple[ModuleType, ...]] = {
    "sympy": (algebra, matrices, number_theory, checks),
    "networkx": (graphs,),
    "grid": (calls,),
}
GRAPH_CHECKS = ("check_path",)  # in `checks`, but networkx tools


def sandbox_name(module: ModuleType) -> str:
    """The module's name in the sandbox, which loads abduce/programs' packages top-level."""
    return module.__name__.removeprefix("abduce.programs.")


for prefix, modules in FAMILIES.items():
    for module in modules:
        for function in module.__all__:
            family = "networkx" if function in GRAPH_CHECKS else prefix
            tool = Tool(
                getattr(module, function),
                name=f"{family}.{function}",
                sandbox_import=sandbox_name(module),
            )
            registry.add(tool)


class PythonTool(Tool):
    """`python.run`: a snippet of Python, run as a sandboxed program."""

    def __init__(self) -> None:
        super().__init__(run, name="python.run")

    def invoke(self, arguments: dict[str, Any], *, timeout: float = 20.0) -> Any:
        code = self.validate(arguments)["code"]
        program = f"{code}\n\ndef call(_):\n    return globals().get('result')\n"
        result = self.run_program(program, None, timeout)
        return {"stdout": result.stdout, "result": result.value}


def run(code: str) -> dict[str, Any]:
    """Run a Python snippet in the sandbox (numpy, sympy, networkx and the grid DSL `dsl`
    importable); returns what it printed and the value it assigned to `result`."""
    raise ToolError("python.run only runs in the sandbox: use invoke")


registry.add(PythonTool())
