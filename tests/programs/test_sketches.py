"""Sketches over the DSL with a hole the search fills."""

import pytest

from abduce.programs.dsl import Color, Grid, Objects
from abduce.programs.search import search
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.programs.search.sketches import HOLE, parse_sketch
from tests.programs.test_hints import CROP_FLIP


@pytest.mark.parametrize(
    ("text", "expr", "hole"),
    [
        ("x1 = flip_up_down(x0)", Expr("flip_up_down", (Expr(INPUT),)), None),
        (
            "x1 = flip_up_down(Grid(grid))",
            Expr("flip_up_down", (Expr(INPUT),)),
            None,
        ),  # as in transform
        (  # nested calls, a number, the last line is the output, other text ignored
            "Sketch 1:\nx1 = upscale(trim(grid), 2)\nx2 = flip_up_down(x1)\n```",
            Expr("flip_up_down", (Expr("upscale", (Expr("trim", (Expr(INPUT),)), literal(2))),)),
            None,
        ),
        (
            "x1 = recolor(x0, 1, hole())",
            Expr("recolor", (Expr(INPUT), literal(1), Expr(HOLE))),
            Color,
        ),
        ("x1 = hole()\nx2 = largest_object(x1)", Expr("largest_object", (Expr(HOLE),)), Objects),
        ("x1 = hole()", Expr(HOLE), Grid),
    ],
)
def test_a_sketch_parses_into_an_expression_and_the_type_of_its_hole(text, expr, hole):
    sketch = parse_sketch(text)
    assert sketch is not None and sketch.expr == expr and sketch.hole == hole


@pytest.mark.parametrize(
    "text",
    [
        "",  # no lines
        "the output is the input flipped",
        "x1 = flip_sideways(x0)",  # not a DSL function
        "x1 = flip_up_down(x0, 2)",  # too many arguments
        "x1 = upscale(x0, factor=2)",  # keywords
        "x1 = flip_up_down(x7)",  # an unknown variable
        "x1 = crop(x0, hole(), hole(), 2, 2)",  # two holes
        "x1 = recolor(x0, 'red', 2)",  # a string
        "x1 = flip_up_down(x0",  # not Python
        "x1 = __import__('os')",
    ],
)
def test_a_sketch_that_does_not_parse_is_refused(text):
    assert parse_sketch(text) is None


def test_the_search_fills_a_hole_with_what_it_enumerates_on_the_task():
    sketch = parse_sketch("x1 = hole()\nx2 = flip_up_down(x1)")
    plain = search(CROP_FLIP, max_evaluations=100)
    sketched = search(CROP_FLIP, max_evaluations=100, sketches=[sketch])
    assert not plain.candidates
    best = sketched.candidates[0]
    assert best.expr == Expr("flip_up_down", (Expr("crop_to_largest_object", (Expr(INPUT),)),))
    assert best.test_outputs == [[[7, 7, 7], [7, 0, 0]]]


def test_a_sketch_without_a_hole_is_checked_as_it_is():
    right = parse_sketch("x1 = crop_to_largest_object(x0)\nx2 = flip_up_down(x1)")
    wrong = parse_sketch("x1 = crop_to_largest_object(x0)\nx2 = flip_left_right(x1)")
    assert search(CROP_FLIP, max_evaluations=1, sketches=[right]).candidates
    assert not search(CROP_FLIP, max_evaluations=1, sketches=[wrong]).candidates
