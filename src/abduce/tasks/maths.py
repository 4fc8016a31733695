"""Seeded symbolic maths problems whose answers are known by construction.

Every builder first picks random parts (roots, a solution, an antiderivative, a graph, the
numbers of a story) and only then writes the question from them, so no answer depends on
solving anything. sympy only builds and prints expressions from those parts; it never
parses text.

>>> problems = generate_problems(20, seed=1)
>>> [problem.kind for problem in problems[:3]]
['roots', 'linear_system', 'derivative']
>>> problems[0].id, len({problem.id for problem in problems})
('roots-0000', 20)
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable
from fractions import Fraction

import sympy
from pydantic import BaseModel, ConfigDict

x, y, z = sympy.symbols("x y z")
NONZERO = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)

Built = tuple[str, str, str]  # question, answer, answer_format
Builder = Callable[[random.Random], Built]


class MathProblem(BaseModel):
    """One problem: the question as a user would type it and its canonical answer."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    question: str
    answer: str
    answer_format: str


def generate_problems(count: int = 200, seed: int = 0) -> list[MathProblem]:
    """`count` problems cycling through KINDS, so any prefix is balanced; same seed, same list."""
    rng = random.Random(seed)
    problems = []
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        question, answer, answer_format = _BUILDERS[kind](rng)
        problems.append(
            MathProblem(
                id=f"{kind}-{index // len(KINDS):04d}",
                kind=kind,
                question=question,
                answer=answer,
                answer_format=answer_format,
            )
        )
    return problems


# --- algebra -----------------------------------------------------------------------------


def _roots(rng: random.Random) -> Built:
    roots = sorted(rng.sample(range(-6, 7), rng.choice((2, 3))))
    poly = sympy.expand(rng.choice((1, 1, 1, 2, 3)) * sympy.prod([x - r for r in roots]))
    return (
        f"Solve {poly} = 0 for x.",
        ", ".join(map(str, roots)),
        "all the roots as a comma-separated list of numbers",
    )


def _linear_system(rng: random.Random) -> Built:
    names = (x, y, z)[: rng.choice((2, 3))]
    solution = [rng.randint(-5, 5) for _ in names]
    rows = _nonsingular(rng, len(names))
    equations = [
        f"{sum(c * v for c, v in zip(row, names, strict=True))} = "
        f"{sum(c * s for c, s in zip(row, solution, strict=True))}"
        for row in rows
    ]
    unknowns = ", ".join(map(str, names[:-1])) + f" and {names[-1]}"
    return (
        f"Solve the system of equations {'; '.join(equations)} for {unknowns}.",
        ", ".join(f"{v} = {s}" for v, s in zip(names, solution, strict=True)),
        "each unknown as name = value, separated by commas",
    )


def _nonsingular(rng: random.Random, size: int) -> list[list[int]]:
    while True:
        rows = [[rng.randint(-4, 4) for _ in range(size)] for _ in range(size)]
        if sympy.Matrix(rows).det() != 0:
            return rows


def _simplify(rng: random.Random) -> Built:
    expression, simple = rng.choice(_IDENTITIES)(rng)
    return f"Simplify {expression}.", str(simple), "the simplified expression in x"


def _cancel_linear(rng: random.Random) -> tuple[sympy.Expr, sympy.Expr]:
    a, b = rng.sample(NONZERO, 2)
    return sympy.expand((x + a) * (x + b)) / (x + a), x + b


def _cancel_cubic(rng: random.Random) -> tuple[sympy.Expr, sympy.Expr]:
    a = rng.choice(NONZERO)
    return (x**3 - a**3) / (x - a), x**2 + a * x + a**2


def _pythagoras(rng: random.Random) -> tuple[sympy.Expr, sympy.Expr]:
    k, n = rng.randint(1, 4), rng.randint(1, 3)
    return x**n * (sympy.sin(k * x) ** 2 + sympy.cos(k * x) ** 2), x**n


def _double_sine(rng: random.Random) -> tuple[sympy.Expr, sympy.Expr]:
    a, k = rng.choice(NONZERO), rng.randint(1, 4)
    return 2 * a * sympy.sin(k * x) * sympy.cos(k * x), a * sympy.sin(2 * k * x)


def _double_cosine(rng: random.Random) -> tuple[sympy.Expr, sympy.Expr]:
    a, k = rng.choice(NONZERO), rng.randint(1, 4)
    return a * sympy.cos(k * x) ** 2 - a * sympy.sin(k * x) ** 2, a * sympy.cos(2 * k * x)


_IDENTITIES = (_cancel_linear, _cancel_cubic, _pythagoras, _double_sine, _double_cosine)


# --- calculus ----------------------------------------------------------------------------


def _derivative(rng: random.Random) -> Built:
    expression = _function(rng)
    return (
        f"Find the derivative of {expression} with respect to x.",
        str(sympy.diff(expression, x)),
        "the derivative as an expression in x",
    )


def _integral(rng: random.Random) -> Built:
    antiderivative = _function(rng)
    return (
        f"Find the indefinite integral of {sympy.diff(antiderivative, x)} with respect to x.",
        str(antiderivative),
        "an antiderivative as an expression in x (the constant of integration may be omitted)",
    )


