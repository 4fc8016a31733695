import re
from collections import Counter

import networkx
import pytest
import sympy

from abduce.tasks.maths import KINDS, MathProblem, generate_problems

x = sympy.Symbol("x")
PROBLEMS = generate_problems(200, seed=0)


def of_kind(kind: str) -> list[MathProblem]:
    return [problem for problem in PROBLEMS if problem.kind == kind]


def expression_in(question: str, pattern: str) -> sympy.Expr:
    """Trusted test code: parse the expression our own generator wrote into the question."""
    match = re.fullmatch(pattern, question)
    assert match, question
    return sympy.sympify(match.group(1))


def test_same_seed_same_problems_other_seed_other_problems():
    assert generate_problems(200, seed=0) == PROBLEMS
    assert generate_problems(200, seed=1) != PROBLEMS
    assert generate_problems(30, seed=0) == PROBLEMS[:30]


def test_ids_unique_every_kind_present_and_prefixes_balanced():
    assert len(PROBLEMS) == 200
    assert len({problem.id for problem in PROBLEMS}) == 200
    assert len(KINDS) >= 10 and len(set(KINDS)) == len(KINDS)
    assert Counter(problem.kind for problem in PROBLEMS) == dict.fromkeys(KINDS, 20)
    for size in (len(KINDS), 3 * len(KINDS) + 4):
        counts = Counter(problem.kind for problem in PROBLEMS[:size])
        assert max(counts.values()) - min(counts.values()) <= 1
    assert PROBLEMS[0].id == "roots-0000"
    assert PROBLEMS[len(KINDS) * 7].id == "roots-0007"
    assert all(
        problem.question and problem.answer and problem.answer_format for problem in PROBLEMS
    )


def test_roots_are_the_distinct_roots_of_the_polynomial():
    for problem in of_kind("roots"):
        poly = expression_in(problem.question, r"Solve (.+) = 0 for x\.")
        roots = [int(root) for root in problem.answer.split(", ")]
        assert roots == sorted(set(roots))
        assert sympy.degree(poly, x) == len(roots)
        assert all(poly.subs(x, root) == 0 for root in roots)


def test_linear_system_solution_is_the_unique_one():
    for problem in of_kind("linear_system"):
        match = re.fullmatch(r"Solve the system of equations (.+) for .+\.", problem.question)
        equations = [
            sympy.Eq(*map(sympy.sympify, equation.split(" = ")))
            for equation in match.group(1).split("; ")
        ]
        solution = sympy.solve(equations, dict=True)
        assert len(solution) == 1
        expected = {str(name): value for name, value in solution[0].items()}
        given = dict(pair.split(" = ") for pair in problem.answer.split(", "))
        assert {name: sympy.Integer(value) for name, value in given.items()} == expected


def test_derivative_answers_are_the_derivatives():
    for problem in of_kind("derivative"):
        expression = expression_in(
            problem.question, r"Find the derivative of (.+) with respect to x\."
        )
        assert sympy.simplify(sympy.diff(expression, x) - sympy.sympify(problem.answer)) == 0


def test_integral_answers_differentiate_to_the_integrand():
    for problem in of_kind("integral"):
        integrand = expression_in(
            problem.question, r"Find the indefinite integral of (.+) with respect to x\."
        )
        assert sympy.simplify(sympy.diff(sympy.sympify(problem.answer), x) - integrand) == 0


def test_definite_integrals_are_exact():
    for problem in of_kind("definite_integral"):
        match = re.fullmatch(
            r"Evaluate the integral of (.+) with respect to x from x = (-?\d+) to x = (-?\d+)\.",
            problem.question,
        )
        poly, low, high = (sympy.sympify(group) for group in match.groups())
        assert low < high
        assert sympy.integrate(poly, (x, low, high)) == sympy.Rational(problem.answer)


