import pytest

from abduce.agent.feedback import MAX_FEEDBACK, describe_failures
from abduce.agent.models import ExampleVerdict, Verdict
from abduce.agent.planner import parse_hypotheses
from abduce.agent.synthesizer import extract_code
from abduce.tasks import ArcDomain
from tests.fakes import FLIP


@pytest.mark.parametrize(("reply", "expected"), [
    ("Hypothesis 1: flip the grid\nHypothesis 2: rotate the grid", ["flip the grid", "rotate the grid"]),
    ("1. Recolour every object by size\n2) Fill the holes with red", ["Recolour every object by size", "Fill the holes with red"]),
    ("**Hypothesis 1:** the largest object is cropped\n  and scaled up twice", ["the largest object is cropped and scaled up twice"]),
    ("- Rule 3: draw lines between dots", ["draw lines between dots"]),
    ("Hypothesis 1: same thing here\nHypothesis 2: same thing here", ["same thing here"]),
    ("Sure! I will think about it.", []),
    ("1. ok", []),
])  # fmt: skip
def test_parse_hypotheses(reply, expected):
    assert parse_hypotheses(reply) == expected


@pytest.mark.parametrize(("reply", "expected"), [
    ("```python\ndef transform(grid):\n    return grid\n```", "def transform(grid):\n    return grid"),
    ("```\nimport math\n```\n```py\ndef transform(g):\n    return g\n```", "def transform(g):\n    return g"),
    ("```python\ndef transform(g):\n    return g", "def transform(g):\n    return g"),
    ("def transform(g):\n    return g", "def transform(g):\n    return g"),
])  # fmt: skip
def test_extract_code(reply, expected):
    assert extract_code(reply) == expected


def test_feedback_lists_only_failing_examples_with_errors_or_diffs():
    verdict = Verdict(
        program_id="p1",
        examples=[
            ExampleVerdict(index=0, passed=True, score=1.0, output=[[0, 0, 1], [0, 3, 2]]),
            ExampleVerdict(index=1, passed=False, score=0.5, output=[[5, 4], [0, 6]]),
        ],
        test_outputs=[None],
    )
    text = describe_failures(FLIP, verdict, ArcDomain())
    assert text == (
        "Example 2: 2 cells differ: row 1, col 0: expected 6, got 0; row 1, col 1: expected 0, got 6"
    )
    crashed = verdict.model_copy(update={"examples": [
        ExampleVerdict(index=0, passed=False, error="ZeroDivisionError: division by zero" * 100)
    ]})  # fmt: skip
    long = describe_failures(FLIP, crashed, ArcDomain())
    assert long.startswith("Example 1: raised an error:\nZeroDivisionError")
    assert len(long) == MAX_FEEDBACK
