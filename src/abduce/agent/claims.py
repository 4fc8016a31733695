"""What a program's answer claims, read from the tool calls it made, and the independent check
of that claim: in a fresh sandboxed process, on the problem the question states.

A program that returns what `solve("x**2 - 4 = 0", "x")` gave it claims those are all the
roots of that equation; one that returns a shortest path's length claims there is no shorter
path; a bare number claims only itself (the agent then asks for a second program).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from abduce.agent.verifier import brief
from abduce.programs.symbolic.grounding import appears_in
from abduce.tasks import is_grid
from abduce.tools import Tool, ToolError, find_tool

Claim = dict[str, Any]  # {"claim": kind, **the check's arguments}


def _roots(arguments: dict, result: Any) -> Claim:
    return {"claim": "roots", "equation": arguments["equation"], "symbol": arguments["symbol"],
            "roots": result}  # fmt: skip


def _solution(arguments: dict, result: Any) -> Claim:
    solution = result[0] if isinstance(result, list) and len(result) == 1 else result
    return {"claim": "solution", "equations": arguments["equations"], "solution": solution}


def _derivative(arguments: dict, result: Any) -> Claim | None:
    if arguments.get("order", 1) != 1:
        return None
    return {"claim": "derivative", "expression": arguments["expression"],
            "variable": arguments["variable"], "derivative": result}  # fmt: skip


def _integral(arguments: dict, result: Any) -> Claim:
    if arguments.get("lower") is None:
        return {"claim": "antiderivative", "integrand": arguments["expression"],
                "variable": arguments["variable"], "antiderivative": result}  # fmt: skip
    return {"claim": "definite_integral", **_texts(arguments), "value": str(result)}


def _limit(arguments: dict, result: Any) -> Claim:
    return {"claim": "limit", **_texts(arguments), "value": str(result)}


def _texts(arguments: dict) -> dict[str, str]:
    """Arguments as the strings the checks take (a program may pass bounds as numbers)."""
    return {key: str(value) for key, value in arguments.items()}


def _equal(arguments: dict, result: Any) -> Claim:
    return {"claim": "equal", "first": arguments["expression"], "second": result}


def _path(arguments: dict, result: Any) -> Claim:
    return {"claim": "path", **arguments, "path": result["path"], "length": result["length"]}


# tool → its call's claim (None: nothing to check for these arguments)
CLAIMS: dict[str, Callable[[dict, Any], Claim | None]] = {
    "algebra.solve": _roots,
    "algebra.solve_system": _solution,
    "algebra.differentiate": _derivative,
    "algebra.integrate": _integral,
    "algebra.limit": _limit,
    "algebra.simplify": _equal,
    "algebra.factor": _equal,
    "algebra.expand": _equal,
    "graphs.shortest_path": _path,
}

# claim kind → (the registered check tool, whose parameters are the claim's fields; the field
# stating the problem)
CHECKS: dict[str, tuple[str | None, str | None]] = {
    "roots": ("sympy.check_roots", "equation"),
    "solution": ("sympy.check_system", "equations"),
    "derivative": ("sympy.check_derivative", "expression"),
    "antiderivative": ("sympy.check_antiderivative", "integrand"),
    "definite_integral": ("sympy.check_definite_integral", "expression"),
    "equal": ("sympy.check_equivalent", "first"),
    "limit": ("sympy.check_limit", "expression"),
    "path": ("networkx.check_path", None),
    "value": ("sympy.check_value", None),
    "grid": (None, None),  # an ARC grid: only a second program can confirm it
}

_GROUNDED = Tool(appears_in, sandbox_import="symbolic.grounding")


class Check(BaseModel):
    """The outcome of checking a claim: verified or not, and what was checked."""

    verified: bool
    description: str


def claim_of(value: Any, calls: list[dict]) -> Claim | None:
    """The claim a program's answer makes: from the last tool call whose result it returns
    (in part, for a path's length), else as the answer to the last such call whose result
    has its type (a list of roots the program changed), else a bare number's; None if it
    makes none."""
    made = [call for call in reversed(calls) if call["tool"] in CLAIMS]
    for call in made:
        if _answers(value, call["result"]):
            return CLAIMS[call["tool"]](call["arguments"], call["result"])
    for call in made:
        if type(value) is type(call["result"]) and not isinstance(value, dict):
            return CLAIMS[call["tool"]](call["arguments"], value)
    if number(value) is not None:
        return {"claim": "value", "value": value}
    if is_grid(value):
        return {"claim": "grid", "grid": value}
    return None


def check_claim(claim: Claim | None, value: Any, question: str) -> Check:
    """Check `claim` independently, after making sure its problem is the question's."""
    if claim is None:
        return Check(
            verified=False,
            description=f"answer() returned {brief(value)}, which no check applies to: return "
            "the result of a tool (solve, integrate, shortest_path...) as it is, or a number",
        )
    name, problem = CHECKS[claim["claim"]]
    if name is None:
        rows = claim["grid"]
        return Check(verified=True, description=f"a {len(rows)}×{len(rows[0])} grid")
    arguments = {key: item for key, item in claim.items() if key != "claim"}
    try:
        if problem is not None:
            for statement in _listed(claim[problem]):
                if not _GROUNDED.invoke({"expression": str(statement), "question": question}):
                    return Check(
                        verified=False,
                        description=f"the program solved {statement!r}, which the question "
                        "does not state",
                    )
        result = find_tool(name).invoke(arguments)
    except ToolError as error:
        return Check(verified=False, description=f"the check could not run: {error}")
    return Check(verified=bool(result["verified"]), description=str(result["check"]))


def describe_claim(claim: Claim | None, value: Any) -> str:
    """The answer, as a person would write it."""
    kind = claim["claim"] if claim else None
    if kind == "roots":
        return f"{claim['symbol']} ∈ {{{', '.join(map(str, claim['roots']))}}}"
    if kind == "solution" and isinstance(claim["solution"], dict):
        return ", ".join(f"{name} = {item}" for name, item in claim["solution"].items())
    if kind == "antiderivative":
        return f"{claim['antiderivative']} + C"
    if kind == "path" and value == {"path": claim["path"], "length": claim["length"]}:
        return f"{' → '.join(map(str, claim['path']))} (length {_plain(claim['length'])})"
    return _plain(value)


def _answers(value: Any, result: Any) -> bool:
    """Whether `value` is `result`, or a path result's length or nodes."""
    if isinstance(result, dict) and value in (result.get("length"), result.get("path")):
        return True
    if isinstance(value, list) and isinstance(result, list):
        return sorted(map(str, value)) == sorted(map(str, result))
    return value == result or str(value) == str(result)


def number(value: Any) -> float | None:
    """`value` as a float, if it is a number (or a numeric string); None otherwise."""
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
