"""The grid DSL: small pure functions on immutable grids, for ARC-style tasks.

Every public function is a primitive: fully typed, with a one-line docstring written for a
reader (the docstrings are shown to the language model and joined into the English
description of a found program). The enumerative search composes them in process; in the
sandbox, programs import them as `from dsl import *` (the package's imports are relative so
that it loads under that name too).

Per-object and per-part programs: the map primitives (`mapping.py`: `map_objects`,
`map_parts`) take a program, a function from a grid to a grid, and run it on each object's box
or each part between separator lines, putting the results back in place. The search does not
enumerate them; when the train outputs differ from the inputs only inside such boxes, it finds
the program by a nested search on the boxes (`search/per_part.py`) and prints it as a `def`
of its own before `transform`. `arrange_objects` joins the boxes' results in a row or a column
instead, in the order of a feature of the objects (`maps.FEATURES`: their own features and
their relations to the others), learned from the train pairs like `object_where`'s choice.
"""

from . import (
    color,
    drawing,
    geometry,
    grid,
    mapping,
    maps,
    masks,
    objects,
    patterns,
    physics,
    relations,
    split,
)
from .color import *  # noqa: F403
from .drawing import *  # noqa: F403
from .geometry import *  # noqa: F403
from .grid import *  # noqa: F403
from .mapping import *  # noqa: F403
from .maps import *  # noqa: F403
from .masks import *  # noqa: F403
from .objects import *  # noqa: F403
from .patterns import *  # noqa: F403
from .physics import *  # noqa: F403
from .relations import *  # noqa: F403
from .split import *  # noqa: F403

MODULES = (
    grid,
    geometry,
    color,
    objects,
    masks,
    split,
    physics,
    patterns,
    relations,
    drawing,
    maps,
    mapping,
)

__all__ = [name for module in MODULES for name in module.__all__]
