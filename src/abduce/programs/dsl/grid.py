"""The DSL's value types: an immutable, hashable, numpy-backed `Grid`, `Object`s cut from
grids, and the type aliases every primitive's signature is written in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NewType, TypeAlias

import numpy as np

__all__ = ["TRANSPARENT", "Cell", "Color", "Grid", "Grids", "Integer", "Object", "Objects"]

Color = NewType("Color", int)  # 0-9; TRANSPARENT marks "no cell" inside objects and masks
Integer = NewType("Integer", int)  # counts, sizes, offsets, factors
Cell = tuple[int, int]  # (row, column)
TRANSPARENT = Color(-1)
CellArray: TypeAlias = "np.ndarray[tuple[int, int], np.dtype[np.int8]]"  # a Grid's cells


class Grid:
    """A rectangular block of colours, read-only, hashed by its contents.

    >>> g = Grid([[1, 2], [3, 4]])
    >>> g.shape, g.to_list()[0], g == Grid([[1, 2], [3, 4]]), g == Grid([[1, 2]])
    ((2, 2), [1, 2], True, False)
    """

    __slots__ = ("array", "_cells", "_hash")

    def __init__(self, cells: Iterable[Iterable[int]] | np.ndarray) -> None:
        array: CellArray = np.array(cells, dtype=np.int8)
        if array.ndim != 2 or 0 in array.shape:
            raise ValueError("a grid is a non-empty 2-d block of cells")
        array.setflags(write=False)
        self.array = array
        self._cells = array.tobytes()
        self._hash = hash((array.shape, self._cells))

    @classmethod
    def of(cls, array: CellArray) -> Grid:
        """A grid on a read-only, non-empty 2-d int8 array, without copying it."""
        grid = cls.__new__(cls)
        grid.array = array
        grid._cells = array.tobytes()
        grid._hash = hash((array.shape, grid._cells))
        return grid

    @property
    def shape(self) -> tuple[int, int]:
        return self.array.shape

    @property
    def height(self) -> int:
        return self.array.shape[0]

    @property
    def width(self) -> int:
        return self.array.shape[1]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Grid)
            and self._hash == other._hash
            and self._cells == other._cells
            and self.array.shape == other.array.shape
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Grid({self.to_list()})"

    def to_list(self) -> list[list[int]]:
        """The cells as plain nested lists of ints (the ARC JSON form)."""
        return self.array.tolist()


class Object:
    """Connected cells cut from a grid: a patch (TRANSPARENT where the object has no cell)
    and the row and column of the patch's top-left corner in the grid it came from.

    >>> o = Object(Grid([[5, -1], [5, 5]]), 1, 2)
    >>> o.size, o.colors, o.cells
    (3, (5,), ((1, 2), (2, 2), (2, 3)))
    """

    __slots__ = ("patch", "row", "col", "_hash")

    def __init__(self, patch: Grid, row: int, col: int) -> None:
        self.patch = patch
        self.row = row
        self.col = col
        self._hash = hash((patch, row, col))

    @property
    def mask(self) -> np.ndarray:
        """Which cells of the patch belong to the object."""
        mask: np.ndarray = self.patch.array != TRANSPARENT
        return mask

    @property
    def size(self) -> int:
        return int(self.mask.sum())

    @property
    def colors(self) -> tuple[int, ...]:
        """The object's colours, ascending."""
        return tuple(int(c) for c in np.unique(self.patch.array[self.mask]))

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The grid positions the object covers, in reading order."""
        rows, cols = np.nonzero(self.mask)
        return tuple(
            (int(r) + self.row, int(c) + self.col) for r, c in zip(rows, cols, strict=True)
        )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Object)
            and (self.row, self.col) == (other.row, other.col)
            and self.patch == other.patch
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Object({self.patch!r}, {self.row}, {self.col})"


Objects = tuple[Object, ...]
Grids = tuple[Grid, ...]
