"""What the search believes before it looks: a probability for each primitive and literal,
turned into the enumerator's integer costs (HySynth's cost ≈ −log p).

A cost is today's cost shifted by how much likelier than uniform the prior finds the choice:
`round(base + log2(uniform / p))`, at least 1 for a primitive and 0 for a literal. What the
prior does not name costs what it always has (2 per primitive applied, 1 per literal), so the
uniform prior, or an empty one, gives exactly the unweighted enumeration; probability 0 leaves
a choice out.

>>> prior = Prior(primitives={"flip": 0.5, "rotate": 0.125, "never": 0.0})
>>> costs = prior.costs(["flip", "rotate", "tile", "never"], {"Color": [1, 2]})
>>> costs.applications, costs.literals
({'flip': 1, 'rotate': 3, 'tile': 2}, {('Color', 1): 1, ('Color', 2): 1})
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from abduce.programs.search.expr import APPLICATION_COST, LITERAL_COST

LiteralKey = tuple[str, object]  # (type name, value): Color 1 and Integer 1 are different


@dataclass(frozen=True)
class Costs:
    """Integer costs of the choices the enumeration may make; absent means never."""

    applications: dict[str, int]
    literals: dict[LiteralKey, int]


@dataclass(frozen=True)
class Prior:
    """Probabilities of applying each primitive (by name) and of each literal (by type name
    and value); each table sums to at most 1 over what the search may choose."""

    primitives: Mapping[str, float] = field(default_factory=dict)
    literals: Mapping[LiteralKey, float] = field(default_factory=dict)

    def costs(self, names: Sequence[str], literals: Mapping[str, Sequence[object]]) -> Costs:
        """Costs of the primitives `names` and of the `literals` of each type."""
        applications = {
            name: cost
            for name in names
            if (cost := _cost(self.primitives.get(name), len(names), APPLICATION_COST, 1))
            is not None
        }
        literal_costs = {
            (kind, value): cost
            for kind, values in literals.items()
            for value in values
            if (cost := _cost(self.literals.get((kind, value)), len(values), LITERAL_COST, 0))
            is not None
        }
        return Costs(applications, literal_costs)


def _cost(probability: float | None, choices: int, base: int, least: int) -> int | None:
    """`base` shifted by log2(uniform / probability), at least `least`; None for
    probability 0."""
    if probability is None:
        return base
    if probability <= 0:
        return None
    return max(least, round(base + math.log2(1 / choices / probability)))