def _function(rng: random.Random) -> sympy.Expr:
    """A sum or product of two atoms (powers, sin, cos, exp), never constant."""
    while True:
        first, second = _atom(rng), _atom(rng)
        if rng.random() < 0.5:
            expression = rng.randint(1, 3) * first * second
        else:
            expression = rng.choice(NONZERO) * first + rng.choice(NONZERO) * second
        if expression.has(x):
            return expression


def _atom(rng: random.Random) -> sympy.Expr:
    if rng.random() < 0.4:
        return x ** rng.randint(1, 4)
    return rng.choice((sympy.sin, sympy.cos, sympy.exp))(rng.randint(1, 3) * x)


def _definite_integral(rng: random.Random) -> Built:
    coefficients = [rng.randint(-5, 5) for _ in range(rng.randint(1, 3))] + [rng.choice(NONZERO)]
    low = rng.randint(-3, 2)
    high = rng.randint(low + 1, 4)
    poly = sum(c * x**i for i, c in enumerate(coefficients))
    value = sum(
        c * Fraction(high ** (i + 1) - low ** (i + 1), i + 1) for i, c in enumerate(coefficients)
    )
    return (
        f"Evaluate the integral of {poly} with respect to x from x = {low} to x = {high}.",
        str(value),
        "the exact value as an integer or a fraction p/q",
    )


def _limit(rng: random.Random) -> Built:
    expression, point, value = rng.choice(_LIMITS)(rng)
    where = "infinity" if point == sympy.oo else str(point)
    return (
        f"Find the limit of {expression} as x approaches {where}.",
        str(value),
        "the exact value of the limit",
    )


Limit = tuple[sympy.Expr, sympy.Expr, sympy.Expr]  # expression, point, value


def _difference_of_squares(rng: random.Random) -> Limit:
    a = rng.choice(NONZERO)
    return (x**2 - a**2) / (x - a), sympy.Integer(a), sympy.Integer(2 * a)


def _sine_ratio(rng: random.Random) -> Limit:
    k, m = rng.randint(1, 6), rng.randint(1, 4)
    return sympy.sin(k * x) / (m * x), sympy.Integer(0), sympy.Rational(k, m)


def _exponential_ratio(rng: random.Random) -> Limit:
    k = rng.choice(NONZERO)
    return (sympy.exp(k * x) - 1) / x, sympy.Integer(0), sympy.Integer(k)


def _compound_interest(rng: random.Random) -> Limit:
    k = rng.choice((-3, -2, 2, 3, 4, 5))
    return (1 + k / x) ** x, sympy.oo, sympy.exp(k)


def _cosine_ratio(rng: random.Random) -> Limit:
    k = rng.randint(1, 5)
    return (1 - sympy.cos(k * x)) / x**2, sympy.Integer(0), sympy.Rational(k**2, 2)


def _rational_at_infinity(rng: random.Random) -> Limit:
    a, d = rng.choice(NONZERO), rng.randint(1, 5)
    numerator = a * x**2 + rng.randint(-5, 5) * x + rng.randint(-5, 5)
    denominator = d * x**2 + rng.randint(-5, 5) * x + rng.randint(1, 9)
    return numerator / denominator, sympy.oo, sympy.Rational(a, d)


_LIMITS = (
    _difference_of_squares,
    _sine_ratio,
    _exponential_ratio,
    _compound_interest,
    _cosine_ratio,
    _rational_at_infinity,
)


# --- number theory and graphs ------------------------------------------------------------


def _modular(rng: random.Random) -> Built:
    return rng.choice((_inverse, _power, _remainder, _congruence))(rng)


def _inverse(rng: random.Random) -> Built:
    modulus = rng.randint(11, 60)
    inverse = rng.choice([b for b in range(2, modulus) if math.gcd(b, modulus) == 1])
    return (
        f"Find the multiplicative inverse of {pow(inverse, -1, modulus)} modulo {modulus}.",
        str(inverse),
        f"an integer between 0 and {modulus - 1}",
    )


def _power(rng: random.Random) -> Built:
    base, exponent, modulus = rng.randint(2, 12), rng.randint(20, 500), rng.randint(7, 50)
    return (
        f"What is the remainder when {base}**{exponent} is divided by {modulus}?",
        str(pow(base, exponent, modulus)),
        "an integer",
    )


def _remainder(rng: random.Random) -> Built:
    divisor = rng.randint(7, 97)
    remainder = rng.randrange(divisor)
    dividend = rng.randint(100, 9999) * divisor + remainder
    return (
        f"What is the remainder when {dividend} is divided by {divisor}?",
        str(remainder),
        "an integer",
    )


def _congruence(rng: random.Random) -> Built:
    modulus = rng.randint(7, 40)
    a = rng.choice([a for a in range(2, modulus) if math.gcd(a, modulus) == 1])
    solution = rng.randrange(modulus)
    return (
        f"Solve {a}*x ≡ {a * solution % modulus} (mod {modulus}) for x.",
        str(solution),
        f"the solution x as an integer between 0 and {modulus - 1}",
    )


