import pytest

from abduce.programs.search.features import NAMES, task_features
from abduce.tasks import Task


def features(*pairs) -> dict[str, float]:
    train = [{"input": i, "output": o} for i, o in pairs]
    task = Task.model_validate({"id": "t", "train": train, "test": [{"input": [[0]]}]})
    return dict(zip(NAMES, task_features(task), strict=True))


FLIP = ([[1, 2, 0], [3, 0, 0]], [[0, 2, 1], [0, 0, 3]])
UPSCALE = ([[1, 0], [0, 2]], [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 2, 2], [0, 0, 2, 2]])
CROP = ([[0, 0, 0, 0], [0, 5, 6, 0], [0, 0, 0, 0]], [[5, 6]])
FILL = ([[0, 0, 0], [0, 3, 0], [0, 0, 0]], [[0, 4, 0], [4, 3, 4], [0, 4, 0]])


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        (
            FLIP,
            {
                "same_shape": 1,
                "is_flip_left_right": 1,
                "is_flip_up_down": 0,
                "changed_fraction": 4 / 6,
            },
        ),
        (
            UPSCALE,
            {"output_larger": 1, "output_multiple": 1, "input_in_output": 1, "log_area_ratio": 2},
        ),
        (CROP, {"output_smaller": 1, "output_in_input": 1, "output_line": 1, "background_kept": 0}),
        (
            FILL,
            {
                "colors_added": 1,
                "only_background_changed": 1,
                "same_object_count": 0,
                "objects_out": 5 / 20,
            },
        ),
    ],
)
def test_features_of_literal_pairs(pair, expected):
    values = features(pair)
    assert {name: values[name] for name in expected} == pytest.approx(expected)


def test_flags_are_averaged_over_the_pairs():
    values = features(FLIP, ([[1, 2]], [[1, 2]]))
    assert values["is_flip_left_right"] == 0.5
    assert values["same_shape"] == 1
