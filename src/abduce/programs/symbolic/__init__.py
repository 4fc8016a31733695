"""SymPy and networkx tools for maths and graph problems, and independent checks of answers.

Every public function takes JSON-like arguments and returns plain JSON data (expressions as
strings in SymPy's syntax); model-written expressions are parsed by `parsing` alone. The sandbox
loads this directory as the package `symbolic`, so its imports are relative, and programs call
e.g. `from symbolic.algebra import solve`.
"""

from . import algebra, checks, graphs, grounding, matrices, number_theory, parsing, record

__all__ = [
    "algebra",
    "checks",
    "graphs",
    "grounding",
    "matrices",
    "number_theory",
    "parsing",
    "record",
]

# Calls are recorded under the names the tool registry gives them (abduce/tools/builtins.py).
for _module, _family in ((algebra, "sympy"), (matrices, "sympy"), (number_theory, "sympy"),
                         (graphs, "networkx")):  # fmt: skip
    record.record(_module, _family)

# The tools at the top level too (`from symbolic import solve`), recording like the modules'.
from .algebra import *  # noqa: E402, F403
from .graphs import *  # noqa: E402, F403
from .matrices import *  # noqa: E402, F403
from .number_theory import *  # noqa: E402, F403
