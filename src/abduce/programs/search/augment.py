"""Task variants the search also tries: the seven other grid symmetries and a colour
normalisation. A program found for a variant is mapped back exactly: the variant's transform
is applied to the input first and undone on the result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.tasks import Task

# Each symmetry with its inverse, as DSL primitive names.
SYMMETRIES = {
    "rotate_90": "rotate_270",
    "rotate_180": "rotate_180",
    "rotate_270": "rotate_90",
    "flip_left_right": "flip_left_right",
    "flip_up_down": "flip_up_down",
    "transpose": "transpose",
    "anti_transpose": "anti_transpose",
}


@dataclass(frozen=True)
class Variant:
    """`forward` turns the task input into the variant's input; `backward` turns the variant
    program's output back into an answer for the original task."""

    name: str
    forward: Expr
    backward: Expr  # its INPUT stands for the variant program's output

    def map_back(self, program: Expr) -> Expr:
        """The original task's program: forward, the variant's program, backward."""
        return _substitute(self.backward, _substitute(program, self.forward))


def variants(task: Task) -> list[Variant]:
    """The colour-normalised task, then the seven symmetric ones."""
    found = [_color_normalisation(task)]
    for forward, backward in SYMMETRIES.items():
        found.append(Variant(forward, _call(forward), _call(backward)))
    return found


def _call(name: str, *args: Expr) -> Expr:
    return Expr(name, (Expr(INPUT), *args))


def _color_normalisation(task: Task) -> Variant:
    """Colours renumbered by how often they occur in the train inputs, most often first."""
    counts = Counter(c for e in task.train for row in e.input for c in row)
    ranked = [c for c, _ in counts.most_common()]
    order = ranked + [c for c in range(10) if c not in ranked]
    forward = tuple((c, i) for i, c in enumerate(order) if c != i)
    backward = tuple((i, c) for c, i in forward)
    return Variant(
        "colour normalisation",
        _call("apply_color_map", literal(forward)),
        _call("apply_color_map", literal(backward)),
    )


def _substitute(expr: Expr, replacement: Expr) -> Expr:
    """`expr` with every occurrence of the input replaced by `replacement`."""
    if expr.op == INPUT:
        return replacement
    if expr.is_literal:
        return expr
    return Expr(expr.op, tuple(_substitute(arg, replacement) for arg in expr.args))
