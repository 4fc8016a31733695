"""What a program's answer claims, read from the tool calls it made, and the independent check
of that claim: in a fresh sandboxed process, on the problem the question states.

A program that returns what `solve("x**2 - 4 = 0", "x")` gave it claims those are all the
roots of that equation; one that returns a shortest path's length claims there is no shorter
path; a bare number claims only itself (the agent then asks for a second program).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, Field, JsonValue

from abduce.agent.verifier import brief
from abduce.programs.symbolic.grounding import appears_in
from abduce.tasks import Rows, is_grid
from abduce.tools import Tool, ToolError, find_tool

Call = dict[str, Any]  # a recorded tool call: {"tool", "arguments", "result"}
Recorded = JsonValue  # as the program passed it to a tool; the check validates it


class _Claim(BaseModel):
    """A claim's fields are the arguments of its check tool."""

    tool: ClassVar[str]  # the registered check tool
    problem: ClassVar[str | None] = None  # the field stating the problem the question must state

    def arguments(self) -> dict[str, Any]:
        """The check tool's arguments."""
        return self.model_dump(exclude={"claim"})

    def statements(self) -> list[Any]:
        """What the claim says the question states: its equations or expression."""
        if self.problem is None:
            return []
        stated = getattr(self, self.problem)
        return stated if isinstance(stated, list) else [stated]


class RootsClaim(_Claim):
    """These are all the roots of the equation."""

    tool = "sympy.check_roots"
    problem = "equation"
    claim: Literal["roots"] = "roots"
    equation: Recorded
    symbol: Recorded
    roots: list[Any]


class SolutionClaim(_Claim):
    """This solves the system of equations."""

    tool = "sympy.check_system"
    problem = "equations"
    claim: Literal["solution"] = "solution"
    equations: Recorded
    solution: Any


class DerivativeClaim(_Claim):
    """This is the expression's first derivative."""

    tool = "sympy.check_derivative"
    problem = "expression"
    claim: Literal["derivative"] = "derivative"
    expression: Recorded
    variable: Recorded
    derivative: str


class AntiderivativeClaim(_Claim):
    """This is an antiderivative of the integrand."""

    tool = "sympy.check_antiderivative"
    problem = "integrand"
    claim: Literal["antiderivative"] = "antiderivative"
    integrand: Recorded
    variable: Recorded
    antiderivative: str


class DefiniteIntegralClaim(_Claim):
    """This is the integral between the bounds."""

    tool = "sympy.check_definite_integral"
    problem = "expression"
    claim: Literal["definite_integral"] = "definite_integral"
    expression: str
    variable: str
    lower: str
    upper: str
    value: str


class LimitClaim(_Claim):
    """This is the limit at the point."""

    tool = "sympy.check_limit"
    problem = "expression"
    claim: Literal["limit"] = "limit"
    expression: str
    variable: str
    point: str
    direction: str
    value: str


class EqualClaim(_Claim):
    """The two expressions are equal (a simplification, factorisation or expansion)."""

    tool = "sympy.check_equivalent"
    problem = "first"
    claim: Literal["equal"] = "equal"
    first: Recorded
    second: str


class PathClaim(_Claim):
    """This is a shortest path in the graph, of this length."""

    tool = "networkx.check_path"
    claim: Literal["path"] = "path"
    edges: Recorded
    source: Recorded
    target: Recorded
    directed: Recorded
    path: list[JsonValue]
    length: float | int


class ValueClaim(_Claim):
    """A bare number: it claims only itself."""

    tool = "sympy.check_value"
    claim: Literal["value"] = "value"
    value: float | int | str


class GridClaim(BaseModel):
    """An ARC grid: no tool checks it; only a second program can confirm it."""

    claim: Literal["grid"] = "grid"
    grid: Rows


Claim = Annotated[
    RootsClaim
    | SolutionClaim
    | DerivativeClaim
    | AntiderivativeClaim
    | DefiniteIntegralClaim
    | LimitClaim
    | EqualClaim
    | PathClaim
    | ValueClaim
    | GridClaim,
    Field(discriminator="claim"),
]


