"""Which tools a program called, with which arguments, and what they returned.

The agent reads what to check from these calls: a program that returns what `solve` gave it
claims those are the equation's roots. Recording is off until `start()` (the sandbox turns
it on in the process that runs the program).
"""

from __future__ import annotations

import functools
import inspect
import json
import math
from collections.abc import Callable
from types import ModuleType

_calls: list[dict[str, object]] | None = None


def start() -> None:
    """Record every call from now on."""
    global _calls
    _calls = []


def calls() -> list[dict[str, object]]:
    """The calls recorded since `start()`: {"tool", "arguments", "result"} each."""
    return list(_calls or [])


def record(module: ModuleType, family: str) -> None:
    """Make every public function of `module` record its calls (once started), as the tool
    `family.name`."""
    for name in module.__all__:
        setattr(module, name, _recording(getattr(module, name), f"{family}.{name}"))


def _recording(function: Callable[..., object], name: str) -> Callable[..., object]:
    @functools.wraps(function)
    def call(*args: object, **kwargs: object) -> object:
        result = function(*args, **kwargs)
        if _calls is not None:
            bound = inspect.signature(function).bind(*args, **kwargs)
            bound.apply_defaults()
            entry = {"tool": name, "arguments": _plain(bound.arguments), "result": result}
            _calls.append(json.loads(json.dumps(entry, default=str)))
        return result

    return call


def _plain(arguments: dict[str, object]) -> dict[str, object]:
    """Arguments as JSON keeps them: an infinite float as SymPy writes it."""
    return {
        key: ("oo" if value > 0 else "-oo") if isinstance(value, float) and math.isinf(value)
        else value
        for key, value in arguments.items()
    }  # fmt: skip
