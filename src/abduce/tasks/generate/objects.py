"""Object families: separate shapes on a background, recoloured, picked, counted or sorted."""

from __future__ import annotations

from random import Random

from abduce.tasks.generate.canvas import (
    COLORS,
    Pair,
    Redraw,
    blank,
    copy,
    cut,
    draw,
    extent,
    neighbours,
    random_colors,
    rectangle,
    scene,
    shape,
    sized_shape,
)
from abduce.tasks.generate.family import family
from abduce.tasks.models import Rows

RING = 1


def _side(rng: Random, low: int = 6, high: int = 14) -> int:
    """A random grid side."""
    return rng.randint(low, high)


@family(
    "recolour-by-size",
    "each object is recoloured with the colour numbered by its count of cells",
    "return recolor_by_size(Grid(grid)).to_list()",
)
def recolor_by_size(rng: Random) -> Pair:
    shapes = [sized_shape(rng, rng.randint(1, 6)) for _ in range(rng.randint(3, 6))]
    grid, corners = scene(rng, _side(rng), _side(rng), shapes, [rng.choice(COLORS)] * len(shapes))
    out = copy(grid)
    for cells, corner in zip(shapes, corners, strict=True):
        draw(out, cells, corner, len(cells))
    return grid, out


@family(
    "crop-odd-object",
    "the output is the one object whose shape differs from all the others",
    "return crop_to_odd_shape_object(Grid(grid)).to_list()",
)
def crop_odd_object(rng: Random) -> Pair:
    common = shape(rng, rng.randint(1, 3), rng.randint(1, 3))
    odd = shape(rng, rng.randint(1, 3), rng.randint(1, 3))
    if odd == common:
        raise Redraw
    shapes = [odd] + [common] * rng.randint(2, 4)
    grid, corners = scene(rng, _side(rng), _side(rng), shapes, random_colors(rng, len(shapes)))
    return grid, cut(grid, corners[0], extent(odd))


@family(
    "crop-largest-object",
    "the output is the largest object, cut out",
    "return crop_to_largest_object(Grid(grid)).to_list()",
)
def crop_largest_object(rng: Random) -> Pair:
    sizes = rng.sample(range(1, 13), rng.randint(2, 5))
    shapes = [sized_shape(rng, size, side=4) for size in sizes]
    grid, corners = scene(rng, _side(rng), _side(rng), shapes, random_colors(rng, len(shapes)))
    largest = sizes.index(max(sizes))
    return grid, cut(grid, corners[largest], extent(shapes[largest]))


@family(
    "outline-objects",
    f"every object is ringed with colour {RING} on the cells around it, corners included",
    f"""
    g = Grid(grid)
    for obj in diagonal_multicolor_components(g):
        g = outline_object(g, obj, {RING})
    return g.to_list()
    """,
)
def outline_objects(rng: Random) -> Pair:
    shapes = [shape(rng, rng.randint(1, 3), rng.randint(1, 3)) for _ in range(rng.randint(1, 4))]
    colors = random_colors(rng, len(shapes), exclude=(RING,))
    grid, _ = scene(rng, _side(rng, 5), _side(rng, 5), shapes, colors)
    out = copy(grid)
    filled = [(r, c) for r, row in enumerate(grid) for c, cell in enumerate(row) if cell]
    for r, c in (near for cell in filled for near in neighbours(grid, cell)):
        if not grid[r][c]:
            out[r][c] = RING
    return grid, out


@family(
    "count-objects",
    "the objects are counted: the output is one row of that many cells in their colour",
    """
    g = Grid(grid)
    return object_count_bar(g, most_common_foreground(g)).to_list()
    """,
)
def count_objects(rng: Random) -> Pair:
    count, color = rng.randint(1, 8), rng.choice(COLORS)
    shapes = [sized_shape(rng, rng.randint(1, 4), side=2) for _ in range(count)]
    grid, _ = scene(rng, _side(rng, 5, 12), _side(rng, 5, 12), shapes, [color] * count)
    return grid, [[color] * count]


@family(
    "sort-objects",
    "the bars standing on the floor are reordered from shortest to tallest, left to right",
    """
    g = Grid(grid)
    bars = sorted(components(g), key=object_height)
    slots = sorted(object_left(bar) for bar in bars)
    out = canvas(0, g.height, g.width)
    for bar, left in zip(bars, slots):
        out = paint_object(out, shift_object(bar, 0, left - object_left(bar)))
    return out.to_list()
    """,
)
def sort_objects(rng: Random) -> Pair:
    count, thickness = rng.randint(3, 6), rng.randint(1, 2)
    height, margin = rng.randint(max(4, count), 10), rng.randint(0, 2)
    width = margin + count * (thickness + 1) - 1 + rng.randint(0, 2)
    bars = list(
        zip(rng.sample(range(1, height + 1), count), random_colors(rng, count), strict=True)
    )

    def stand(order: list[tuple[int, int]]) -> Rows:
        grid = blank(height, width)
        for slot, (tall, color) in enumerate(order):
            corner = (height - tall, margin + slot * (thickness + 1))
            draw(grid, rectangle(tall, thickness), corner, color)
        return grid

    return stand(bars), stand(sorted(bars))


@family(
    "denoise",
    "the single specks of noise are removed and the larger shapes kept",
    "return remove_small_objects(Grid(grid), 2).to_list()",
)
def denoise(rng: Random) -> Pair:
    shapes = [shape(rng, rng.randint(2, 4), rng.randint(2, 4)) for _ in range(rng.randint(1, 4))]
    out, _ = scene(rng, _side(rng), _side(rng), shapes, random_colors(rng, len(shapes)))
    grid = copy(out)
    cells = [(r, c) for r in range(len(grid)) for c in range(len(grid[0]))]
    for r, c in rng.sample(cells, rng.randint(2, 10)):
        if not grid[r][c] and not any(grid[nr][nc] for nr, nc in neighbours(grid, (r, c))):
            grid[r][c] = rng.choice(COLORS)
    return grid, out


@family(
    "remove-border-objects",
    "the objects touching the edge of the grid are removed",
    "return remove_border_objects(Grid(grid)).to_list()",
)
def remove_border_objects(rng: Random) -> Pair:
    shapes = [shape(rng, rng.randint(1, 3), rng.randint(1, 3)) for _ in range(rng.randint(3, 7))]
    colors = random_colors(rng, len(shapes))
    height, width = _side(rng), _side(rng)
    grid, corners = scene(rng, height, width, shapes, colors)
    out = blank(height, width)
    for cells, (r, c), color in zip(shapes, corners, colors, strict=True):
        h, w = extent(cells)
        if 0 < r < height - h and 0 < c < width - w:
            draw(out, cells, (r, c), color)
    if not any(map(any, out)):  # no object is left
        raise Redraw
    return grid, out


FAMILIES = (
    recolor_by_size,
    crop_odd_object,
    crop_largest_object,
    outline_objects,
    count_objects,
    sort_objects,
    denoise,
    remove_border_objects,
)