def _roots(arguments: dict[str, Any], result: Any) -> Claim:
    return RootsClaim(equation=arguments["equation"], symbol=arguments["symbol"], roots=result)


def _solution(arguments: dict[str, Any], result: Any) -> Claim:
    solution = result[0] if isinstance(result, list) and len(result) == 1 else result
    return SolutionClaim(equations=arguments["equations"], solution=solution)


def _derivative(arguments: dict[str, Any], result: Any) -> Claim | None:
    if arguments.get("order", 1) != 1:
        return None
    return DerivativeClaim(
        expression=arguments["expression"], variable=arguments["variable"], derivative=result
    )


def _integral(arguments: dict[str, Any], result: Any) -> Claim:
    if arguments.get("lower") is None:
        return AntiderivativeClaim(
            integrand=arguments["expression"], variable=arguments["variable"], antiderivative=result
        )
    return DefiniteIntegralClaim.model_validate({**_texts(arguments), "value": str(result)})


def _limit(arguments: dict[str, Any], result: Any) -> Claim:
    return LimitClaim.model_validate({**_texts(arguments), "value": str(result)})


def _texts(arguments: dict[str, Any]) -> dict[str, str]:
    """Arguments as the strings the checks take (a program may pass bounds as numbers)."""
    return {key: str(value) for key, value in arguments.items()}


def _equal(arguments: dict[str, Any], result: Any) -> Claim:
    return EqualClaim(first=arguments["expression"], second=result)


def _path(arguments: dict[str, Any], result: Any) -> Claim:
    return PathClaim(**arguments, path=result["path"], length=result["length"])


# tool → its call's claim (None: nothing to check for these arguments)
CLAIMS: dict[str, Callable[[dict[str, Any], Any], Claim | None]] = {
    "sympy.solve": _roots,
    "sympy.solve_system": _solution,
    "sympy.differentiate": _derivative,
    "sympy.integrate": _integral,
    "sympy.limit": _limit,
    "sympy.simplify": _equal,
    "sympy.factor": _equal,
    "sympy.expand": _equal,
    "networkx.shortest_path": _path,
}

_GROUNDED = Tool(appears_in, sandbox_import="symbolic.grounding")


class Check(BaseModel):
    """The outcome of checking a claim: verified or not, and what was checked."""

    verified: bool
    description: str


def claim_of(value: Any, calls: list[Call]) -> Claim | None:
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
        return ValueClaim(value=value)
    if is_grid(value):
        return GridClaim(grid=value)
    return None


def check_claim(claim: Claim | None, value: Any, question: str) -> Check:
    """Check `claim` independently, after making sure its problem is the question's."""
    if claim is None:
        return Check(
            verified=False,
            description=f"answer() returned {brief(value)}, which no check applies to: return "
            "the result of a tool (solve, integrate, shortest_path...) as it is, or a number",
        )
    if isinstance(claim, GridClaim):
        rows = claim.grid
        return Check(verified=True, description=f"a {len(rows)}×{len(rows[0])} grid")
    try:
        for statement in claim.statements():
            if not _GROUNDED.invoke({"expression": str(statement), "question": question}):
                return Check(
                    verified=False,
                    description=f"the program solved {statement!r}, which the question "
                    "does not state",
                )
        result = find_tool(claim.tool).invoke(claim.arguments())
    except ToolError as error:
        return Check(verified=False, description=f"the check could not run: {error}")
    return Check(verified=bool(result["verified"]), description=str(result["check"]))


def describe_claim(claim: Claim | None, value: Any) -> str:
    """The answer, as a person would write it."""
    if isinstance(claim, RootsClaim):
        return f"{claim.symbol} ∈ {{{', '.join(map(str, claim.roots))}}}"
    if isinstance(claim, SolutionClaim) and isinstance(claim.solution, dict):
        return ", ".join(f"{name} = {item}" for name, item in claim.solution.items())
    if isinstance(claim, AntiderivativeClaim):
        return f"{claim.antiderivative} + C"
    if isinstance(claim, PathClaim) and value == {"path": claim.path, "length": claim.length}:
        return f"{' → '.join(map(str, claim.path))} (length {_plain(claim.length)})"
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


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
