"""Primitives whose tables are read from the examples by the search (not enumerated)."""

from __future__ import annotations

import numpy as np

from .grid import Grid

ColorMap = tuple[tuple[int, int], ...]  # (from, to) pairs

__all__ = ["ColorMap", "apply_color_map"]


def apply_color_map(grid: Grid, pairs: ColorMap) -> Grid:
    """Recolour the cells by a table of colour pairs, keeping colours it does not name."""
    lookup = np.arange(-1, 10, dtype=np.int8)
    for source, target in pairs:
        lookup[source + 1] = target
    return Grid(lookup[grid.array + 1])
