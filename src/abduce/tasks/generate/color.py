"""Colour families: colours exchanged, unified or counted, wherever the cells are."""

from __future__ import annotations

from collections import Counter
from random import Random

from abduce.tasks.generate.canvas import Pair, Redraw, blank, palette, scatter
from abduce.tasks.generate.family import family
from abduce.tasks.models import Rows

MAPPING = ((1, 5), (5, 1), (2, 6), (6, 2), (3, 4), (4, 3), (8, 9), (9, 8))


def _counts(grid: Rows) -> Counter[int]:
    """How many cells of each colour other than the background 0 the grid has."""
    return Counter(cell for row in grid for cell in row if cell)


@family(
    "colour-mapping",
    "colours are exchanged in fixed pairs: 1 and 5, 2 and 6, 3 and 4, 8 and 9",
    f"return apply_color_map(Grid(grid), {MAPPING}).to_list()",
)
def color_mapping(rng: Random) -> Pair:
    colors = rng.sample([source for source, _ in MAPPING], rng.randint(2, 4))
    grid = scatter(rng, rng.randint(3, 9), rng.randint(3, 9), colors, rng.uniform(0.5, 1))
    table = dict(MAPPING)
    return grid, [[table.get(cell, cell) for cell in row] for row in grid]


@family(
    "colour-swap",
    "the two colours besides the background trade places",
    """
    g = Grid(grid)
    return swap_colors(g, most_common_foreground(g), least_common_foreground(g)).to_list()
    """,
)
def color_swap(rng: Random) -> Pair:
    a, b = palette(rng, 2)
    grid = scatter(rng, rng.randint(3, 10), rng.randint(3, 10), [a, b], rng.uniform(0.3, 0.8))
    counts = _counts(grid)
    if not counts[a] or not counts[b] or counts[a] == counts[b]:
        raise Redraw
    swap = {a: b, b: a, 0: 0}
    return grid, [[swap[cell] for cell in row] for row in grid]


@family(
    "majority-colour",
    "every coloured cell takes the colour that most cells have",
    """
    g = Grid(grid)
    return paint_foreground(g, most_common_foreground(g)).to_list()
    """,
)
def majority_color(rng: Random) -> Pair:
    colors = palette(rng, rng.randint(2, 4))
    grid = scatter(rng, rng.randint(3, 10), rng.randint(3, 10), colors, rng.uniform(0.3, 0.7))
    ranked = _counts(grid).most_common()
    if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
        raise Redraw
    return grid, [[ranked[0][0] if cell else 0 for cell in row] for row in grid]


@family(
    "colour-histogram",
    "the colours are drawn as a bar chart of their cell counts, the most common first",
    "return color_histogram(Grid(grid)).to_list()",
)
def color_histogram(rng: Random) -> Pair:
    colors = palette(rng, rng.randint(2, 4))
    counts = rng.sample(range(1, 9), len(colors))
    height, width = rng.randint(4, 10), rng.randint(4, 10)
    if sum(counts) > height * width:
        raise Redraw
    cells = rng.sample(range(height * width), sum(counts))
    grid = blank(height, width)
    for color, count in zip(colors, counts, strict=True):
        for cell in cells[:count]:
            grid[cell // width][cell % width] = color
        cells = cells[count:]
    bars = sorted(zip(counts, colors, strict=True), reverse=True)
    tallest = bars[0][0]
    return grid, [
        [color if row >= tallest - count else 0 for count, color in bars] for row in range(tallest)
    ]


FAMILIES = (color_mapping, color_swap, majority_color, color_histogram)
