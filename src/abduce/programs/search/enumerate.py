"""Bottom-up, typed enumeration of DSL compositions with observational equivalence.

Every value is a vector: one result per task input (train inputs, then test inputs). A new
value is kept only if no cheaper expression already produced exactly the same vector, so
equivalent programs are explored once.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass

from abduce.programs.dsl import Grid, Grids, Object, Objects
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.programs.search.vocabulary import Primitive

STRUCTURED = (Grid, Objects, Object, Grids)
MAX_HELPER_SIZE = 1  # later structured arguments come from expressions this small


@dataclass(frozen=True)
class Node:
    """An expression and its value on every task input."""

    expr: Expr
    values: tuple


class OutOfBudget(Exception):
    """The enumeration used up its evaluations or its wall time."""


class Enumerator:
    """Grows typed pools of distinct values, one level (one more primitive) at a time."""

    def __init__(
        self,
        inputs: list[Grid],
        vocabulary: list[Primitive],
        literals: dict[object, list[object]],
        *,
        max_evaluations: int,
        deadline: float,
    ) -> None:
        self.count = len(inputs)
        self.vocabulary = vocabulary
        self.max_evaluations = max_evaluations
        self.deadline = deadline
        self.evaluations = 0
        self.pools: dict[object, dict[tuple, Node]] = {}
        self.literals = {
            kind: [Node(literal(value), (value,) * self.count) for value in values]
            for kind, values in literals.items()
        }
        self.frontier = [self._keep(Grid, Node(Expr(INPUT), tuple(inputs)))]

    def level(self) -> Iterator[Node]:
        """Apply every primitive with at least one argument from the last level; yield the
        new grids as they appear. Raises OutOfBudget when the budget runs out."""
        frontier = {id(node) for node in self.frontier if node}
        new: list[Node] = []
        for primitive in self.vocabulary:
            for args in self._arguments(primitive, frontier):
                node = self._apply(primitive, args)
                if node is None:
                    continue
                kept = self._keep(primitive.returns, node)
                if kept is not None:
                    new.append(kept)
                    if primitive.returns is Grid:
                        yield kept
        self.frontier = new

    def _arguments(self, primitive: Primitive, frontier: set[int]) -> Iterator[tuple[Node, ...]]:
        choices = []
        for position, kind in enumerate(primitive.params):
            pool = list(self.pools.get(kind, {}).values())
            if position > 0 and kind in STRUCTURED:
                pool = [node for node in pool if node.expr.size <= MAX_HELPER_SIZE]
            choices.append(pool + self.literals.get(kind, []))
        for args in itertools.product(*choices):
            if any(id(arg) in frontier for arg in args):
                yield args

    def _apply(self, primitive: Primitive, args: tuple[Node, ...]) -> Node | None:
        self.evaluations += 1
        if self.evaluations >= self.max_evaluations or (
            self.evaluations % 256 == 0 and time.monotonic() > self.deadline
        ):
            raise OutOfBudget
        function = primitive.function
        try:
            values = tuple(function(*(arg.values[i] for arg in args)) for i in range(self.count))
        except Exception:  # a primitive that does not apply here
            return None
        if not all(_valid(value) for value in values):
            return None
        return Node(Expr(primitive.name, tuple(arg.expr for arg in args)), values)

    def _keep(self, kind: object, node: Node) -> Node | None:
        pool = self.pools.setdefault(kind, {})
        if node.values in pool:
            return None
        pool[node.values] = node
        return node


def _valid(value: object) -> bool:
    if isinstance(value, tuple):  # Objects and Grids: empty ones lead nowhere
        return bool(value)
    return value is not None
