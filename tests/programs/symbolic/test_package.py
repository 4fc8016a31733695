"""The package's contract with the sandbox and the tool registry: documented, typed tools that
return plain JSON data, in modules that import only what the sandbox allows."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import sys
from pathlib import Path

import pytest
from pydantic import create_model

import abduce.programs.symbolic as package
from abduce.programs.symbolic import algebra, checks, graphs, matrices, number_theory

MODULES = (algebra, matrices, number_theory, graphs, checks)
TOOLS = [(module, name) for module in MODULES for name in module.__all__]
DIRECTORY = Path(package.__file__).parent
LIBRARIES = {"sympy", "networkx", "numpy", "mpmath"}
EDGES = [{"source": "a", "target": "b", "weight": 2}, {"source": "b", "target": "c"}]

# One call of every tool: its result must survive json.dumps.
CALLS = {
    "solve": {"equation": "x^2 = 4"},
    "solve_system": {"equations": ["x + y = 3", "x - y = 1"], "symbols": ["x", "y"]},
    "solve_inequality": {"inequality": "x^2 > 4"},
    "simplify": {"expression": "2x/x"},
    "factor": {"expression": "x^2 - 1"},
    "expand": {"expression": "(x + 1)^2"},
    "differentiate": {"expression": "x^2"},
    "integrate": {"expression": "x", "lower": "0", "upper": "2"},
    "limit": {"expression": "sin(x)/x"},
    "series": {"expression": "exp(x)", "order": 3},
    "equivalent": {"first": "2x", "second": "x + x"},
    "evaluate": {"expression": "pi"},
    "determinant": {"matrix": [["1", "2"], ["3", "4"]]},
    "inverse": {"matrix": [["1", "2"], ["3", "4"]]},
    "eigenvalues": {"matrix": [["1", "2"], ["2", "1"]]},
    "solve_linear": {"matrix": [["1", "1"], ["1", "-1"]], "vector": ["3", "1"]},
    "factorint": {"n": 360},
    "isprime": {"n": 97},
    "gcd": {"values": [12, 18]},
    "lcm": {"values": [4, 6]},
    "mod_inverse": {"value": 3, "modulus": 7},
    "mod_power": {"base": 2, "exponent": 10, "modulus": 1000},
    "shortest_path": {"edges": EDGES, "source": "a", "target": "c"},
    "connected_components": {"edges": EDGES},
    "topological_sort": {"edges": EDGES},
    "find_cycle": {"edges": EDGES, "directed": False},
    "max_flow": {"edges": EDGES, "source": "a", "sink": "c"},
    "is_isomorphic": {"first": EDGES, "second": EDGES},
    "minimum_spanning_tree": {"edges": EDGES},
    "check_roots": {"equation": "x^2 = 4", "symbol": "x", "roots": ["2", "-2"]},
    "check_system": {"equations": ["x + y = 3"], "solution": {"x": "1", "y": "2"}},
    "check_antiderivative": {"integrand": "x", "variable": "x", "antiderivative": "x^2/2"},
    "check_derivative": {"expression": "x^2", "variable": "x", "derivative": "2x"},
    "check_definite_integral": {
        "expression": "x",
        "variable": "x",
        "lower": "0",
        "upper": "2",
        "value": "2",
    },
    "check_equivalent": {"first": "2x", "second": "x + x"},
    "check_limit": {"expression": "sin(x)/x", "variable": "x", "point": "0", "value": "1"},
    "check_factorization": {"expression": "x^2 - 1", "factored": "(x - 1)(x + 1)"},
    "check_path": {
        "edges": EDGES,
        "source": "a",
        "target": "c",
        "path": ["a", "b", "c"],
        "length": 3,
    },
    "check_value": {"value": "12/4", "integer": True, "positive": True},
}


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_all_lists_the_public_functions(module) -> None:
    public = {
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and not name.startswith("_")
    }
    assert set(module.__all__) == public


@pytest.mark.parametrize(("module", "name"), TOOLS, ids=[name for _, name in TOOLS])
def test_tool_is_documented_typed_and_returns_json(module, name: str) -> None:
    function = getattr(module, name)
    assert function.__doc__ and "\n" not in function.__doc__ and function.__doc__.endswith(".")
    parameters = inspect.signature(function, eval_str=True).parameters.values()
    fields = {
        p.name: (p.annotation, ... if p.default is p.empty else p.default) for p in parameters
    }
    arguments = (
        create_model(name, **fields).model_validate(CALLS[name]).model_dump(exclude_unset=True)
    )
    result = function(**arguments)
    assert json.loads(json.dumps(result)) == result


def test_the_calls_cover_every_tool() -> None:
    assert set(CALLS) == {name for _, name in TOOLS}


@pytest.mark.parametrize("path", sorted(DIRECTORY.glob("*.py")), ids=lambda path: path.name)
def test_imports_are_relative_or_allowed_libraries(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0):
            names = (
                [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            )
            for name in names:
                top = name.partition(".")[0]
                # typing_extensions is tried for pydantic, outside the sandbox, with a fallback
                assert top in sys.stdlib_module_names | LIBRARIES | {"typing_extensions"}, name


def test_the_directory_loads_as_the_top_level_package_symbolic() -> None:
    spec = importlib.util.spec_from_file_location(
        "symbolic", DIRECTORY / "__init__.py", submodule_search_locations=[str(DIRECTORY)]
    )
    module, before = importlib.util.module_from_spec(spec), set(sys.modules)
    sys.modules["symbolic"] = module
    try:
        spec.loader.exec_module(module)
        assert module.algebra.solve("x^2 = 9") == ["-3", "3"]
        assert sys.modules["symbolic.checks"].check_value(4, integer=True)["verified"]
    finally:
        for name in set(sys.modules) - before:
            del sys.modules[name]
