"""What a program's answer claims, read from its recorded tool calls."""

import inspect

import pytest
from pydantic import TypeAdapter

from abduce.agent.claims import (
    CLAIMS,
    AntiderivativeClaim,
    Claim,
    DefiniteIntegralClaim,
    DerivativeClaim,
    EqualClaim,
    LimitClaim,
    PathClaim,
    RootsClaim,
    SolutionClaim,
    ValueClaim,
    claim_of,
    describe_claim,
)
from abduce.programs.symbolic import algebra, graphs, record
from abduce.tools import find_tool

SOLVE = {"tool": "sympy.solve", "arguments": {"equation": "x**2 - 4", "symbol": "x"},
         "result": ["-2", "2"]}  # fmt: skip
EDGES = [{"source": "A", "target": "B", "weight": 2}]
PATH = {"tool": "networkx.shortest_path",
        "arguments": {"edges": EDGES, "source": "A", "target": "B", "directed": False},
        "result": {"path": ["A", "B"], "length": 2}}  # fmt: skip
INTEGRAL = {"tool": "sympy.integrate",
            "arguments": {"expression": "x**2", "variable": "x", "lower": 0, "upper": 3},
            "result": "9"}  # fmt: skip
GCD = {"tool": "sympy.gcd", "arguments": {"values": [4, 6]}, "result": 2}


@pytest.mark.parametrize(
    ("value", "calls", "claim"),
    [
        (["2", "-2"], [SOLVE], RootsClaim(equation="x**2 - 4", symbol="x", roots=["-2", "2"])),
        (["2"], [SOLVE], RootsClaim(equation="x**2 - 4", symbol="x",
                                    roots=["2"])),  # a changed result is still claimed as the roots
        (2, [PATH], PathClaim(edges=EDGES, source="A", target="B", directed=False,
                              path=["A", "B"], length=2)),
        ("9", [INTEGRAL], DefiniteIntegralClaim(expression="x**2", variable="x", lower="0",
                                                upper="3", value="9")),  # bounds as the check's text
        (2, [GCD], ValueClaim(value=2)),  # no check for gcd: a bare number
        ("two", [SOLVE], None),
        ({"answer": 1}, [], None),
    ],
)  # fmt: skip
def test_the_claim_comes_from_the_call_whose_result_is_returned(value, calls, claim):
    assert claim_of(value, calls) == claim


def test_a_claim_is_read_by_its_kind_and_checked_with_its_fields_only():
    claim = TypeAdapter(Claim).validate_python({"claim": "value", "value": "2.5"})
    assert claim == ValueClaim(value="2.5")
    assert claim.arguments() == {"value": "2.5"}


@pytest.mark.parametrize(
    "kind",
    [RootsClaim, SolutionClaim, DerivativeClaim, AntiderivativeClaim, DefiniteIntegralClaim,
     LimitClaim, EqualClaim, PathClaim, ValueClaim],
)  # fmt: skip
def test_a_claims_fields_are_its_check_tools_arguments(kind):
    parameters = inspect.signature(find_tool(kind.tool).function).parameters
    fields = set(kind.model_fields) - {"claim"}
    required = {name for name, p in parameters.items() if p.default is p.empty}
    assert required <= fields <= set(parameters)
    assert kind.problem is None or kind.problem in fields


def test_answers_read_as_a_person_writes_them():
    assert describe_claim(claim_of(["-2", "2"], [SOLVE]), ["-2", "2"]) == "x ∈ {-2, 2}"
    assert describe_claim(claim_of(PATH["result"], [PATH]), PATH["result"]) == "A → B (length 2)"
    assert describe_claim(ValueClaim(value=150.0), 150.0) == "150"


def test_recorded_calls_are_named_as_the_registry_names_the_tools(monkeypatch):
    monkeypatch.setattr(record, "_calls", None)  # restored after the test
    record.start()
    algebra.solve("x**2 - 4", "x")
    graphs.shortest_path(EDGES, "A", "B")
    names = [call["tool"] for call in record.calls()]
    assert names == ["sympy.solve", "networkx.shortest_path"]
    for name in [*names, *CLAIMS]:
        assert find_tool(name).name == name
