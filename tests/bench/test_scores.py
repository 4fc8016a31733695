import pytest

from abduce.bench import ResultLine
from abduce.bench.scores import family, robustness, scores_by


def line(task_id: str, solved: bool, remap: tuple[str, int] | None = None) -> ResultLine:
    mode_seed = {"mode": remap[0], "seed": remap[1], "permutation": []} if remap else None
    suffix = f"@{remap[0]}-{remap[1]}" if remap else ""
    return ResultLine.model_validate({
        "schema_version": 1, "task_id": task_id + suffix, "source_id": task_id,
        "remap": mode_seed, "solved": solved, "passed_train": solved, "attempts": [],
        "hypothesis": None, "program": None, "stopped": "", "llm_calls": 0, "tokens_in": 0,
        "tokens_out": 0, "seconds": 1.0, "model": "dsl-search", "seed": 0, "prompt_hash": "",
    })  # fmt: skip


LINES = [
    line("a", True), line("b", True), line("c", False), line("d", False),
    line("a", True, ("colours", 1)), line("a", False, ("colours", 2)),
    line("b", False, ("colours", 1)), line("b", False, ("colours", 2)),
    line("c", True, ("colours", 1)), line("c", False, ("colours", 2)),
    line("d", False, ("colours", 1)), line("d", False, ("colours", 2)),
    line("a", True, ("all", 1)), line("b", True, ("all", 1)),
]  # fmt: skip


def test_gamma_delta_and_flips_per_mode():
    colors, every = robustness(LINES)
    assert colors.mode == "colours"
    assert colors.gamma == 0.5  # a, b of a, b, c, d
    assert colors.gamma_remapped == 2 / 8
    assert colors.delta == pytest.approx(0.25)
    flips = {(flip.task_id, flip.remap, flip.solved_original) for flip in colors.flips}
    assert flips == {
        ("a", "colours-2", True),
        ("b", "colours-1", True),
        ("b", "colours-2", True),
        ("c", "colours-1", False),
    }
    # Γ counts only the tasks that were remapped in that mode
    assert (every.gamma, every.gamma_remapped, every.delta, every.flips) == (1.0, 1.0, 0.0, [])


def test_scores_are_grouped_by_remapping_and_by_family():
    groups = {score.group: (score.tasks, score.solved) for score in scores_by(LINES)}
    assert groups == {"original": (4, 2), "colours-1": (4, 2), "colours-2": (4, 0), "all-1": (2, 2)}
    generated = [line("flip-horizontal-3", True), line("flip-horizontal-4", False),
                 line("gravity-0", True)]  # fmt: skip
    assert family(generated[0]) == "flip-horizontal"
    by_family = {s.group: (s.tasks, s.solved, s.rate) for s in scores_by(generated, key=family)}
    assert by_family == {"flip-horizontal": (2, 1, 0.5), "gravity": (1, 1, 1.0)}
