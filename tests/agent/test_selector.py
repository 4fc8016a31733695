from abduce.agent import ExampleVerdict, Verdict, VoteSelector
from abduce.tasks import Task

TASK = Task(id="t", train=[{"input": [[1]], "output": [[2]]}], test=[{"input": [[5]]}])
A, B, C, D = [[1]], [[2]], [[3]], [[4]]


def verdict(name: str, output, passed: bool, score: float = 0.0) -> Verdict:
    example = ExampleVerdict(index=0, passed=passed, score=1.0 if passed else score)
    return Verdict(program_id=name, examples=[example], test_outputs=[output])


def select(*verdicts: Verdict) -> list:
    return VoteSelector().select(TASK, list(verdicts))[0]


def test_majority_of_passing_programs_comes_first():
    assert select(verdict("p1", A, True), verdict("p2", B, True), verdict("p3", B, True)) == [B, A]


def test_ties_keep_the_order_found():
    assert select(verdict("p1", A, True), verdict("p2", B, True)) == [A, B]


def test_partial_programs_fill_remaining_slots_by_train_accuracy():
    chosen = select(
        verdict("p1", C, False, 0.2), verdict("p2", A, True), verdict("p3", D, False, 0.9)
    )
    assert chosen == [A, D]


def test_at_most_two_distinct_attempts():
    chosen = select(*(verdict(f"p{i}", out, True) for i, out in enumerate([A, A, B, C, D])))
    assert chosen == [A, B]


def test_an_attempt_equal_to_the_input_is_skipped():
    assert select(verdict("p1", [[5]], True), verdict("p2", C, False, 0.1)) == [C]


def test_the_input_is_used_only_when_nothing_else_exists():
    assert select(verdict("p1", [[5]], True)) == [[[5]]]
    assert select(verdict("p1", None, False)) == [[[5]]]
    assert select() == [[[5]]]


def test_programs_that_crashed_on_the_test_input_are_ignored():
    assert select(verdict("p1", None, True), verdict("p2", B, False, 0.5)) == [B]
