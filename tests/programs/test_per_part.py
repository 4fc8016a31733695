from abduce.programs import Sandbox
from abduce.programs.dsl import Grid, components, multicolor_components, recolor_by_size_rank
from abduce.programs.search import _Goal, search
from abduce.programs.search.enumeration import Enumerator, Node
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.programs.search.per_part import PerPart
from abduce.programs.search.vocabulary import dsl_vocabulary
from abduce.tasks import Task


def task(*pairs, test) -> Task:
    train = [{"input": i, "output": o} for i, o in pairs]
    return Task.model_validate({"id": "t", "train": train, "test": [{"input": test}]})


# Each object flipped left to right where it stands: no single primitive does that.
FLIP_EACH = task(
    (
        [[1, 1, 0, 0, 0], [1, 2, 0, 0, 0], [0, 0, 0, 3, 4], [0, 0, 0, 0, 3]],
        [[1, 1, 0, 0, 0], [2, 1, 0, 0, 0], [0, 0, 0, 4, 3], [0, 0, 0, 3, 0]],
    ),
    (
        [[0, 5, 6, 0], [0, 5, 5, 0], [0, 0, 0, 0], [7, 8, 0, 0]],
        [[0, 6, 5, 0], [0, 5, 5, 0], [0, 0, 0, 0], [8, 7, 0, 0]],
    ),
    test=[[2, 3, 0, 0], [0, 0, 0, 0], [0, 4, 4, 1], [0, 0, 4, 4]],
)
# Each part between the lines of 5 turned upside down.
FLIP_PARTS = task(
    (
        [[1, 0, 5, 2, 2], [0, 0, 5, 0, 2], [5, 5, 5, 5, 5], [3, 3, 5, 0, 0], [0, 3, 5, 4, 0]],
        [[0, 0, 5, 0, 2], [1, 0, 5, 2, 2], [5, 5, 5, 5, 5], [0, 3, 5, 4, 0], [3, 3, 5, 0, 0]],
    ),
    (
        [[6, 6, 5, 0, 0], [0, 0, 5, 0, 7], [5, 5, 5, 5, 5], [0, 0, 5, 8, 8], [1, 0, 5, 0, 8]],
        [[0, 0, 5, 0, 7], [6, 6, 5, 0, 0], [5, 5, 5, 5, 5], [1, 0, 5, 0, 8], [0, 0, 5, 8, 8]],
    ),
    test=[[2, 0, 5, 3, 3], [2, 0, 5, 0, 0], [5, 5, 5, 5, 5], [0, 4, 5, 0, 0], [4, 4, 5, 0, 6]],
)


def test_finds_a_program_for_each_object_and_describes_it():
    found = search(FLIP_EACH, seconds=60, max_evaluations=20_000)
    best = found.candidates[0]
    assert best.test_outputs == [[[3, 2, 0, 0], [0, 0, 0, 0], [0, 1, 4, 4], [0, 4, 4, 0]]]
    assert best.expr.op == "map_objects"
    assert best.expr.args[2].literal == Expr("flip_left_right", (Expr(INPUT),))
    assert best.description.endswith(
        "for each object, run a program on its box and put the result back in place: "
        "flip the grid left to right"
    )
    inputs = [example.input for example in FLIP_EACH.train + FLIP_EACH.test]
    results = Sandbox(workers=1).run(best.source, inputs)
    assert [r.value for r in results] == [
        *(example.output for example in FLIP_EACH.train),
        *best.test_outputs,
    ]


# The objects cut out and joined left to right, the smallest first.
SMALLEST_FIRST = task(
    (
        [[3, 3, 3, 0, 0], [3, 3, 3, 0, 1], [0, 0, 0, 0, 1], [2, 2, 0, 0, 0], [2, 2, 0, 0, 0]],
        [[1, 2, 2, 3, 3, 3], [1, 2, 2, 3, 3, 3]],
    ),
    (
        [
            [0, 0, 0, 0, 0],
            [4, 4, 0, 5, 0],
            [4, 4, 0, 5, 0],
            [0, 0, 0, 0, 0],
            [6, 6, 6, 0, 0],
            [6, 6, 6, 0, 0],
        ],
        [[5, 4, 4, 6, 6, 6], [5, 4, 4, 6, 6, 6]],
    ),
    test=[
        [8, 0, 7, 7, 7, 7],
        [8, 0, 7, 7, 7, 7],
        [0, 0, 0, 0, 0, 0],
        [9, 9, 9, 0, 0, 0],
        [9, 9, 9, 0, 0, 0],
    ],
)


def test_finds_an_arrangement_of_the_objects_in_a_learned_order():
    best = search(SMALLEST_FIRST, seconds=60, max_evaluations=20_000).candidates[0]
    assert best.test_outputs == [[[8, 9, 9, 9, 7, 7, 7, 7], [8, 9, 9, 9, 7, 7, 7, 7]]]
    assert best.expr.op == "arrange_objects"
    assert best.expr.args[2:4] == (literal("size"), literal(False))
    inputs = [example.input for example in SMALLEST_FIRST.train + SMALLEST_FIRST.test]
    results = Sandbox(workers=1).run(best.source, inputs)
    assert [r.value for r in results][-1] == best.test_outputs[0]


