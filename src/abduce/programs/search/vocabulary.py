"""The primitives the search composes, read from the DSL's own signatures and docstrings."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from types import ModuleType

from abduce.programs import dsl
from abduce.programs.dsl import Color, Grid, Grids, Integer, Object, Objects
from abduce.programs.search.prior import Prior

# The value types the search builds; each primitive's parameters must all be among them.
SEARCHED = (Grid, Objects, Object, Grids, Color, Integer, bool)
MAX_NUMBERS = 2  # primitives with more Integer parameters would multiply the search
# Pure colour substitutions: the learned colour table at the end of a program covers them.
SUBSUMED = frozenset({"recolor", "swap_colors", "invert_colors", "rank_colors"})


@dataclass(frozen=True)
class Primitive:
    """A DSL function with its parameter and return types and its one-line description."""

    name: str
    function: Callable[..., object]
    params: tuple[object, ...]
    returns: object
    phrase: str


def primitives(module: ModuleType = dsl) -> dict[str, Primitive]:
    """Every function the module exports, described by its type hints and docstring."""
    found = {}
    for name in module.__all__:
        function = getattr(module, name)
        if not inspect.isfunction(function):
            continue
        hints = typing.get_type_hints(function)
        returns = hints.pop("return", None)
        params = tuple(hints[p] for p in inspect.signature(function).parameters)
        phrase = (inspect.getdoc(function) or name).splitlines()[0]
        found[name] = Primitive(name, function, params, returns, phrase)
    return found


def searchable(found: dict[str, Primitive]) -> list[Primitive]:
    """The primitives the enumeration may apply: searched types in and out, few numbers,
    a structured first argument (a grid, objects, ...), no truth values out, and none that
    a learned final step already covers."""
    chosen = []
    for primitive in found.values():
        params = primitive.params
        if not params or params[0] not in (Grid, Objects, Object, Grids):
            continue
        if primitive.returns not in SEARCHED or primitive.returns is bool:
            continue
        if not all(p in SEARCHED for p in params):
            continue
        if sum(p is Integer for p in params) > MAX_NUMBERS:
            continue
        if primitive.name in SUBSUMED:
            continue
        chosen.append(primitive)
    return chosen


@dataclass(frozen=True)
class Vocabulary:
    """Every function a found program may call, by name; those the enumeration applies; and
    the Python a program carries for the learned ones (the DSL's own need none)."""

    found: dict[str, Primitive]
    applied: list[Primitive]
    definitions: dict[str, str] = field(default_factory=dict)
    chances: dict[str, float] = field(default_factory=dict)  # a learned function's, from its uses

    @cached_property
    def functions(self) -> dict[str, Callable[..., object]]:
        return {name: primitive.function for name, primitive in self.found.items()}

    @cached_property
    def phrases(self) -> dict[str, str]:
        return {name: primitive.phrase for name, primitive in self.found.items()}

    def extended(
        self, module: ModuleType, definitions: dict[str, str], chances: dict[str, float]
    ) -> Vocabulary:
        """This vocabulary and the functions of `module`, whose Python `definitions` gives,
        each applied with its chance in `chances`."""
        added = primitives(module)
        return Vocabulary(
            self.found | added,
            self.applied + searchable(added),
            self.definitions | definitions,
            self.chances | chances,
        )

    def weighted(self, prior: Prior | None) -> Prior | None:
        """`prior` (None: uniform) with the chances of the learned functions in it, the
        primitives' own scaled down to make room for them."""
        if not self.chances:
            return prior
        room = 1.0 - sum(self.chances.values())
        primitives = {name: p * room for name, p in (prior.primitives if prior else {}).items()}
        return Prior(primitives | self.chances, prior.literals if prior else {})


@cache
def dsl_vocabulary() -> Vocabulary:
    """The DSL's own primitives."""
    found = primitives(dsl)
    return Vocabulary(found, searchable(found))
