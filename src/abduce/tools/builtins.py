"""The built-in tools, registered through the `abduce.tools` entry point like any plugin's.

Each is a function of `abduce/programs/symbolic` or the grid DSL, which the sandbox loads as
the packages `symbolic` and `dsl`: a tool's arguments are validated here and the function
runs there, so model-supplied expressions are only ever parsed inside the sandbox.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from abduce.programs.dsl import calls
from abduce.programs.symbolic import algebra, checks, graphs, matrices, number_theory
from abduce.tools.registry import Tool, ToolError, registry

# (name prefix, module here, the same module in the sandbox, its tool functions)
FAMILIES: list[tuple[str, ModuleType, str, tuple[str, ...]]] = [
    (
        "sympy",
        algebra,
        "symbolic.algebra",
        (
            "solve",
            "solve_system",
            "solve_inequality",
            "simplify",
            "factor",
            "expand",
            "differentiate",
            "integrate",
            "limit",
            "series",
            "equivalent",
            "evaluate",
        ),
    ),
    (
        "sympy",
        matrices,
        "symbolic.matrices",
        ("determinant", "inverse", "eigenvalues", "solve_linear"),
    ),
    (
        "sympy",
        number_theory,
        "symbolic.number_theory",
        ("factorint", "isprime", "gcd", "lcm", "mod_inverse", "mod_power"),
    ),
    (
        "sympy",
        checks,
        "symbolic.checks",
        (
            "check_roots",
            "check_system",
            "check_antiderivative",
            "check_derivative",
            "check_definite_integral",
            "check_equivalent",
            "check_limit",
            "check_factorization",
            "check_value",
        ),
    ),
    (
        "networkx",
        graphs,
        "symbolic.graphs",
        (
            "shortest_path",
            "connected_components",
            "topological_sort",
            "find_cycle",
            "max_flow",
            "is_isomorphic",
            "minimum_spanning_tree",
        ),
    ),
    ("networkx", checks, "symbolic.checks", ("check_path",)),
    ("grid", calls, "dsl.calls", ("apply", "primitives")),
]

for prefix, module, sandbox_import, names in FAMILIES:
    for function in names:
        tool = Tool(
            getattr(module, function), name=f"{prefix}.{function}", sandbox_import=sandbox_import
        )
        registry.add(tool)


class PythonTool(Tool):
    """`python.run`: a snippet of Python, run as a sandboxed program."""

    def __init__(self) -> None:
        super().__init__(run, name="python.run")

    def invoke(self, arguments: dict[str, Any], *, timeout: float = 20.0) -> Any:
        from abduce.programs import default_sandbox

        code = self.validate(arguments)["code"]
        program = f"{code}\n\ndef call(_):\n    return globals().get('result')\n"
        [result] = default_sandbox().run(program, [None], entry="call", timeout=timeout)
        if not result.ok:
            raise ToolError(f"{self.name}: {result.error.strip().splitlines()[-1]}")
        return {"stdout": result.stdout, "result": result.value}


def run(code: str) -> dict[str, Any]:
    """Run a Python snippet in the sandbox (numpy, sympy, networkx and the grid DSL `dsl`
    importable); returns what it printed and the value it assigned to `result`."""
    raise ToolError("python.run only runs in the sandbox: use invoke")


registry.add(PythonTool())
