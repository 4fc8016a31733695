"""Final steps whose parameters are read from the train pairs instead of enumerated."""

from __future__ import annotations

import numpy as np

from abduce.programs.dsl import TRANSPARENT, Grid, Object, Objects, crop_object, object_subgrid
from abduce.programs.dsl.maps import FEATURES, ColorMap, neighbourhood_codes, object_features
from abduce.programs.search.kernels import MISFIT, changes, color_table, meets, overlaid, recolored


def learn_color_map(got: tuple[Grid, ...], wanted: tuple[Grid, ...]) -> ColorMap | None:
    """The one colour table turning every `got` grid into its `wanted` grid, if it exists.

    >>> learn_color_map((Grid([[1, 2]]),), (Grid([[3, 2]]),))
    ((1, 3),)
    >>> learn_color_map((Grid([[1, 1]]),), (Grid([[3, 2]]),)) is None
    True
    """
    if any(g.shape != w.shape for g, w in zip(got, wanted, strict=True)):
        return None
    table = color_table()
    for g, w in zip(got, wanted, strict=True):
        if not meets(g.array, w.array, table):
            return None
    return changes(table) or None


def _table(source: np.ndarray, target: np.ndarray) -> ColorMap | None:
    """The pairs (s, t) with s != t, if every source value always meets the same target
    value (None if some source value meets two); sources may be codes beyond colours."""
    pairs = np.unique((source.astype(np.int64) + 1) * 16 + target)
    sources, targets = pairs // 16 - 1, pairs % 16
    if len(np.unique(sources)) != len(sources):
        return None
    return tuple((int(s), int(t)) for s, t in zip(sources, targets, strict=True) if s != t)


def learn_object_colors(
    canvases: tuple[Grid, ...], objects: tuple[Objects, ...], wanted: tuple[Grid, ...]
) -> tuple[str, ColorMap] | None:
    """A feature and a table from its values to colours that, painted over the train
    canvases, give the wanted grids; unchanged objects map to TRANSPARENT ("keep"). Of the
    features that fit, the one with the shortest table."""
    actions = []  # per object: the colour it becomes, or TRANSPARENT if unchanged
    for canvas, objs, target in zip(canvases, objects, wanted, strict=True):
        if canvas.shape != target.shape:
            return None
        covered = np.zeros(canvas.shape, dtype=bool)
        cells = (canvas.array, target.array, covered)
        for obj in objs:
            action = recolored(obj.patch.array, obj.row, obj.col, *cells)
            if action == MISFIT:
                return None
            actions.append(action)
        if (canvas.array[~covered] != target.array[~covered]).any():
            return None
    if all(action == TRANSPARENT for action in actions):
        return None
    fitting = []
    for feature in FEATURES:
        values = [v for objs in objects for v in object_features(objs, feature)]
        table: dict[int, int] = {}
        if all(table.setdefault(v, a) == a for v, a in zip(values, actions, strict=True)):
            fitting.append((feature, tuple(sorted(table.items()))))
    # the shortest table says least about the examples (ties: the first feature listed)
    return min(fitting, key=lambda found: len(found[1]), default=None)


def learn_object_choice(
    inputs: tuple[Grid, ...], objects: tuple[Objects, ...], wanted: tuple[Grid, ...]
) -> tuple[str, str, int] | None:
    """A way to cut an object out (`crop_object` or `object_subgrid`) and a feature with one
    value that, in every train input, singles out an object whose cut is the wanted output
    (the first feature listed that fits)."""
    sized = [  # both cuts keep an object's shape
        [i for i, obj in enumerate(objs) if obj.patch.array.shape == target.array.shape]
        for objs, target in zip(objects, wanted, strict=True)
    ]
    if not all(sized):
        return None
    for cut in ("crop_object", "object_subgrid"):
        matches = [
            [i for i in indices if _cut(cut, objs[i], grid) == target]
            for grid, objs, target, indices in zip(inputs, objects, wanted, sized, strict=True)
        ]
        if not all(matches):
            continue
        for feature in FEATURES:
            value = _singled_out(objects, matches, feature)
            if value is not None:
                return cut, feature, value
    return None


def _singled_out(
    objects: tuple[Objects, ...], matches: list[list[int]], feature: str
) -> int | None:
    """The one value of the feature that every matching object has and no other object of
    its train input has, if there is one (None: none; input by input, the first misfit ends
    it)."""
    chosen = None
    for objs, indices in zip(objects, matches, strict=True):
        values = object_features(objs, feature)
        picked = {values[i] for i in indices}
        if len(picked) != 1 or (chosen is not None and picked != {chosen}):
            return None
        chosen = picked.pop()
        if values.count(chosen) != 1:
            return None
    return chosen


def _cut(cut: str, obj: Object, grid: Grid) -> Grid | None:
    """The object cut out by `crop_object` or `object_subgrid`; None if it leaves the grid."""
    if cut == "crop_object":
        return crop_object(obj)
    try:
        return object_subgrid(obj, grid)
    except ValueError:
        return None


def learn_local_rule(
    got: tuple[Grid, ...], wanted: tuple[Grid, ...], diagonal: bool
) -> ColorMap | None:
    """A table from cell neighbourhoods to colours that turns every `got` grid into its
    `wanted` grid, listing only the neighbourhoods whose cell changes colour."""
    if any(g.shape != w.shape for g, w in zip(got, wanted, strict=True)):
        return None
    codes = np.concatenate([neighbourhood_codes(g, diagonal).ravel() for g in got])
    table = _table(codes, np.concatenate([w.array.ravel() for w in wanted]))
    if table is None:
        return None  # one neighbourhood, two outcomes
    centre = 12 ** (8 if diagonal else 4)  # a code's leading digit (base 12) is its cell
    return tuple((code, t) for code, t in table if code // centre - 1 != t) or None


def unseen_neighbourhoods(grids: tuple[Grid, ...], seen: tuple[Grid, ...], diagonal: bool) -> bool:
    """True if some cell of `grids` has a neighbourhood that no cell of `seen` had."""
    known = np.concatenate([neighbourhood_codes(g, diagonal).ravel() for g in seen])
    new = np.concatenate([neighbourhood_codes(g, diagonal).ravel() for g in grids])
    return not np.isin(new, known).all()


def learn_overlay(
    got: tuple[Grid, ...], canvases: tuple[Grid, ...], wanted: tuple[Grid, ...]
) -> ColorMap | None:
    """A colour table such that painting the recoloured non-background cells of each `got`
    grid over its canvas gives the wanted grid (an identity table is empty)."""
    table, painted = color_table(), 0
    for top, canvas, target in zip(got, canvases, wanted, strict=True):
        if not top.shape == canvas.shape == target.shape:
            return None
        cells = overlaid(top.array, canvas.array, target.array, table)
        if cells < 0:
            return None
        painted += cells
    return changes(table) if painted else None
