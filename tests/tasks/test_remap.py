import pytest

from abduce.tasks.remap import REMAP_MODES, Remap
from tests.fakes import FLIP


@pytest.mark.parametrize("mode", REMAP_MODES)
@pytest.mark.parametrize("seed", range(1, 6))
def test_a_draw_is_a_permutation_that_moves_some_color(mode, seed):
    remap = Remap.draw(mode, seed)
    assert sorted(remap.permutation) == list(range(10))
    assert remap.permutation != tuple(range(10))
    assert remap == Remap.draw(mode, seed)


def test_colors_mode_keeps_the_background_all_mode_moves_it_and_seeds_differ():
    draws = [Remap.draw("colours", seed) for seed in range(1, 21)]
    assert all(draw.permutation[0] == 0 for draw in draws)
    assert len({draw.permutation for draw in draws}) == 20
    assert all(Remap.draw("all", seed).permutation[0] != 0 for seed in range(1, 21))


def test_every_grid_of_a_task_is_remapped_consistently():
    remap = Remap.draw("all", 3)
    task = remap.task(FLIP)
    assert task.id == "flip@all-3"
    seen: dict[int, int] = {}
    for original, new in zip(FLIP.train + FLIP.test, task.train + task.test, strict=True):
        for grid, image in ((original.input, new.input), (original.output, new.output)):
            for row, image_row in zip(grid, image, strict=True):
                for cell, image_cell in zip(row, image_row, strict=True):
                    assert seen.setdefault(cell, image_cell) == image_cell
    assert len(set(seen.values())) == len(seen)


def test_the_inverse_maps_answers_back():
    remap = Remap.draw("colours", 2)
    grid = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    assert remap.inverse().grid(remap.grid(grid)) == grid
    assert remap.grid(grid) != grid
