"""Cheap numeric features of a task's train pairs, the learned prior's input: how shapes,
colours, objects and symmetries relate between each input and its output.

Each feature is computed per pair and averaged over the pairs, so a flag reads as "the
fraction of pairs where this holds".

>>> from abduce.tasks import Task
>>> pair = {"input": [[1, 2], [3, 4]], "output": [[2, 1], [4, 3]]}
>>> task = Task.model_validate({"id": "t", "train": [pair], "test": [{"input": [[1]]}]})
>>> values = dict(zip(NAMES, task_features(task).tolist()))
>>> values["same_shape"], values["is_flip_left_right"], values["is_rotation"]
(1.0, 1.0, 0.0)
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from abduce.programs.dsl import Grid, components
from abduce.tasks import Task

Array = npt.NDArray[np.int8]
Vector = npt.NDArray[np.float64]


def _background(a: Array) -> int:
    """The commonest colour on the grid's edge."""
    edge = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    return int(np.bincount(edge, minlength=10).argmax())


def _colors(a: Array) -> set[int]:
    return {int(c) for c in np.unique(a)}


def _contains(big: Array, small: Array) -> bool:
    """Whether `small` appears as a block inside `big`."""
    if small.shape[0] > big.shape[0] or small.shape[1] > big.shape[1]:
        return False
    windows = np.lib.stride_tricks.sliding_window_view(big, small.shape)
    return bool((windows == small).all(axis=(2, 3)).any())


def _ratio(big: int, small: int) -> bool:
    """Whether `big` is a whole multiple (at least 2) of `small`."""
    return big >= 2 * small and big % small == 0


def _period(a: Array, axis: int) -> bool:
    """Whether the grid repeats along `axis` with a period shorter than its length."""
    lines = np.moveaxis(a, axis, 0)
    steps = range(1, len(lines) // 2 + 1)
    return any(np.array_equal(lines[step:], lines[:-step]) for step in steps)


def _separators(a: Array) -> bool:
    """Whether some full inner row or column has one colour that is not the background."""
    background = _background(a)
    for lines in (a, a.T):
        for line in lines[1:-1]:
            if (line == line[0]).all() and line[0] != background:
                return True
    return False


def _objects(a: Array) -> int:
    return len(components(Grid(a)))


def _pair(i: Array, o: Array) -> dict[str, float]:
    """The features of one input/output pair."""
    same = i.shape == o.shape
    cin, cout = _colors(i), _colors(o)
    bg_in, bg_out = _background(i), _background(o)
    changed = (i != o) if same else None
    oi, oo = _objects(i), _objects(o)
    return {
        "same_shape": same,
        "output_smaller": o.size < i.size,
        "output_larger": o.size > i.size,
        "transposed_shape": o.shape == i.shape[::-1] and not same,
        "output_multiple": _ratio(o.shape[0], i.shape[0]) or _ratio(o.shape[1], i.shape[1]),
        "output_fraction": _ratio(i.shape[0], o.shape[0]) or _ratio(i.shape[1], o.shape[1]),
        "same_height": o.shape[0] == i.shape[0],
        "same_width": o.shape[1] == i.shape[1],
        "log_area_ratio": float(np.log2(o.size / i.size)),
        "output_single_cell": o.size == 1,
        "output_line": 1 in o.shape and o.size > 1,
        "output_in_input": _contains(i, o),
        "input_in_output": _contains(o, i),
        "is_flip_left_right": np.array_equal(o, i[:, ::-1]),
        "is_flip_up_down": np.array_equal(o, i[::-1]),
        "is_rotation": any(np.array_equal(o, np.rot90(i, k)) for k in (1, 2, 3)),
        "is_transpose": np.array_equal(o, i.T) or np.array_equal(o, np.rot90(i, 2).T),
        "colors_in": len(cin) / 10,
        "colors_out": len(cout) / 10,
        "colors_added": bool(cout - cin),
        "colors_removed": bool(cin - cout),
        "same_colors": cin == cout,
        "background_kept": bg_in == bg_out,
        "background_zero": bg_in == 0,
        "changed_fraction": float(changed.mean()) if changed is not None else 1.0,
        "only_background_changed": changed is not None
        and bool(changed.any())
        and bool((i[changed] == bg_in).all()),
        "only_foreground_changed": changed is not None
        and bool(changed.any())
        and bool((i[changed] != bg_in).all()),
        "changes_to_foreground": changed is not None and bool((o[changed] != bg_out).all()),
        "objects_in": min(oi, 20) / 20,
        "objects_out": min(oo, 20) / 20,
        "same_object_count": oi == oo,
        "fewer_objects": oo < oi,
        "input_symmetric": np.array_equal(i, i[:, ::-1]) or np.array_equal(i, i[::-1]),
        "output_symmetric": np.array_equal(o, o[:, ::-1]) or np.array_equal(o, o[::-1]),
        "input_periodic": _period(i, 0) or _period(i, 1),
        "output_periodic": _period(o, 0) or _period(o, 1),
        "input_separators": _separators(i),
        "output_separators": _separators(o),
        "input_size": min(i.size, 900) / 900,
    }


_EXAMPLE = np.zeros((1, 1), dtype=np.int8)
NAMES: tuple[str, ...] = tuple(_pair(_EXAMPLE, _EXAMPLE))


def task_features(task: Task) -> Vector:
    """The mean of each feature over the task's train pairs, in the order of `NAMES`."""
    rows = [
        [float(v) for v in _pair(_array(pair.input), _array(pair.output)).values()]
        for pair in task.train
        if pair.output is not None
    ]
    means: Vector = np.asarray(rows, dtype=np.float64).mean(axis=0)
    return means


def _array(grid: list[list[int]]) -> Array:
    return np.asarray(grid, dtype=np.int8)
