"""Pattern families: symmetries and repeats restored, halves combined, blocks summarised."""

from __future__ import annotations

from random import Random

from abduce.tasks.generate.canvas import (
    Pair,
    Redraw,
    blank,
    copy,
    draw,
    palette,
    rectangle,
    scatter,
)
from abduce.tasks.generate.family import family
from abduce.tasks.models import Rows

BOTH = 2


def _dense(rng: Random, height: int, width: int) -> Rows:
    """A grid filled with two to four random colours, no background."""
    return scatter(rng, height, width, palette(rng, rng.randint(2, 4)), 1)


def _primitive(tile: Rows) -> bool:
    """Whether the tile repeats no smaller tile, across or down."""
    height, width = len(tile), len(tile[0])
    return all(tile[p:] + tile[:p] != tile for p in range(1, height)) and all(
        [row[p:] + row[:p] for row in tile] != tile for p in range(1, width)
    )


def _mask(rng: Random, grid: Rows, rows: range, cols: range) -> Rows:
    """The grid with a random block of background inside the given rows and columns."""
    height, width = rng.randint(1, min(3, len(rows))), rng.randint(1, min(3, len(cols)))
    corner = rng.choice(rows[: len(rows) - height + 1]), rng.choice(cols[: len(cols) - width + 1])
    masked = copy(grid)
    draw(masked, rectangle(height, width), corner, 0)
    return masked


@family(
    "symmetry-completion",
    "the blanked-out part of a picture symmetric both ways is restored from its mirror images",
    "return complete_symmetry(Grid(grid), 0).to_list()",
)
def symmetry_completion(rng: Random) -> Pair:
    half_height, half_width = rng.randint(3, 7), rng.randint(3, 7)
    quarter = _dense(rng, half_height, half_width)
    top = [row + row[::-1] for row in quarter]
    full = top + copy(top[::-1])
    rows = rng.choice([range(half_height), range(half_height, 2 * half_height)])
    cols = rng.choice([range(half_width), range(half_width, 2 * half_width)])
    return _mask(rng, full, rows, cols), full


@family(
    "pattern-repair",
    "the blanked-out cells of a repeating tiled pattern are filled in from the pattern",
    "return complete_pattern(Grid(grid), 0).to_list()",
)
def pattern_repair(rng: Random) -> Pair:
    tile_height, tile_width = rng.randint(1, 4), rng.randint(2, 4)
    tile = _dense(rng, tile_height, tile_width)
    if not _primitive(tile):
        raise Redraw
    height = rng.randint(max(3, 3 * tile_height), 3 * tile_height + 6)
    width = rng.randint(3 * tile_width, 3 * tile_width + 6)
    full = [[tile[r % tile_height][c % tile_width] for c in range(width)] for r in range(height)]
    return _mask(rng, full, range(height), range(width)), full


@family(
    "halves-and",
    f"the two halves either side of the dividing line are overlaid: colour {BOTH} where both "
    "have a cell",
    f"return halves_and(Grid(grid), {BOTH}).to_list()",
)
def halves_and(rng: Random) -> Pair:
    height, width = rng.randint(3, 7), rng.randint(3, 7)
    left, line, right = palette(rng, 3, exclude=[BOTH])
    first = scatter(rng, height, width, [left], rng.uniform(0.3, 0.7))
    second = scatter(rng, height, width, [right], rng.uniform(0.3, 0.7))
    grid = [a + [line] + b for a, b in zip(first, second, strict=True)]
    both = [
        [BOTH if x and y else 0 for x, y in zip(a, b, strict=True)]
        for a, b in zip(first, second, strict=True)
    ]
    return grid, both


@family(
    "grid-summary",
    "each block between the grid lines shrinks to one cell of its most common colour",
    "return summarize_blocks(Grid(grid)).to_list()",
)
def grid_summary(rng: Random) -> Pair:
    rows, cols = rng.randint(2, 4), rng.randint(2, 4)
    block_height, block_width = rng.randint(2, 4), rng.randint(2, 4)
    line, *colors = palette(rng, rng.randint(3, 5))
    height, width = rows * (block_height + 1) - 1, cols * (block_width + 1) - 1
    grid, out = blank(height, width, line), blank(rows, cols)
    cells = sorted(rectangle(block_height, block_width))
    for r in range(rows):
        for c in range(cols):
            corner = (r * (block_height + 1), c * (block_width + 1))
            draw(grid, cells, corner, 0)
            if rng.random() < 0.2:
                continue
            main, other = rng.sample(colors, 2)
            count = rng.randint(2, len(cells))
            spots = rng.sample(cells, count)
            draw(grid, spots, corner, main)
            draw(grid, spots[: rng.randint(0, (count - 1) // 2)], corner, other)
            out[r][c] = main
    return grid, out


FAMILIES = (symmetry_completion, pattern_repair, halves_and, grid_summary)
