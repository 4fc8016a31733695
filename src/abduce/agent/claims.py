"""Check a program's claim independently: the matching check runs in a fresh sandboxed process,
and the claimed problem must be the one the question states.

A claim is what a question-answering program returns (see `abduce/programs/symbolic/claims`):
plain data naming its kind, the problem (equation, expression, graph) and the answer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from abduce.agent.verifier import brief
from abduce.programs.symbolic import checks
from abduce.programs.symbolic.claims import appears_in
from abduce.tools import Tool, ToolError

# claim kind → (the check, whose parameters are the claim's fields; the field stating the problem)
CHECKS: dict[str, tuple[str, str | None]] = {
    "roots": ("check_roots", "equation"),
    "solution": ("check_system", "equations"),
    "derivative": ("check_derivative", "expression"),
    "antiderivative": ("check_antiderivative", "integrand"),
    "definite_integral": ("check_definite_integral", "expression"),
    "equal": ("check_equivalent", "first"),
    "limit": ("check_limit", "expression"),
    "path": ("check_path", None),
    "value": ("check_value", None),
}

_GROUNDED = Tool(appears_in, sandbox_import="symbolic.claims")


class Check(BaseModel):
    """The outcome of checking a claim: verified or not, and what was checked."""

    verified: bool
    description: str


def check_claim(claim: Any, question: str) -> Check:
    """Check `claim` (a program's result) against `question`; a bare number is checked as a
    value claim, anything else that is not a claim fails."""
    if isinstance(claim, int | float) and not isinstance(claim, bool):
        claim = {"claim": "value", "value": claim}
    if not (isinstance(claim, dict) and claim.get("claim") in CHECKS):
        return Check(
            verified=False,
            description=f"answer() returned {brief(claim)}, not a claim: return the result "
            "through one of the claim functions of symbolic.claims",
        )
    name, problem = CHECKS[claim["claim"]]
    arguments = {key: value for key, value in claim.items() if key != "claim"}
    try:
        if problem is not None:
            for statement in _listed(claim[problem]):
                if not _GROUNDED.invoke({"expression": str(statement), "question": question}):
                    return Check(
                        verified=False,
                        description=f"the checked problem {statement!r} is not the question's",
                    )
        result = Tool(getattr(checks, name), sandbox_import="symbolic.checks").invoke(arguments)
    except KeyError as missing:
        return Check(verified=False, description=f"the claim lacks {missing}")
    except ToolError as error:
        return Check(verified=False, description=f"the check could not run: {error}")
    return Check(verified=bool(result["verified"]), description=str(result["check"]))


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def describe_claim(claim: Any) -> str:
    """The answer a claim states, as a person would write it."""
    if not isinstance(claim, dict) or claim.get("claim") not in CHECKS:
        return _plain(claim)
    kind = claim["claim"]
    if kind == "roots":
        return f"{claim.get('symbol', 'x')} ∈ {{{', '.join(map(str, claim.get('roots', [])))}}}"
    if kind == "solution":
        return ", ".join(f"{name} = {value}" for name, value in claim.get("solution", {}).items())
    if kind == "derivative":
        return str(claim.get("derivative"))
    if kind == "antiderivative":
        return f"{claim.get('antiderivative')} + C"
    if kind == "equal":
        return str(claim.get("second"))
    if kind == "path":
        nodes = " → ".join(map(str, claim.get("path", [])))
        return f"{nodes} (length {_plain(claim.get('length'))})"
    return _plain(claim.get("value"))


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
