from __future__ import annotations

import pytest

from abduce.programs.search import Candidate, search
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.programs.search.ranking import predict_palettes, rank
from abduce.tasks import Task

GRID = Expr(INPUT)
FLIP = Expr("flip_left_right", (GRID,))
FLIP_TWICE = Expr("flip_up_down", (FLIP,))
TABLE = Expr("apply_color_map", (FLIP, literal(((1, 2), (3, 4)))))


def _candidate(expr: Expr, answer: list[list[int]], votes: int = 1) -> Candidate:
    return Candidate(expr, [answer], votes=votes)


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        (_candidate(FLIP_TWICE, [[1, 2]]), _candidate(FLIP, [[1, 2, 3]]), "predicted size"),
        (_candidate(FLIP_TWICE, [[1, 2]]), _candidate(FLIP, [[1, 7]]), "allowed colours"),
        (_candidate(FLIP, [[1, 2]]), _candidate(FLIP_TWICE, [[2, 1]]), "fewer steps"),
        (_candidate(FLIP_TWICE, [[1, 2]]), _candidate(TABLE, [[2, 1]]), "no learned table"),
        (_candidate(FLIP, [[1, 2]], votes=2), _candidate(FLIP, [[2, 1]]), "more programs agree"),
    ],
)
def test_rank_puts_the_likelier_answer_first(first: Candidate, second: Candidate, why: str):
    for order in ([first, second], [second, first]):
        assert rank(order, [(1, 2)], [frozenset({1, 2})]) == [first, second], why


@pytest.mark.parametrize(
    ("pairs", "test_input", "allowed"),
    [
        ([([[1, 0]], [[0, 1]])], [[2, 0]], {0, 2}),  # only the input's colours
        ([([[1, 0]], [[1, 5]]), ([[2]], [[5]])], [[3]], {3, 5}),  # and the colour the rule adds
        ([([[1, 2]], [[1]])], [[4, 4]], {4}),  # colours may disappear
    ],
)
def test_predict_palettes(pairs, test_input, allowed):
    train = [{"input": i, "output": o} for i, o in pairs]
    task = Task.model_validate({"id": "t", "train": train, "test": [{"input": test_input}]})
    assert predict_palettes(task) == [frozenset(allowed)]


def test_search_answers_first_with_the_program_that_keeps_the_palette():
    """A table 0 -> 1 and "paint the grid its most common colour" agree on the train pair; the
    table is simpler, but on the test input it would paint a colour the train pair never
    adds to an input without it."""
    pair = {"input": [[1, 1, 0]], "output": [[1, 1, 1]]}
    task = Task.model_validate({"id": "t", "train": [pair], "test": [{"input": [[3, 3, 0]]}]})
    found = search(task, seconds=None, max_evaluations=5_000).candidates
    answers = [c.test_outputs[0] for c in found]
    assert answers[0] == [[3, 3, 3]]
    assert [[3, 3, 1]] in answers[1:]
