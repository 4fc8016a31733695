"""The grid DSL: small pure functions on immutable grids, for ARC-style tasks.

Every public function is a primitive: fully typed, with a one-line docstring written for a
reader (the docstrings are shown to the language model and joined into the English
description of a found program). The enumerative search composes them; programs written by a
model may import them in the sandbox.
"""

from abduce.programs.dsl.geometry import *  # noqa: F403
from abduce.programs.dsl.geometry import __all__ as _geometry
from abduce.programs.dsl.grid import (
    TRANSPARENT,
    Cell,
    Color,
    Grid,
    Grids,
    Integer,
    Object,
    Objects,
)
from abduce.programs.dsl.maps import *  # noqa: F403
from abduce.programs.dsl.maps import __all__ as _maps
from abduce.programs.dsl.objects import *  # noqa: F403
from abduce.programs.dsl.objects import __all__ as _objects

__all__ = [
    "TRANSPARENT",
    "Cell",
    "Color",
    "Grid",
    "Grids",
    "Integer",
    "Object",
    "Objects",
    *_geometry,
    *_maps,
    *_objects,
]
