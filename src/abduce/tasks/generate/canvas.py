"""Drawing helpers for the generators: grids, random colours and shapes, and room for shapes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from random import Random

from abduce.tasks.models import Rows

Cell = tuple[int, int]  # (row, column)
Shape = frozenset[Cell]  # cells counted from the top-left corner of the shape's bounding box
Pair = tuple[Rows, Rows]  # an input and its output

COLORS = tuple(range(1, 10))  # every colour but the background 0
SIDES = ((-1, 0), (1, 0), (0, -1), (0, 1))
AROUND = tuple((dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
_TRIES = 100


class Redraw(Exception):
    """The random draw did not work out (the shapes did not fit, say): draw the pair again."""


def blank(height: int, width: int, color: int = 0) -> Rows:
    """A grid of one colour."""
    return [[color] * width for _ in range(height)]


def copy(grid: Rows) -> Rows:
    """A copy of the grid to draw on."""
    return [row[:] for row in grid]


def turn(grid: Rows) -> Rows:
    """The grid turned a quarter turn clockwise."""
    return [list(row) for row in zip(*grid[::-1], strict=True)]


def cut(grid: Rows, corner: Cell, size: tuple[int, int]) -> Rows:
    """The block of the given height and width whose top-left cell is at `corner`."""
    (top, left), (height, width) = corner, size
    return [row[left : left + width] for row in grid[top : top + height]]


def palette(rng: Random, count: int, exclude: Iterable[int] = ()) -> list[int]:
    """Distinct random colours, none of them the background 0 or an excluded colour."""
    excluded = set(exclude)
    return rng.sample([c for c in COLORS if c not in excluded], count)


def random_colors(rng: Random, count: int, exclude: Iterable[int] = ()) -> list[int]:
    """Random colours, repeats allowed, none of them the background 0 or an excluded colour."""
    excluded = set(exclude)
    return [rng.choice([c for c in COLORS if c not in excluded]) for _ in range(count)]


def scatter(rng: Random, height: int, width: int, colors: Sequence[int], density: float) -> Rows:
    """A grid whose cells each take a random one of the colours with the given chance, else 0."""
    return [
        [rng.choice(colors) if rng.random() < density else 0 for _ in range(width)]
        for _ in range(height)
    ]


def shape(rng: Random, height: int, width: int, size: int | None = None) -> Shape:
    """A random side-connected shape spanning a height-by-width box, of `size` cells or any."""
    while True:
        target = size or rng.randint(height + width - 1, height * width)
        cells = [(rng.randrange(height), rng.randrange(width))]
        while len(cells) < target:
            r, c = rng.choice(cells)
            dr, dc = rng.choice(SIDES)
            if 0 <= r + dr < height and 0 <= c + dc < width and (r + dr, c + dc) not in cells:
                cells.append((r + dr, c + dc))
        if len({r for r, _ in cells}) == height and len({c for _, c in cells}) == width:
            return frozenset(cells)


def sized_shape(rng: Random, size: int, side: int = 3) -> Shape:
    """A random side-connected shape of `size` cells in a box of at most `side` by `side`."""
    boxes = [
        (h, w) for h in range(1, side + 1) for w in range(1, side + 1) if h + w - 1 <= size <= h * w
    ]
    return shape(rng, *rng.choice(boxes), size)


def rectangle(height: int, width: int) -> Shape:
    """A solid height-by-width rectangle."""
    return frozenset((r, c) for r in range(height) for c in range(width))


def extent(cells: Shape) -> tuple[int, int]:
    """The height and width of the shape's bounding box."""
    return max(r for r, _ in cells) + 1, max(c for _, c in cells) + 1


def place(
    rng: Random, height: int, width: int, shapes: Sequence[Shape], gap: int = 1
) -> list[Cell]:
    """Random top-left corners for the shapes in the grid, their boxes `gap` cells apart."""
    boxes: list[tuple[int, int, int, int]] = []
    for h, w in map(extent, shapes):
        if h > height or w > width:
            raise Redraw
        for _ in range(_TRIES):
            r, c = rng.randint(0, height - h), rng.randint(0, width - w)
            if all(
                r + h + gap <= r2 or r2 + h2 + gap <= r or c + w + gap <= c2 or c2 + w2 + gap <= c
                for r2, c2, h2, w2 in boxes
            ):
                boxes.append((r, c, h, w))
                break
        else:
            raise Redraw
    return [(r, c) for r, c, _, _ in boxes]


def draw(grid: Rows, cells: Iterable[Cell], corner: Cell, color: int) -> None:
    """Paint the cells in place, counted from `corner`."""
    top, left = corner
    for r, c in cells:
        grid[top + r][left + c] = color


def scene(
    rng: Random,
    height: int,
    width: int,
    shapes: Sequence[Shape],
    colors: Sequence[int],
    gap: int = 1,
) -> tuple[Rows, list[Cell]]:
    """The shapes in their colours on a blank grid, `gap` cells apart; and their corners."""
    corners = place(rng, height, width, shapes, gap)
    grid = blank(height, width)
    for cells, corner, color in zip(shapes, corners, colors, strict=True):
        draw(grid, cells, corner, color)
    return grid, corners


def neighbours(grid: Rows, cell: Cell) -> list[Cell]:
    """The cells of the grid touching the cell by a side or a corner."""
    r, c = cell
    return [
        (r + dr, c + dc)
        for dr, dc in AROUND
        if 0 <= r + dr < len(grid) and 0 <= c + dc < len(grid[0])
    ]
