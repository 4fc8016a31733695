"""Final steps whose parameters are read from the train pairs instead of enumerated."""

from __future__ import annotations

import numpy as np

from abduce.programs.dsl import Grid
from abduce.programs.dsl.maps import ColorMap


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