def test_limits_agree_with_sympy():
    for problem in of_kind("limit"):
        match = re.fullmatch(r"Find the limit of (.+) as x approaches (.+)\.", problem.question)
        expression = sympy.sympify(match.group(1))
        point = sympy.oo if match.group(2) == "infinity" else sympy.sympify(match.group(2))
        assert sympy.limit(expression, x, point) == sympy.sympify(problem.answer)


def test_simplify_answers_are_equal_and_simpler():
    for problem in of_kind("simplify"):
        expression = expression_in(problem.question, r"Simplify (.+)\.")
        simple = sympy.sympify(problem.answer)
        assert sympy.simplify(expression - simple) == 0
        assert simple.is_polynomial(x) or sympy.count_ops(simple) < sympy.count_ops(expression)
        assert sympy.count_ops(simple) <= sympy.count_ops(expression)


MODULAR = [
    (
        r"Find the multiplicative inverse of (\d+) modulo (\d+)\.",
        lambda a, m, r: a * r % m == 1 and 0 <= r < m,
    ),
    (
        r"What is the remainder when (\d+)\*\*(\d+) is divided by (\d+)\?",
        lambda b, e, m, r: pow(b, e, m) == r,
    ),
    (r"What is the remainder when (\d+) is divided by (\d+)\?", lambda n, d, r: n % d == r),
    (
        r"Solve (\d+)\*x ≡ (\d+) \(mod (\d+)\) for x\.",
        lambda a, b, m, r: (a * r - b) % m == 0 and 0 <= r < m,
    ),
]


def test_modular_answers_check_out():
    seen = set()
    for problem in of_kind("modular"):
        for index, (pattern, check) in enumerate(MODULAR):
            if match := re.fullmatch(pattern, problem.question):
                assert check(*map(int, match.groups()), int(problem.answer)), problem
                seen.add(index)
                break
        else:
            pytest.fail(f"unrecognised modular question: {problem.question}")
    assert len(seen) >= 3


def test_shortest_paths_agree_with_networkx():
    for problem in of_kind("shortest_path"):
        match = re.fullmatch(
            r"An undirected graph has the weighted edges (.+)\. What is the length of the shortest path from A to ([A-H])\?",
            problem.question,
        )
        graph = networkx.Graph()
        for a, b, weight in re.findall(r"([A-H])-([A-H]) (\d+)", match.group(1)):
            assert not graph.has_edge(a, b)
            graph.add_edge(a, b, weight=int(weight))
        target = match.group(2)
        assert 5 <= graph.number_of_nodes() <= 8 and networkx.is_connected(graph)
        assert target == max(graph.nodes) and not graph.has_edge("A", target)
        assert networkx.shortest_path_length(graph, "A", target, weight="weight") == int(
            problem.answer
        )


def numbers(question: str) -> list[int]:
    return [int(number) for number in re.findall(r"\d+", question)]


WORD_CHECKS = {
    "trains": lambda d, v, w, t: d * 60 == (v + w) * t,
    "jacket": lambda p, pct, n, fee, paid: n * p * (100 - pct) + 100 * fee == round(paid * 100),
    "pipe": lambda a, b, t: sympy.Rational(1, a) + sympy.Rational(1, b) == sympy.Rational(1, t),
    "Alice": lambda k, years, total, age: age % k == 0 and age + age // k + 2 * years == total,
    "litres": lambda strong, volume, weak, target, added: (
        strong * added + weak * volume == target * (added + volume)
    ),
}


def test_word_problems_have_positive_answers_that_fit_the_story():
    for problem in of_kind("word_problem"):
        answer = float(problem.answer)
        assert answer > 0 and re.fullmatch(r"\d+(\.\d{1,2})?", problem.answer)
        assert re.search(r"minutes|dollars|hours|years|litres", problem.answer_format)
        (keyword,) = [key for key in WORD_CHECKS if key in problem.question]
        values = numbers(problem.question)
        assert WORD_CHECKS[keyword](*values, answer if "." in problem.answer else int(answer)), (
            problem
        )