def _shortest_path(rng: random.Random) -> Built:
    size = rng.randint(5, 8)
    names = "ABCDEFGH"[:size]
    # A spanning tree keeps the graph connected; no edge joins A to the target directly.
    pairs = {(rng.randrange(1 if j == size - 1 else 0, j), j) for j in range(1, size)}
    spare = [(i, j) for j in range(size) for i in range(j) if (i, j) not in pairs]
    spare.remove((0, size - 1))
    pairs |= set(rng.sample(spare, min(len(spare), rng.randint(1, size - 1))))
    edges = [(i, j, rng.randint(1, 9)) for i, j in sorted(pairs)]
    rng.shuffle(edges)
    listing = ", ".join(f"{names[i]}-{names[j]} {w}" for i, j, w in edges)
    return (
        f"An undirected graph has the weighted edges {listing}. "
        f"What is the length of the shortest path from A to {names[-1]}?",
        str(_distance(edges, size - 1)),
        "the path length as an integer",
    )


def _distance(edges: list[tuple[int, int, int]], target: int) -> int:
    """Dijkstra from node 0 to `target` over undirected weighted edges."""
    neighbours: dict[int, list[tuple[int, int]]] = {}
    for i, j, w in edges:
        neighbours.setdefault(i, []).append((j, w))
        neighbours.setdefault(j, []).append((i, w))
    best = {0: 0}
    queue = [(0, 0)]
    while queue:
        length, node = heapq.heappop(queue)
        if length > best[node]:
            continue
        for other, w in neighbours[node]:
            if length + w < best.get(other, length + w + 1):
                best[other] = length + w
                heapq.heappush(queue, (length + w, other))
    return best[target]  # always reached: the edges include a spanning tree


# --- word problems -----------------------------------------------------------------------


def _word_problem(rng: random.Random) -> Built:
    return rng.choice((_trains, _discount, _pipes, _ages, _mixing))(rng)


def _trains(rng: random.Random) -> Built:
    first, second = rng.randrange(40, 130, 10), rng.randrange(40, 130, 10)
    minutes = rng.randrange(30, 181, 6)  # with speeds in tens of km/h the distance is whole
    distance = (first + second) * minutes // 60
    return (
        f"Two trains leave stations {distance} km apart at the same time and travel towards "
        f"each other, one at {first} km/h and the other at {second} km/h. "
        "After how many minutes do they meet?",
        str(minutes),
        "a number of minutes",
    )


def _discount(rng: random.Random) -> Built:
    price, percent = rng.randint(8, 120), rng.choice((10, 15, 20, 25, 30, 40))
    count, delivery = rng.randint(2, 6), rng.choice((3, 4, 5, 7, 10))
    cents = count * price * (100 - percent) + 100 * delivery
    return (
        f"A shop sells a jacket for ${price}. In a sale everything is {percent}% off. "
        f"Sam buys {count} jackets and pays a flat ${delivery} delivery fee. "
        "How much does Sam pay in total?",
        _dollars(cents),
        "an amount of dollars",
    )


def _dollars(cents: int) -> str:
    whole, part = divmod(cents, 100)
    return str(whole) if part == 0 else f"{whole}.{part:02d}".rstrip("0")


def _pipes(rng: random.Random) -> Built:
    together = rng.randint(2, 12)
    d = rng.choice([d for d in range(1, together**2 + 1) if together**2 % d == 0])
    first, second = together + d, together + together**2 // d  # 1/first + 1/second = 1/together
    return (
        f"One pipe fills a tank in {first} hours and another fills it in {second} hours. "
        "How many hours do they take to fill the tank together?",
        str(together),
        "a number of hours",
    )


def _ages(rng: random.Random) -> Built:
    bob, times, years = rng.randint(3, 15), rng.randint(2, 5), rng.randint(2, 10)
    total = times * bob + bob + 2 * years
    return (
        f"Alice is {times} times as old as Bob. In {years} years the sum of their ages will be "
        f"{total}. How old is Alice now?",
        str(times * bob),
        "an age in years",
    )


def _mixing(rng: random.Random) -> Built:
    weak = rng.choice((5, 10, 15, 20))
    target = weak + rng.choice((5, 10, 15))
    strong = target + rng.choice((10, 20, 30))
    scale = rng.randint(1, 5)
    # strong * added + weak * volume = target * (added + volume)
    volume, added = scale * (strong - target), scale * (target - weak)
    return (
        f"How many litres of a {strong}% acid solution must be added to {volume} litres of a "
        f"{weak}% acid solution to obtain a {target}% acid solution?",
        str(added),
        "a number of litres",
    )


_BUILDERS: dict[str, Builder] = {
    "roots": _roots,
    "linear_system": _linear_system,
    "derivative": _derivative,
    "integral": _integral,
    "definite_integral": _definite_integral,
    "limit": _limit,
    "simplify": _simplify,
    "modular": _modular,
    "shortest_path": _shortest_path,
    "word_problem": _word_problem,
}
KINDS = tuple(_BUILDERS)
