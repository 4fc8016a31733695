"""The compiled twins compute exactly what their DSL primitives do, on real ARC grids."""

from __future__ import annotations

import inspect
import itertools
import typing
from functools import cache

import pytest
from numba.core.registry import CPUDispatcher as Dispatcher

from abduce.programs import dsl
from abduce.programs.dsl import Color, Grid, Integer
from abduce.programs.search import kernels
from abduce.programs.search.enumeration import Enumerator
from abduce.programs.search.kernels import COMPILED
from abduce.programs.search.vocabulary import dsl_vocabulary
from abduce.tasks.arc import load_arc


@cache
def arc_grids() -> list[Grid]:
    """Every train input and output of ARC-AGI-1 training, and each turned a quarter (so that
    objects fall and rows join in every direction on real shapes)."""
    grids = [
        Grid(rows)
        for task in load_arc("training").values()
        for example in task.train
        for rows in (example.input, example.known_output())
    ]
    return grids + [dsl.rotate_90(grid) for grid in grids]


def outcome(function: object, *args: object) -> object:
    """The value, or the kind of error raised."""
    try:
        return function(*args)  # type: ignore[operator]
    except Exception as error:
        return type(error)


# Arguments after the grid: the background, a colour, and directions, one out of range.
ARGUMENTS = {Color: (0, 3), Integer: (2, 5, 8)}


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_twin_matches_its_primitive(name: str) -> None:
    primitive, twin = getattr(dsl, name), COMPILED[name]
    hints = typing.get_type_hints(primitive)
    params = [hints[param] for param in list(inspect.signature(primitive).parameters)[1:]]
    checked = 0
    for grid in arc_grids():
        for extra in itertools.product(*(ARGUMENTS[param] for param in params)):
            expected = outcome(primitive, grid, *extra)
            assert outcome(twin, grid, *extra) == expected, (name, grid, extra)
            checked += expected is not ValueError
    assert checked > 1000  # most grids give a value, not an error


def test_after_ready_the_twins_compile_nothing_more() -> None:
    """Kernels that only other kernels call get no signature of their own when numba loads
    the callers from its cache, so what is counted is that nothing new gets compiled."""
    kernels.ready()
    dispatchers = [value for value in vars(kernels).values() if isinstance(value, Dispatcher)]
    compiled = [len(dispatcher.signatures) for dispatcher in dispatchers]
    grid = arc_grids()[0]
    for twin in COMPILED.values():
        outcome(twin, grid, *[3] * (len(inspect.signature(twin).parameters) - 1))
    assert sum(compiled) >= 10
    assert [len(dispatcher.signatures) for dispatcher in dispatchers] == compiled


def test_the_enumeration_applies_the_twins() -> None:
    grid = Grid([[1, 0, 0], [0, 0, 2]])
    enumerator = Enumerator(
        [grid], dsl_vocabulary().applied, {}, max_evaluations=None, deadline=None
    )
    applied = {primitive.name: primitive.function for primitive in enumerator.vocabulary}
    assert set(COMPILED) <= set(applied)
    assert all(applied[name] is twin for name, twin in COMPILED.items())
    found = [node.values for _ in range(2) for _, node in enumerator.level()]
    assert (dsl.drop_objects_right(grid),) in found
