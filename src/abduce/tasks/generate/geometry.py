"""Geometry families: the whole grid flipped, turned, mirrored, scaled or framed."""

from __future__ import annotations

from collections.abc import Iterable
from random import Random

from abduce.tasks.generate.canvas import Pair, copy, palette, scatter, turn
from abduce.tasks.generate.family import family
from abduce.tasks.models import Rows

BORDER = 8


def _noise(rng: Random, low: int, high: int, exclude: Iterable[int] = ()) -> Rows:
    """Random cells of one to four colours on a grid whose sides are from low to high."""
    colors = palette(rng, rng.randint(1, 4), exclude)
    height, width = rng.randint(low, high), rng.randint(low, high)
    return scatter(rng, height, width, colors, rng.uniform(0.3, 0.8))


@family(
    "flip-horizontal",
    "the grid is mirrored left to right",
    "return flip_left_right(Grid(grid)).to_list()",
)
def flip_horizontal(rng: Random) -> Pair:
    grid = _noise(rng, 2, 10)
    return grid, [row[::-1] for row in grid]


@family(
    "rotate-90",
    "the grid is turned a quarter turn clockwise",
    "return rotate_90(Grid(grid)).to_list()",
)
def rotate_90(rng: Random) -> Pair:
    grid = _noise(rng, 2, 10)
    return grid, turn(grid)


@family(
    "mirror-quadrants",
    "the grid and its three mirror images make a grid twice as high and wide",
    "return mirror_quadrants(Grid(grid)).to_list()",
)
def mirror_quadrants(rng: Random) -> Pair:
    grid = _noise(rng, 2, 6)
    top = [row + row[::-1] for row in grid]
    return grid, top + copy(top[::-1])


@family(
    "scale-by-colour-count",
    "each cell becomes a k-by-k block, k being the number of colours besides the background",
    """
    g = Grid(grid)
    return upscale(g, count_colors(g) - 1).to_list()
    """,
)
def scale_by_color_count(rng: Random) -> Pair:
    height, width = rng.randint(2, 4), rng.randint(3, 4)
    colors = palette(rng, rng.randint(2, 4))
    rest = height * width - len(colors) - 1
    cells = [*colors, 0] + [rng.choice([0, *colors]) for _ in range(rest)]
    rng.shuffle(cells)
    grid = [cells[r * width : (r + 1) * width] for r in range(height)]
    k = len(colors)
    return grid, [[cell for cell in row for _ in range(k)] for row in grid for _ in range(k)]


@family(
    "draw-border",
    f"the cells along the edge of the grid are painted colour {BORDER}",
    f"return add_border(remove_border(Grid(grid)), {BORDER}).to_list()",
)
def draw_border(rng: Random) -> Pair:
    grid = _noise(rng, 3, 12, exclude=[BORDER])
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    return grid, [
        [BORDER if r in (0, last_row) or c in (0, last_col) else cell for c, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]


FAMILIES = (flip_horizontal, rotate_90, mirror_quadrants, scale_by_color_count, draw_border)
