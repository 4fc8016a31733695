import pytest
import sympy

from abduce.bench.maths import final_answer, grade
from abduce.tasks.maths import KINDS, MathProblem, generate_problems


def trusted_equivalent(a: str, b: str) -> bool:
    """What the sandbox does; fine here because the test's texts are ours."""
    try:
        return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0
    except (sympy.SympifyError, SyntaxError, TypeError):
        return False


def refuse(a: str, b: str) -> bool:
    raise AssertionError(f"equivalent must not be called for this kind: {a!r}, {b!r}")


def problem(kind: str, answer: str) -> MathProblem:
    return MathProblem(id=f"{kind}-0000", kind=kind, question="?", answer=answer, answer_format="?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", "42"),
        ("Working...\n\nANSWER: 7/3", "7/3"),
        ("ANSWER: 1\nmore reasoning\nANSWER: 2\n", "2"),
        ("**ANSWER:** 12 minutes.", "12 minutes"),
        ("Final answer: $\\boxed{-\\frac{57}{4}}$", "-57/4"),
        ("ANSWER:\n$$\n\\boxed{x = 3}\n$$", "x = 3"),
        ("Therefore, it simplifies to \\(\\boxed{x + 3}\\).", "x + 3"),  # no marker: the box
        ("\\boxed{1}\nso the limit is \\(\\boxed{\\frac{1}{2}}\\)", "1/2"),  # the last box
        ("so we get\n\n  `x**2 + 1`  \n\n", "x**2 + 1"),
        ("ANSWER: \\(x \\in \\{1, 2, 3\\}\\)", "x ∈ {1, 2, 3}"),
        ("ANSWER: 2 \\cdot \\sin(x) \\cdot \\cos(x)", "2 * sin(x) * cos(x)"),
        ("ANSWER: −3", "-3"),
        ("ANSWER: \\frac{x^{2}}{2}", "(x^{2})/2"),
        ("", ""),
        ("ANSWER:", ""),
    ],
)
def test_final_answer(text, expected):
    assert final_answer(text) == expected


ROOTS = [
    ("1, 2, 3", "ANSWER: 1, 2, 3", True),
    ("1, 2, 3", "ANSWER: 3, 1, 2", True),
    ("1, 2, 3", "ANSWER: x = 1, x = 2, x = 3", True),
    ("1, 2, 3", "ANSWER: {1, 2, 3}", True),
    ("1, 2, 3", "ANSWER: x ∈ {1, 2, 3}", True),
    ("1, 2, 3", "ANSWER: $x_1 = 1, x_2 = 2, x_3 = 3$", True),
    ("1, 2, 3", "ANSWER: x = 1 or x = 2 or x = 3", True),
    ("-2, 2", "ANSWER: x = ±2", True),
    ("-6, 0, 6", "ANSWER: -6, 0, 6.0", True),
    ("1, 2, 3", "ANSWER: 1, 2, 4", False),
    ("1, 2, 3", "ANSWER: 1, 2", False),
    ("1, 2, 3", "ANSWER: 1, 2, 3, 4", False),
    ("1, 2, 3", "ANSWER: (x - 1)(x - 2)(x - 3) = 0", False),
    ("1, 2, 3", "ANSWER: the roots are 1, 2 and 3", False),
]

ASSIGNMENTS = [
    ("x = 1, y = -2", "ANSWER: x = 1, y = -2", True),
    ("x = 1, y = -2", "ANSWER: y = -2, x = 1", True),
    ("x = 1, y = -2", "ANSWER: x=1; y=-2", True),
    ("x = 1, y = -2", "ANSWER: x = 1 and y = -2.0", True),
    ("x = 1, y = -2", "ANSWER: (x, y) = (1, -2)", True),
    ("x = 1, y = -2, z = 3", "ANSWER: $z = 3,\\ x = 1,\\ y = -2$", True),
    ("x = 1, y = -2", "ANSWER: x = 1, y = 2", False),
    ("x = 1, y = -2", "ANSWER: x = 1", False),
    ("x = 1, y = -2", "ANSWER: x = 1, y = -2, z = 0", False),
    ("x = 1, y = -2", "ANSWER: x = 1, y = -2, x = 2", False),
    ("x = 1, y = -2", "ANSWER: 1, -2", False),
]

NUMBERS = [
    ("definite_integral", "-57/4", "ANSWER: -57/4", True),
    ("definite_integral", "-57/4", "ANSWER: -14.25", True),
    ("definite_integral", "-57/4", "ANSWER: $-\\frac{57}{4}$", True),
    ("definite_integral", "7/3", "ANSWER: I = 7/3 ≈ 2.33.", True),
    ("definite_integral", "7/3", "The integral is 7/3.", False),  # prose is not an answer
    ("definite_integral", "7/3", "ANSWER: 2.3333333", True),
    ("definite_integral", "7/3", "ANSWER: 2.33", False),
    ("definite_integral", "48", "ANSWER: 48 pi", False),
    ("modular", "19", "ANSWER: 19", True),
    ("modular", "19", "ANSWER: x = 19.", True),
    ("modular", "19", "ANSWER: 20", False),
    ("modular", "19", "ANSWER: 19 or 20", False),
    ("shortest_path", "14", "The shortest path is A-B-F.\nANSWER: 14", True),
    ("shortest_path", "14", "ANSWER: 14 units", True),
    ("shortest_path", "14", "ANSWER: 13", False),
    ("word_problem", "168", "ANSWER: 168 minutes", True),
    ("word_problem", "168", "ANSWER: 168.0", True),
    ("word_problem", "168", "ANSWER: 2.8 hours", False),
    ("word_problem", "44.2", "ANSWER: $44.20", True),
    ("word_problem", "44.2", "ANSWER: **44.2 dollars**", True),
    ("word_problem", "1200", "ANSWER: 1,200", True),
    ("word_problem", "44.2", "ANSWER: 44", False),
    ("word_problem", "44.2", "ANSWER: 44.2 or 45", False),
    ("word_problem", "5", "I am not sure.", False),
]

