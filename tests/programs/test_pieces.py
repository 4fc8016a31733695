import re
from functools import cache

from abduce.programs import Sandbox
from abduce.programs.dsl import Color, Grid, fill_background, keep_color, overlay
from abduce.programs.search import SearchResult, search
from abduce.programs.search.enumeration import Node
from abduce.programs.search.expr import Expr, literal
from abduce.programs.search.pieces import Pieces
from abduce.tasks import Task


def task(*pairs, test) -> Task:
    train = [{"input": i, "output": o} for i, o in pairs]
    return Task.model_validate({"id": "t", "train": train, "test": [{"input": test}]})


# The input, with its 3s mirrored left to right and its 5s mirrored top to bottom added: the
# union of two colour-filtered transforms over the input, beyond the search's cost levels.
UNION = task(
    (
        [[5, 0, 0, 0, 0, 3], [5, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
         [0, 0, 0, 3, 5, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]],
        [[5, 0, 0, 0, 0, 3], [5, 0, 0, 0, 0, 0], [0, 0, 0, 0, 5, 0],
         [0, 0, 3, 3, 5, 0], [5, 0, 0, 0, 0, 0], [5, 0, 0, 0, 0, 0]],
    ),
    (
        [[0, 0, 5, 0, 0, 0], [5, 0, 0, 0, 3, 0], [0, 3, 0, 0, 0, 0],
         [0, 0, 0, 0, 0, 0], [0, 0, 3, 0, 0, 0], [0, 0, 0, 0, 0, 0]],
        [[0, 0, 5, 0, 0, 0], [5, 3, 0, 0, 3, 0], [0, 3, 0, 0, 3, 0],
         [0, 0, 0, 0, 0, 0], [5, 0, 3, 3, 0, 0], [0, 0, 5, 0, 0, 0]],
    ),
    (
        [[0, 0, 0, 0, 0, 0], [0, 3, 0, 0, 0, 0], [5, 0, 3, 0, 0, 0],
         [0, 0, 0, 0, 0, 0], [0, 0, 5, 0, 0, 0], [0, 0, 0, 5, 0, 3]],
        [[0, 0, 0, 5, 0, 0], [0, 3, 5, 0, 3, 0], [5, 0, 3, 3, 0, 0],
         [5, 0, 0, 0, 0, 0], [0, 0, 5, 0, 0, 0], [3, 0, 0, 5, 0, 3]],
    ),
    test=[[0, 0, 5, 0, 0, 0], [0, 0, 0, 3, 0, 0], [3, 0, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0], [0, 0, 5, 0, 0, 0], [0, 0, 0, 0, 0, 0]],
)  # fmt: skip
UNION_TEST_OUTPUT = [
    [0, 0, 5, 0, 0, 0], [0, 0, 5, 3, 0, 0], [3, 0, 0, 0, 0, 3],
    [0, 0, 0, 0, 0, 0], [0, 0, 5, 0, 0, 0], [0, 0, 5, 0, 0, 0],
]  # fmt: skip


@cache
def union_search() -> SearchResult:
    return search(UNION, seconds=None, max_evaluations=4000)


def test_assembles_an_output_no_single_program_reaches():
    assert search(UNION, seconds=None, max_evaluations=4000, pieces=False).candidates == []
    found = union_search()
    assert found.stopped == "assembled from pieces"
    best = found.candidates[0]
    assert best.test_outputs == [UNION_TEST_OUTPUT]
    assert best.expr.op == "overlay"
    assert sorted(re.findall(r"keep_color\(x\d+, (\d)\)", best.source)) == ["3", "5"]


def test_the_assembled_program_runs_in_the_sandbox_and_agrees():
    best = union_search().candidates[0]
    inputs = [example.input for example in UNION.train + UNION.test]
    results = Sandbox(workers=1).run(best.source, inputs)
    assert [r.value for r in results] == [
        *(example.output for example in UNION.train),
        UNION_TEST_OUTPUT,
    ]


def test_contradicting_pairs_assemble_nothing():
    # The first two pairs share their input but not their output: no program, so no cover.
    first, second, third = UNION.train
    contradiction = task(
        (first.input, first.output),
        (first.input, second.output),
        (third.input, third.output),
        test=second.input,
    )
    found = search(contradiction, seconds=None, max_evaluations=4000)
    assert (found.stopped, found.candidates) == ("budget spent", [])


def test_a_value_is_a_piece_only_where_it_never_contradicts_an_output():
    wanted = (Grid([[1, 2], [0, 0]]),)
    pieces = Pieces([Grid([[0, 0], [0, 0]])], wanted, [Grid([[0, 0], [0, 0]])])
    assert pieces.pieces == {}  # the blank input covers nothing
    values = {
        "a": Grid([[1, 0], [0, 0]]),  # right wherever it is filled: a piece as it is
        "b": Grid([[0, 2], [3, 0]]),  # its 3 is wrong: only its 2s are a piece
        "c": Grid([[1, 2, 0]]),  # another shape: nothing
    }
    for name, value in values.items():
        pieces.offer(Node(Expr(name), (value,)))
    b2 = Expr("keep_color", (Expr("b"), literal(Color(2))))
    assert [piece.expr for piece in pieces.pieces.values()] == [Expr("a"), b2]
    functions = {name: (lambda value=value: value) for name, value in values.items()}
    functions |= {"keep_color": keep_color, "overlay": overlay, "fill_background": fill_background}
    # "a" gets all but one cell right as the bottom layer; "b"'s 2s cover that one
    assert pieces.covers(functions)[0] == Expr("overlay", (b2, Expr("a")))