def test_finds_a_program_for_each_part_between_separator_lines():
    best = search(FLIP_PARTS, seconds=60, max_evaluations=20_000).candidates[0]
    assert best.expr.op == "map_parts"
    assert best.test_outputs == [
        [[2, 0, 5, 0, 0], [2, 0, 5, 3, 3], [5, 5, 5, 5, 5], [4, 4, 5, 0, 6], [0, 4, 5, 0, 0]]
    ]


def test_a_nested_search_sees_each_box_once_and_its_evaluations_count():
    grid = Grid([[1, 2, 0], [0, 0, 0], [0, 0, 3]])
    wanted = Grid([[4, 2, 0], [0, 0, 0], [0, 0, 3]])
    enumerator = Enumerator([grid], [], {}, max_evaluations=1_000, deadline=None)
    asked, recorded = [], []

    def solve(sub: Task, deadline: float | None, evaluations: int) -> tuple[Expr | None, int]:
        asked.append((sub, deadline, evaluations))
        return Expr("recolor", (Expr(INPUT),)), 7

    per_part = PerPart(
        [grid], [grid], (wanted,), dsl_vocabulary().functions, recorded.append, solve, enumerator
    )
    objects = Node(Expr("components", (Expr(INPUT),)), (components(grid),))
    per_part.check_objects(objects)
    per_part.check_objects(objects)  # the same crops: no second nested search
    [(sub, deadline, evaluations)] = asked
    pairs = [(e.input, e.known_output()) for e in sub.train]
    assert pairs == [([[1]], [[4]]), ([[2]], [[2]]), ([[3]], [[3]])]
    # a quarter of the nested searches' quarter, each on 3 crops where the task has 1 input
    assert deadline is None and evaluations == 1_000 // 4 // 4 // 3
    assert enumerator.evaluations == 7 * 3
    assert recorded[0].op == "map_objects"


def test_no_nested_search_when_cells_change_outside_the_boxes():
    grid = Grid([[1, 0, 0], [0, 0, 0]])
    wanted = Grid([[4, 0, 0], [0, 0, 6]])
    enumerator = Enumerator([grid], [], {}, max_evaluations=1_000, deadline=None)

    def solve(sub: Task, deadline: float | None, evaluations: int) -> tuple[Expr | None, int]:
        raise AssertionError("no nested search expected")

    per_part = PerPart(
        [grid], [grid], (wanted,), dsl_vocabulary().functions, print, solve, enumerator
    )
    per_part.check_objects(Node(Expr("components", (Expr(INPUT),)), (components(grid),)))


def test_a_learned_feature_selects_the_objects_whose_boxes_change():
    # The largest object is flipped: the 4 4 2 box changes in one pair, not in the other.
    blank = [0, 0, 0, 0]
    grids = [Grid([[4, 4, 2, 0], blank, [0, 5, 0, 0]]), Grid([[4, 4, 2, 0], blank, [5, 5, 5, 6]])]
    wanted = (Grid([[2, 4, 4, 0], blank, [0, 5, 0, 0]]), Grid([[4, 4, 2, 0], blank, [6, 5, 5, 5]]))
    enumerator = Enumerator(grids, [], {}, max_evaluations=1_000, deadline=None)
    asked, recorded = [], []

    def solve(sub: Task, deadline: float | None, evaluations: int) -> tuple[Expr | None, int]:
        asked.append([(e.input, e.known_output()) for e in sub.train])
        return Expr("flip_left_right", (Expr(INPUT),)), 1

    per_part = PerPart(
        grids, grids, wanted, dsl_vocabulary().functions, recorded.append, solve, enumerator
    )
    objects = Expr("multicolor_components", (Expr(INPUT),))
    per_part.check_objects(Node(objects, tuple(multicolor_components(g) for g in grids)))
    assert asked == [[([[4, 4, 2]], [[2, 4, 4]]), ([[5, 5, 5, 6]], [[6, 5, 5, 5]])]]
    [expr] = recorded
    feature = literal("size rank, largest first")
    assert expr.args[1] == Expr("objects_where", (objects, feature, literal((0,))))


def test_a_learned_step_skips_a_program_that_fails_on_a_test_input():
    # Nested searches meet this often: a crop of a test input where a primitive refuses.
    pairs = [([[1, 0, 1]], [[5, 0, 6]]), ([[1, 1, 0, 1]], [[6, 6, 0, 6]])]
    train = [{"input": i, "output": o} for i, o in pairs]
    ten_objects = [[1, 0] * 10]  # recolor_by_size_rank refuses more than nine
    goal = _Goal(Task.model_validate({"id": "t", "train": train, "test": [{"input": ten_objects}]}))
    values = tuple(recolor_by_size_rank(Grid(i)) for i, _ in pairs)
    goal.check(Node(Expr("recolor_by_size_rank", (Expr(INPUT),)), values))
    assert goal.candidates == {}