EXPRESSIONS = [
    ("derivative", "8*x + 2*cos(x)", "ANSWER: 2*cos(x) + 8*x", True),
    (
        "derivative",
        "8*x + 2*cos(x)",
        "ANSWER: f'(x) = 8x + 2cos(x)",
        False,
    ),  # implicit products are not sympy
    ("derivative", "8*x + 2*cos(x)", "ANSWER: $8 x + 2 \\cdot \\cos(x)$", False),
    ("derivative", "8*x + 2*cos(x)", "ANSWER: f'(x) = 2*(4*x + cos(x))", True),
    ("derivative", "8*x + 2*cos(x)", "ANSWER: 8*x - 2*sin(x)", False),
    ("derivative", "exp(x) + 3", "ANSWER: e^x + 3", True),
    ("derivative", "exp(x) + 3", "ANSWER: exp(x) + 3)", False),
    ("integral", "5*exp(2*x) + 2*sin(x)", "ANSWER: 5*exp(2*x) + 2*sin(x) + C", True),
    ("integral", "5*exp(2*x) + 2*sin(x)", "ANSWER: F(x) = 5*exp(2*x) + 2*sin(x) + 7", True),
    ("integral", "3*x**2 + 3*cos(2*x)", "ANSWER: 3*x^2 - 6*sin(x)**2", True),
    ("integral", "5*exp(2*x) + 2*sin(x)", "ANSWER: 10*exp(2*x) + 2*sin(x)", False),
    ("simplify", "x + 3", "ANSWER: x + 3", True),
    ("simplify", "x + 3", "ANSWER: 3 + x.", True),
    ("simplify", "x + 3", "ANSWER: x - 3", False),
    ("simplify", "sin(6*x)", "ANSWER: \\sin(6x)", False),  # implicit product again
    ("simplify", "sin(6*x)", "ANSWER: $\\sin(6*x)$", True),
    ("simplify", "sin(6*x)", "ANSWER: sin(3*x)", False),
    ("limit", "6", "ANSWER: 6", True),
    ("limit", "6", "ANSWER: 6.0", True),
    ("limit", "6", "ANSWER: 5", False),
    ("limit", "exp(5)", "ANSWER: e^5", True),
    ("limit", "exp(5)", "ANSWER: exp(5)", True),
    ("limit", "exp(5)", "ANSWER: e^{5}", True),
    ("limit", "exp(5)", "ANSWER: 5", False),
    ("limit", "1/2", "ANSWER: $\\frac{1}{2}$", True),
]


@pytest.mark.parametrize(("answer", "text", "expected"), ROOTS)
def test_roots_are_order_free_sets(answer, text, expected):
    assert grade(problem("roots", answer), text, refuse) is expected


@pytest.mark.parametrize(("answer", "text", "expected"), ASSIGNMENTS)
def test_assignments_in_any_order(answer, text, expected):
    assert grade(problem("linear_system", answer), text, refuse) is expected


@pytest.mark.parametrize(("kind", "answer", "text", "expected"), NUMBERS)
def test_numbers_with_tolerance_and_units(kind, answer, text, expected):
    assert grade(problem(kind, answer), text, refuse) is expected


@pytest.mark.parametrize(("kind", "answer", "text", "expected"), EXPRESSIONS)
def test_expressions_go_to_the_injected_equivalence(kind, answer, text, expected):
    assert grade(problem(kind, answer), text, trusted_equivalent) is expected


def test_integrals_are_compared_through_derivatives():
    calls = []

    def recording(a: str, b: str) -> bool:
        calls.append((a, b))
        return True

    assert grade(problem("integral", "x**2"), "ANSWER: x^2 + C", recording)
    assert calls == [("diff(x**2 + C, x)", "diff(x**2, x)")]


def test_model_text_reaches_only_the_injected_function():
    calls = []

    def recording(a: str, b: str) -> bool:
        calls.append((a, b))
        return False

    hostile = "ANSWER: __import__('os').system('echo pwned')"
    assert not grade(problem("derivative", "2*x"), hostile, recording)
    assert calls == [("__import__('os').system('echo pwned')", "2*x")]
    for kind in ("roots", "linear_system", "modular", "word_problem"):
        assert not grade(problem(kind, "1"), hostile, refuse)


def test_every_kind_has_a_grader_and_accepts_its_own_answers():
    problems = generate_problems(len(KINDS) * 4, seed=3)
    for generated in problems:
        assert grade(generated, f"Reasoning...\nANSWER: {generated.answer}", trusted_equivalent), (
            generated
        )


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="no grader"):
        grade(problem("origami", "1"), "1", refuse)
