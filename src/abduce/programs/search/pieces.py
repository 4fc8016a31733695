"""Outputs assembled from pieces: grid values the search produced, laid over each other.

While the search enumerates, every Grid value with the train outputs' shape on every pair is
offered here. It is kept as a *fallback* (a bottom layer: the cells where it equals the
output count as explained) and, where it can be laid on top, as a *piece*: a value whose
non-background cells all equal the output on every train pair, or, for each colour whose
cells all do, the value restricted to that colour (`keep_color`). The input is offered too.
Only cheap work happens per value (a shape check, then numpy comparisons), values that
explain the same cells as a cheaper one are dropped, and both pools are capped.

If the search finds no program, `Pieces.covers` assembles outputs greedily: for a fallback,
the cells it gets wrong must all be covered by pieces; pieces are picked one after another,
each covering the most cells still wrong on all train pairs together, and each drawing
something on some test input (the pieces a cover chooses are the only ones run on the test
inputs; one that draws nothing there fits the train pairs only). Because a piece's
non-background cells never contradict an output, the cover is the ordinary expression
`overlay(piece1, overlay(piece2, fallback))`, checked again on every train pair before it is
returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from abduce.programs.dsl import Color, Grid
from abduce.programs.search.enumeration import Node
from abduce.programs.search.expr import INPUT, Expr, evaluate, literal

MAX_PIECES = 1000  # kept pieces (a value, or one colour of it)
MAX_FALLBACKS = 1000  # kept bottom layers
MAX_LAYERS = 4  # pieces in one cover
MAX_TRIED = 100  # fallbacks a cover is attempted from, fewest wrong cells first
MAX_COVERS = 2
COLORS = 10


@dataclass(frozen=True)
class _Layer:
    expr: Expr
    cells: np.ndarray  # bool, over the train outputs' cells laid end to end


class Pieces:
    """Grid values worth keeping for assembling the train outputs."""

    def __init__(self, inputs: list[Grid], wanted: tuple[Grid, ...], tests: list[Grid]) -> None:
        self.inputs = inputs
        self.wanted = wanted
        self.tests = tests
        self.shapes = tuple(grid.shape for grid in wanted)
        self.target = np.concatenate([grid.array.ravel() for grid in wanted])
        self.pieces: dict[bytes, _Layer] = {}
        self.fallbacks: dict[bytes, _Layer] = {}
        self.drawn: dict[Expr, bool] = {}  # pieces run on the test inputs
        self.offer(Node(Expr(INPUT), tuple(inputs)))

    def offer(self, node: Node) -> None:
        """Keep `node` as a fallback and as pieces, if it has the outputs' shape and adds
        something new."""
        if len(self.fallbacks) >= MAX_FALLBACKS and len(self.pieces) >= MAX_PIECES:
            return
        if tuple(getattr(value, "shape", None) for value in node.values) != self.shapes:
            return
        cells = np.concatenate([value.array.ravel() for value in node.values])
        right = cells == self.target
        if len(self.fallbacks) < MAX_FALLBACKS and (key := right.tobytes()) not in self.fallbacks:
            self.fallbacks[key] = _Layer(node.expr, right)
        if len(self.pieces) < MAX_PIECES:
            for color, covered in _pieces(cells, right):
                key = covered.tobytes()
                if key not in self.pieces:
                    expr = node.expr
                    if color is not None:
                        expr = Expr("keep_color", (expr, literal(Color(color))))
                    self.pieces[key] = _Layer(expr, covered)

    def covers(self, functions: dict[str, Callable[..., object]]) -> list[Expr]:
        """Assembled expressions that reproduce every train output, fewest pieces first."""
        if not self.pieces or not self.fallbacks:
            return []
        pieces = list(self.pieces.values())
        cover = np.array([piece.cells for piece in pieces])
        weights = cover.astype(np.float32)
        coverable = np.any(cover, axis=0)
        found: list[tuple[int, int, Expr]] = []
        for fallback in self._fallbacks(coverable)[:MAX_TRIED]:
            chosen = _greedy(
                cover, weights, ~fallback.cells, lambda i: self._drawn(pieces[i].expr, functions)
            )
            if chosen is None:
                continue
            expr = fallback.expr
            for index in reversed(chosen):
                expr = Expr("overlay", (pieces[index].expr, expr))
            if self._reproduces(expr, functions):
                found.append((len(chosen), expr.cost, expr))
        found.sort(key=lambda item: (item[0], item[1]))
        return [expr for _, _, expr in found[:MAX_COVERS]]

    def _fallbacks(self, coverable: np.ndarray) -> list[_Layer]:
        """Bottom layers whose wrong cells pieces can cover, fewest wrong cells first; one
        colour everywhere is a fallback too."""
        base = next(iter(self.fallbacks.values())).expr  # the cheapest value of this shape
        blank = Expr("keep_color", (base, literal(Color(0))))
        layers = list(self.fallbacks.values())
        for color in np.unique(self.target).tolist():
            expr = blank if color == 0 else Expr("fill_background", (blank, literal(Color(color))))
            layers.append(_Layer(expr, self.target == color))
        usable = [layer for layer in layers if not (~layer.cells & ~coverable).any()]
        return sorted(usable, key=lambda layer: int((~layer.cells).sum()))

    def _drawn(self, expr: Expr, functions: dict[str, Callable[..., object]]) -> bool:
        """Whether the piece draws something on some test input (one that draws nothing
        there fits the train pairs only)."""
        if expr not in self.drawn:
            try:
                values = [evaluate(expr, grid, functions) for grid in self.tests]
                self.drawn[expr] = any(isinstance(v, Grid) and v.array.any() for v in values)
            except Exception:  # a primitive that does not apply to a test input
                self.drawn[expr] = False
        return self.drawn[expr]

    def _reproduces(self, expr: Expr, functions: dict[str, Callable[..., object]]) -> bool:
        try:
            values = tuple(evaluate(expr, grid, functions) for grid in self.inputs)
        except Exception:  # a primitive that does not apply after all
            return False
        return values == self.wanted


def _pieces(cells: np.ndarray, right: np.ndarray) -> Iterator[tuple[int | None, np.ndarray]]:
    """The value's cells as a piece (colour None), if none of its non-background cells is
    wrong; else each colour of it whose cells are all right, and the cells of that colour."""
    filled = cells != 0
    wrong = filled & ~right
    if not np.count_nonzero(wrong):  # faster than any() on small arrays
        if np.count_nonzero(filled):
            yield None, filled
        return
    present = np.bincount(cells.view(np.uint8), minlength=COLORS)[1:COLORS] > 0
    spoiled = np.bincount(cells[wrong].view(np.uint8), minlength=COLORS)[1:COLORS] > 0
    for color in (np.flatnonzero(present & ~spoiled) + 1).tolist():
        yield color, cells == color


def _greedy(
    cover: np.ndarray, weights: np.ndarray, wrong: np.ndarray, usable: Callable[[int], bool]
) -> list[int] | None:
    """Rows of `cover` that together cover every `wrong` cell, each chosen for covering the
    most still uncovered (the cheapest on ties); None if `MAX_LAYERS` rows do not. `weights`
    are the rows as numbers; a row found not `usable` is zeroed there for good."""
    chosen: list[int] = []
    while wrong.any():
        if len(chosen) == MAX_LAYERS:
            return None
        gains = weights @ wrong.astype(np.float32)
        best = int(np.argmax(gains))
        if gains[best] == 0:
            return None
        if not usable(best):
            weights[best] = 0
            continue
        chosen.append(best)
        wrong = wrong & ~cover[best]
    return chosen
