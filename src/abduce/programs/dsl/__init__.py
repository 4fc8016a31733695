"""The grid DSL: small pure functions on immutable grids, for ARC-style tasks.

Every public function is a primitive: fully typed, with a one-line docstring written for a
reader (the docstrings are shown to the language model and joined into the English
description of a found program). The enumerative search composes them in process; in the
sandbox, programs import them as `from dsl import *` (the package's imports are relative so
that it loads under that name too).
"""

from . import (
    color,
    drawing,
    geometry,
    grid,
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
)

__all__ = [name for module in MODULES for name in module.__all__]
