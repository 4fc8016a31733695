"""Bottom-up, typed, cost-ordered enumeration of DSL compositions with observational
equivalence.

Every value is a vector: one result per task input (train inputs, then test inputs). Level c
builds every well-typed expression of cost c (by default 2 per primitive applied, 1 per literal
argument; a `Prior` makes likelier choices cheaper) from the values of cheaper levels; a new
value is kept only if no cheaper expression already produced exactly the same vector, so
equivalent programs are explored once.
"""

from __future__ import annotations

import gc
import itertools
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeAlias

from abduce.programs.dsl import Grid
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.programs.search.kernels import COMPILED
from abduce.programs.search.prior import Prior
from abduce.programs.search.vocabulary import Primitive

# One value per task input, of the node's kind (Grid, Objects, Color, ...): a run-time type.
Values: TypeAlias = tuple[Any, ...]


@dataclass(frozen=True)
class Node:
    """An expression and its value on every task input."""

    expr: Expr
    values: Values


class OutOfBudget(Exception):
    """The enumeration used up its evaluations or its wall time."""


class Enumerator:
    """Grows typed pools of distinct values, one cost level at a time."""

    def __init__(
        self,
        inputs: list[Grid],
        vocabulary: list[Primitive],
        literals: dict[object, list[object]],
        *,
        max_evaluations: int | None,
        deadline: float | None,
        prior: Prior | None = None,
    ) -> None:
        """`max_evaluations` and `deadline` (a `time.monotonic()`) bound the enumeration;
        None: no bound."""
        self.count = len(inputs)
        costs = (prior or Prior()).costs(
            [primitive.name for primitive in vocabulary],
            {_name(kind): values for kind, values in literals.items()},
        )
        self.vocabulary = [_compiled(p) for p in vocabulary if p.name in costs.applications]
        self.costs = costs.applications
        self.max_evaluations = math.inf if max_evaluations is None else max_evaluations
        self.deadline = math.inf if deadline is None else deadline
        self.evaluations = 0
        self.cost = 0
        self.seen: dict[object, set[Values]] = {}
        self.by_cost: dict[object, list[list[Node]]] = {}  # type -> nodes by cost
        self.start = Node(Expr(INPUT), tuple(inputs))
        self._keep(Grid, self.start, 0)
        for kind, values in literals.items():
            for value in values:
                cost = costs.literals.get((_name(kind), value))
                if cost is not None:
                    self._keep(kind, Node(literal(value), (value,) * self.count), cost)

    def pool(self, kind: object) -> list[Node]:
        """Every distinct value of a type found so far, cheapest expressions first."""
        return [node for nodes in self.by_cost.get(kind, []) for node in nodes]

    def level(self) -> Iterator[tuple[object, Node]]:
        """Build every expression that costs one more than the last level's; yield each new
        value with its type as it appears. Raises OutOfBudget when the budget runs out."""
        self.cost += 1
        with _no_cycle_collection():
            for primitive in self.vocabulary:
                seen = self.seen.setdefault(primitive.returns, set())
                for args in self._arguments(
                    primitive.params, self.cost - self.costs[primitive.name]
                ):
                    values = self._apply(primitive, args)
                    if values is None or values in seen:
                        continue
                    node = Node(Expr(primitive.name, tuple(arg.expr for arg in args)), values)
                    self._keep(primitive.returns, node, self.cost)
                    yield primitive.returns, node

    def _arguments(self, params: tuple[object, ...], total: int) -> Iterator[tuple[Node, ...]]:
        """Argument tuples whose costs add up to `total`."""
        if total < 0:
            return
        costs = [len(self.by_cost.get(kind, [])) for kind in params]
        for split in itertools.product(*(range(min(n, total + 1)) for n in costs)):
            if sum(split) == total:
                pools = [self.by_cost[kind][c] for kind, c in zip(params, split, strict=True)]
                yield from itertools.product(*pools)

    def _apply(self, primitive: Primitive, args: tuple[Node, ...]) -> Values | None:
        """The primitive's value on every input, or None where it does not apply."""
        if self.evaluations >= self.max_evaluations or time.monotonic() > self.deadline:
            raise OutOfBudget
        self.evaluations += 1
        try:
            values = tuple(map(primitive.function, *(arg.values for arg in args)))
        except Exception:  # a primitive that does not apply here
            return None
        return values if all(map(_valid, values)) else None

    def _keep(self, kind: object, node: Node, cost: int) -> None:
        self.seen.setdefault(kind, set()).add(node.values)
        levels = self.by_cost.setdefault(kind, [])
        levels.extend([] for _ in range(cost + 1 - len(levels)))
        levels[cost].append(node)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a level allocates millions of values and makes no
    cycles, and the collector's passes over the growing pools took ~13 % of a level (k = 5)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compiled(primitive: Primitive) -> Primitive:
    """The primitive, computed by its compiled twin if it has one."""
    twin = COMPILED.get(primitive.name)
    return primitive if twin is None else replace(primitive, function=twin)


def _name(kind: object) -> str:
    """A value type's name, as priors spell it: 'Grid', 'Color', 'Integer', 'bool', ..."""
    return str(getattr(kind, "__name__", kind))


def _valid(value: object) -> bool:
    if isinstance(value, tuple):  # Objects and Grids: empty ones lead nowhere
        return bool(value)
    return value is not None
