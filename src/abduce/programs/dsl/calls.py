"""The DSL's primitives called by name on plain ARC grids (lists of rows): the grid tools.

Not a primitive module: the search never sees these two functions.
"""

from __future__ import annotations

import inspect
import typing

from . import MODULES
from .grid import Color, Grid, Integer, Object

__all__ = ["apply", "primitives"]

_PLAIN = (Color, Integer, int, bool)


def primitives() -> dict[str, str]:
    """The DSL primitives that take a grid, then only integers or colours; what each does."""
    return {name: _summary(function) for name, function in _callable().items()}


def apply(grid: list[list[int]], primitive: str, arguments: list[int] | None = None) -> object:
    """Apply one DSL primitive (see grid.primitives) to an ARC grid, with integer or colour
    arguments after the grid; grids come back as lists of rows.

    >>> apply([[1, 2], [3, 4]], "rotate_90")
    [[3, 1], [4, 2]]
    >>> apply([[0, 5], [5, 0]], "recolor", [5, 2])
    [[0, 2], [2, 0]]
    """
    function = _callable().get(primitive)
    if function is None:
        raise ValueError(f"unknown grid primitive {primitive!r}; see grid.primitives")
    wanted = len(inspect.signature(function).parameters) - 1
    values = list(arguments or [])
    if len(values) != wanted:
        raise ValueError(
            f"{primitive} takes {wanted} argument(s) after the grid, not {len(values)}"
        )
    return plain(function(Grid(grid), *values))


def _callable() -> dict[str, typing.Callable[..., object]]:
    found: dict[str, typing.Callable[..., object]] = {}
    for module in MODULES:
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function):
                continue
            hints = list(typing.get_type_hints(function).items())
            parameters = [hint for key, hint in hints if key != "return"]
            if parameters and parameters[0] is Grid and all(p in _PLAIN for p in parameters[1:]):
                found[name] = function
    return found


def _summary(function: typing.Callable[..., object]) -> str:
    return (inspect.getdoc(function) or "").split("\n")[0]


def plain(value: object) -> object:
    """A DSL value as plain data: grids as nested lists, an object as its row, column and
    patch; tuples and frozensets as lists."""
    if isinstance(value, Grid):
        return value.to_list()
    if isinstance(value, Object):
        return {"row": value.row, "col": value.col, "patch": value.patch.to_list()}
    if isinstance(value, tuple | list | frozenset | set):
        return [plain(item) for item in value]
    return value
