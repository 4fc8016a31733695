"""Physics families: cells falling and sliding, lines drawn, and regions flooded."""

from __future__ import annotations

from random import Random

from abduce.tasks.generate.canvas import (
    COLORS,
    SIDES,
    Cell,
    Pair,
    Redraw,
    Shape,
    blank,
    copy,
    draw,
    extent,
    palette,
    random_colors,
    rectangle,
    scatter,
    scene,
    shape,
    turn,
)
from abduce.tasks.generate.family import family
from abduce.tasks.models import Rows

FILL = 4


def _region(grid: Rows, start: Cell) -> set[Cell]:
    """The background cells joined by their sides to the start cell."""
    found, todo = {start}, [start]
    while todo:
        r, c = todo.pop()
        for near in ((r + dr, c + dc) for dr, dc in SIDES):
            if (
                0 <= near[0] < len(grid)
                and 0 <= near[1] < len(grid[0])
                and near not in found
                and not grid[near[0]][near[1]]
            ):
                found.add(near)
                todo.append(near)
    return found


@family(
    "gravity",
    "every coloured cell falls to the bottom of its column, keeping the order of the column",
    "return gravity_down(Grid(grid)).to_list()",
)
def gravity(rng: Random) -> Pair:
    colors = palette(rng, rng.randint(1, 4))
    height, width = rng.randint(3, 10), rng.randint(3, 10)
    grid = scatter(rng, height, width, colors, rng.uniform(0.15, 0.5))
    columns = [[cell for cell in column if cell] for column in zip(*grid, strict=True)]
    fallen = [[0] * (height - len(column)) + column for column in columns]
    return grid, [list(row) for row in zip(*fallen, strict=True)]


@family(
    "slide-to-wall",
    "every object slides towards the wall along one edge until it rests against it",
    """
    g = Grid(grid)
    if count_foreground(last_row(g)) == g.width:
        return drop_objects_down(g).to_list()
    if count_foreground(first_row(g)) == g.width:
        return drop_objects_up(g).to_list()
    if count_foreground(last_column(g)) == g.height:
        return drop_objects_right(g).to_list()
    return drop_objects_left(g).to_list()
    """,
)
def slide_to_wall(rng: Random) -> Pair:
    height, width = rng.randint(6, 12), rng.randint(5, 12)
    wall = rng.choice(COLORS)
    grid, out = blank(height, width), blank(height, width)
    grid[-1] = [wall] * width
    out[-1] = [wall] * width
    left = rng.randint(0, 1)
    while left < width:  # one object in each band of columns, the bands a column apart
        cells = shape(rng, rng.randint(1, 3), min(rng.randint(1, 3), width - left))
        tall, wide = extent(cells)
        if rng.random() < 0.8:
            [color] = random_colors(rng, 1, exclude=[wall])
            draw(grid, cells, (rng.randint(0, height - 1 - tall), left), color)
            draw(out, cells, (height - 1 - tall, left), color)
        left += wide + rng.randint(1, 2)
    for _ in range(rng.randrange(4)):
        grid, out = turn(grid), turn(out)
    return grid, out


@family(
    "dot-rays",
    "each dot draws a line of its colour from itself to the right edge",
    """
    g = Grid(grid)
    for color in range(1, 10):
        g = ray_right(g, color)
    return g.to_list()
    """,
)
def dot_rays(rng: Random) -> Pair:
    height, width = rng.randint(3, 12), rng.randint(4, 14)
    rows = rng.sample(range(height), rng.randint(1, min(height, 5)))
    grid, out = blank(height, width), blank(height, width)
    for row, color in zip(rows, palette(rng, len(rows)), strict=True):
        col = rng.randint(0, width - 2)
        grid[row][col] = color
        out[row][col:] = [color] * (width - col)
    return grid, out


@family(
    "connect-dots",
    "each pair of same-coloured dots in a row or a column is joined by a line of its colour",
    "return connect_vertical(connect_horizontal(Grid(grid))).to_list()",
)
def connect_dots(rng: Random) -> Pair:
    height, width = rng.randint(5, 14), rng.randint(5, 14)
    grid, out = blank(height, width), blank(height, width)
    for color in palette(rng, rng.randint(1, 4)):
        for _ in range(20):
            length = rng.randint(3, max(height, width))
            across = rng.random() < 0.5
            line = [(0, c) for c in range(length)] if across else [(r, 0) for r in range(length)]
            tall, wide = (1, length) if across else (length, 1)
            if tall > height or wide > width:
                continue
            top, left = rng.randint(0, height - tall), rng.randint(0, width - wide)
            if all(not out[top + r][left + c] for r, c in line):
                break
        else:
            raise Redraw
        draw(out, line, (top, left), color)
        draw(grid, [line[0], line[-1]], (top, left), color)
    return grid, out


@family(
    "flood-fill",
    "the room of the walled grid that holds the single dot is flooded with the dot's colour",
    """
    g = Grid(grid)
    color = least_common_foreground(g)
    dot = nth_object(objects_of_color(components(g), color), 0)
    row, col = object_top(dot), object_left(dot)
    return flood_fill(recolor(g, color, 0), row, col, color).to_list()
    """,
)
def flood_fill(rng: Random) -> Pair:
    height, width = rng.randint(6, 14), rng.randint(6, 14)
    wall, dot = palette(rng, 2)
    grid = blank(height, width)
    for _ in range(rng.randint(1, 4)):  # walls from edge to edge, some with a door
        if rng.random() < 0.5:
            row = rng.randint(1, height - 2)
            line = [(row, c) for c in range(width)]
        else:
            col = rng.randint(1, width - 2)
            line = [(r, col) for r in range(height)]
        if rng.random() < 0.3:
            line.remove(rng.choice(line))
        draw(grid, line, (0, 0), wall)
    start = rng.choice([(r, c) for r in range(height) for c in range(width) if not grid[r][c]])
    out = copy(grid)
    draw(out, _region(grid, start), (0, 0), dot)
    grid[start[0]][start[1]] = dot
    return grid, out


def _outline(rng: Random, height: int, width: int, door: bool) -> Shape:
    """The ring of cells around a height-by-width box, with a gap in one side if `door`."""
    edge_rows, edge_cols = (0, height - 1), (0, width - 1)
    ring = [(r, c) for r, c in sorted(rectangle(height, width)) if r in edge_rows or c in edge_cols]
    if door:
        sides = [(r, c) for r, c in ring if (r in edge_rows) != (c in edge_cols)]
        ring.remove(rng.choice(sides))
    return frozenset(ring)


@family(
    "fill-enclosed",
    f"the background shut inside closed outlines is filled with colour {FILL}",
    f"return fill_enclosed(Grid(grid), {FILL}).to_list()",
)
def fill_enclosed(rng: Random) -> Pair:
    sizes = [(rng.randint(3, 6), rng.randint(3, 6)) for _ in range(rng.randint(1, 4))]
    doors = [rng.random() < 0.3 for _ in sizes]
    rings = [_outline(rng, h, w, door) for (h, w), door in zip(sizes, doors, strict=True)]
    colors = random_colors(rng, len(rings), exclude=[FILL])
    grid, corners = scene(rng, rng.randint(6, 16), rng.randint(6, 16), rings, colors)
    out = copy(grid)
    for (h, w), door, (top, left) in zip(sizes, doors, corners, strict=True):
        if not door:
            draw(out, rectangle(h - 2, w - 2), (top + 1, left + 1), FILL)
    return grid, out


FAMILIES = (gravity, slide_to_wall, dot_rays, connect_dots, flood_fill, fill_enclosed)
