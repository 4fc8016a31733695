"""Library learning: the corpus's programs compressed into new DSL functions (Stitch, Bowers
et al. 2023; DreamCoder's sleep phase), which the search applies like primitives and the
model reads in its DSL reference.

`learn` turns every corpus program into an s-expression, asks Stitch for the abstractions
that shrink the corpus most, and keeps each that the search can apply: a typed function of
searched values, built from two or more primitives. Each is verified: every corpus program
rewritten with the kept functions computes the same outputs on its task as before. A learned
function is Python over the DSL (`LearnedFunction.source`), so a program that calls one
carries its `def` into the sandbox.
"""

from abduce.programs.library.functions import (
    LIBRARY_FILE,
    LearnedFunction,
    Library,
    library_named,
    library_vocabulary,
    load_library,
    shipped_library,
)
from abduce.programs.library.learn import learn

__all__ = [
    "LIBRARY_FILE",
    "LearnedFunction",
    "Library",
    "learn",
    "library_named",
    "library_vocabulary",
    "load_library",
    "shipped_library",
]
