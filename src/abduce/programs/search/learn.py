"""Final steps whose parameters are read from the train pairs instead of enumerated."""

from __future__ import annotations

import numpy as np

from abduce.programs.dsl import TRANSPARENT, Grid, Object, Objects, crop_object, object_subgrid
from abduce.programs.dsl.maps import FEATURES, ColorMap, neighbourhood_codes, object_features


def learn_color_map(got: tuple[Grid, ...], wanted: tuple[Grid, ...]) -> ColorMap | None:
    """The one colour table turning every `got` grid into its `wanted` grid, if it exists.

    >>> learn_color_map((Grid([[1, 2]]),), (Grid([[3, 2]]),))
    ((1, 3),)
    >>> learn_color_map((Grid([[1, 1]]),), (Grid([[3, 2]]),)) is None
    True
    """
    if any(g.shape != w.shape for g, w in zip(got, wanted, strict=True)):
        return None
    source = np.concatenate([g.array.ravel() for g in got])
    target = np.concatenate([w.array.ravel() for w in wanted])
    return _table(source, target) or None


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
    for cut in ("crop_object", "object_subgrid"):
        matches = [
            [
                i
                for i, obj in enumerate(objs)
                if obj.patch.shape == target.shape and _cut(cut, obj, grid) == target
            ]
            for grid, objs, target in zip(inputs, objects, wanted, strict=True)
        ]
        if not all(matches):
            continue
        for feature in FEATURES:
            values = [object_features(objs, feature) for objs in objects]
            chosen = {
                found[i] for found, indices in zip(values, matches, strict=True) for i in indices
            }
            if len(chosen) == 1 and all(found.count(*chosen) == 1 for found in values):
                return cut, feature, chosen.pop()
    return None


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
    sources, targets = [], []
    for top, canvas, target in zip(got, canvases, wanted, strict=True):
        if not top.shape == canvas.shape == target.shape:
            return None
        painted = top.array != 0
        if (canvas.array[~painted] != target.array[~painted]).any():
            return None
        sources.append(top.array[painted])
        targets.append(target.array[painted])
    source = np.concatenate(sources)
    return _table(source, np.concatenate(targets)) if len(source) else None
