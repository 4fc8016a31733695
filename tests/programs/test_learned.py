import json

import pytest

from abduce.errors import PriorError
from abduce.programs.search.corpus import ARC_SOURCE, Entry
from abduce.programs.search.learned import (
    Weights,
    learned_prior,
    searchable_names,
    shipped_weights,
    train,
)
from abduce.tasks import Task

GRIDS = [
    [[1, 2, 0], [3, 0, 0]],
    [[0, 5], [6, 7], [0, 8]],
    [[4, 4, 1, 0]],
    [[2, 0, 0], [0, 3, 0], [9, 0, 1]],
    [[7, 0], [0, 6]],
    [[0, 1, 1], [2, 2, 0]],
]


def flip(grid):
    return [row[::-1] for row in grid]


def upscale(grid):
    return [[cell for cell in row for _ in range(2)] for row in grid for _ in range(2)]


def make(name, function, grids) -> Task:
    train = [{"input": g, "output": function(g)} for g in grids]
    return Task.model_validate({"id": name, "train": train, "test": [{"input": grids[0]}]})


TASKS = {
    **{f"flip{i}": make(f"flip{i}", flip, GRIDS[i : i + 2]) for i in range(4)},
    **{f"up{i}": make(f"up{i}", upscale, GRIDS[i : i + 2]) for i in range(4)},
}
CORPUS = [
    Entry(task=name, source=ARC_SOURCE, program="", primitives=(primitive,))
    for name, primitive in [
        *((f"flip{i}", "flip_left_right") for i in range(4)),
        *((f"up{i}", "upscale") for i in range(4)),
    ]
]


@pytest.fixture(scope="module")
def weights() -> Weights:
    return train(CORPUS, TASKS)


def test_a_flip_task_ranks_flipping_first_and_an_upscale_task_upscaling(weights):
    flip_task = make("new", flip, [[[5, 0, 0], [0, 0, 6]], [[1, 2], [3, 3]]])
    up_task = make("new", upscale, [[[5, 0, 0], [0, 0, 6]], [[1, 2], [3, 3]]])
    for task, best, other in [
        (flip_task, "flip_left_right", "upscale"),
        (up_task, "upscale", "flip_left_right"),
    ]:
        prior = learned_prior(task, weights).primitives
        assert max(prior, key=prior.__getitem__) == best
        costs = learned_prior(task, weights).costs([best, other], {}).applications
        assert costs[best] < costs[other]


def test_the_prior_is_a_distribution_over_every_searchable_primitive(weights):
    prior = learned_prior(TASKS["flip0"], weights).primitives
    assert sorted(prior) == sorted(searchable_names())
    assert sum(prior.values()) == pytest.approx(1)
    least = weights.mix / len(prior)
    assert min(prior.values()) >= least - 1e-12  # mixed with uniform: nothing is excluded


def test_weights_round_trip_and_stale_ones_are_refused(weights, tmp_path):
    path = tmp_path / "prior.json"
    weights.dump(path)
    assert Weights.load(path.read_text()) == weights
    stale = json.loads(path.read_text())
    stale["features"] = stale["features"][:-1]
    with pytest.raises(PriorError, match="abduce prior train"):
        Weights.load(json.dumps(stale))


def test_a_corpus_naming_an_unknown_task_is_refused():
    unknown = Entry(task="nowhere", source=ARC_SOURCE, program="", primitives=("trim",))
    with pytest.raises(PriorError, match="'nowhere', not an ARC-AGI-1 training task"):
        train([*CORPUS, unknown], TASKS)


def test_the_shipped_weights_cover_the_searchable_primitives():
    assert shipped_weights().primitives == searchable_names(), "run `abduce prior train`"
    assert shipped_weights().tasks > 100
