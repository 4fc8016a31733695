"""Final steps whose parameters are read from the train pairs instead of enumerated."""

from __future__ import annotations

import numpy as np

from abduce.programs.dsl import TRANSPARENT, Grid, Objects
from abduce.programs.dsl.maps import FEATURES, ColorMap, object_features


def learn_color_map(got: tuple[Grid, ...], wanted: tuple[Grid, ...]) -> ColorMap | None:
    """The one colour table turning every `got` grid into its `wanted` grid, if it exists.

    >>> learn_color_map((Grid([[1, 2]]),), (Grid([[3, 2]]),))
    ((1, 3),)
    >>> learn_color_map((Grid([[1, 1]]),), (Grid([[3, 2]]),)) is None
    True
    """
    if any(g.shape != w.shape for g, w in zip(got, wanted, strict=True)):
        return None
    source = np.concatenate([g.array.ravel() for g in got]).astype(np.int16)
    target = np.concatenate([w.array.ravel() for w in wanted]).astype(np.int16)
    pairs = np.unique((source + 1) * 16 + target)
    sources = pairs // 16 - 1
    if len(np.unique(sources)) != len(sources):
        return None
    table = tuple((int(s), int(t)) for s, t in zip(sources, pairs % 16, strict=True) if s != t)
    return table or None


def learn_object_colors(
    canvases: tuple[Grid, ...], objects: tuple[Objects, ...], wanted: tuple[Grid, ...]
) -> tuple[str, ColorMap] | None:
    """A feature and a table from its values to colours that, painted over the train
    canvases, give the wanted grids; unchanged objects map to TRANSPARENT ("keep")."""
    actions = []  # per object: the colour it becomes, or TRANSPARENT if unchanged
    for canvas, objs, target in zip(canvases, objects, wanted, strict=True):
        if canvas.shape != target.shape:
            return None
        covered = np.zeros(canvas.shape, dtype=bool)
        for obj in objs:
            if obj.row + obj.patch.height > canvas.height or (
                obj.col + obj.patch.width > canvas.width
            ):
                return None  # objects of another grid
            rows, cols = np.nonzero(obj.mask)
            rows, cols = rows + obj.row, cols + obj.col
            covered[rows, cols] = True
            after, before = target.array[rows, cols], canvas.array[rows, cols]
            if (after == before).all():
                actions.append(int(TRANSPARENT))
            elif (after == after[0]).all():
                actions.append(int(after[0]))
            else:
                return None
        if (canvas.array[~covered] != target.array[~covered]).any():
            return None
    if all(action == TRANSPARENT for action in actions):
        return None
    for feature in FEATURES:
        values = [v for objs in objects for v in object_features(objs, feature)]
        table: dict[int, int] = {}
        if all(table.setdefault(v, a) == a for v, a in zip(values, actions, strict=True)):
            return feature, tuple(sorted(table.items()))
    return None
