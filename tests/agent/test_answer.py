"""The question loop with scripted models: real sandbox runs, real independent checks."""

import pytest

from abduce.agent.answer import Agent
from abduce.agent.models import Budget
from tests.fakes import fence

CUBIC = "Solve x**3 - 6*x**2 + 11*x - 6 = 0 for x."
PLAN = "Approach: solve the cubic with sympy and check the roots by substitution."


def roots_program(answer: str = "roots", equation: str = "x**3 - 6*x**2 + 11*x - 6 = 0") -> str:
    return fence(
        "from symbolic.algebra import solve\n\n"
        "def answer():\n"
        f'    roots = solve("{equation}", "x")\n'
        f"    return {answer}"
    )


def returning(expression: str) -> str:
    return fence(f"def answer():\n    return {expression}")


def test_a_right_answer_is_verified_by_substitution(scripted):
    model = scripted(PLAN, roots_program())
    answer = Agent(model, use_cache=False).ask(CUBIC)
    assert answer.verified and answer.computed
    assert answer.text == "x ∈ {1, 2, 3}"
    assert "substitut" in answer.check
    assert answer.mark.startswith("verified ✓")
    assert answer.programs == 1 and answer.llm_calls == 2


def test_a_wrong_root_is_never_verified(scripted):
    wrong = roots_program('["1", "2", "4"]')  # solve's result, changed
    model = scripted(PLAN, wrong, wrong, wrong)
    answer = Agent(model, rounds=3, use_cache=False).ask(CUBIC)
    assert not answer.verified
    assert answer.mark.startswith("not verified")
    assert answer.programs == 3
    revise = model.prompts[2][-1].content
    assert "did not give a checked answer" in revise  # the failure went back to the model


def test_a_missing_root_is_not_verified(scripted):
    model = scripted(PLAN, roots_program("roots[:2]"))
    assert not Agent(model, rounds=1, use_cache=False).ask(CUBIC).verified


def test_checking_a_different_equation_does_not_count(scripted):
    easier = roots_program(equation="x**2 - 4 = 0")
    answer = Agent(scripted(PLAN, easier), rounds=1, use_cache=False).ask(CUBIC)
    assert not answer.verified
    assert "which the question does not state" in answer.check


@pytest.mark.parametrize(
    ("first", "feedback"),
    [
        ("return 1 / 0", "ZeroDivisionError"),  # a crash
        ('return "one, two and three"', "which no check applies to"),  # nothing to check
    ],
)
def test_a_failure_goes_back_and_the_revision_is_verified(scripted, first, feedback):
    model = scripted(PLAN, fence(f"def answer():\n    {first}"), roots_program())
    answer = Agent(model, use_cache=False).ask(CUBIC)
    assert answer.verified and answer.programs == 2
    assert feedback in model.prompts[2][-1].content


@pytest.mark.parametrize(
    ("second", "verified"),
    [("2 * 60 + 30", True), ("140", False)],
)
def test_a_number_needs_a_second_program_that_agrees(scripted, second, verified):
    question = "How many minutes are 2 and a half hours?"
    plan = "Approach: convert hours to minutes."
    model = scripted(plan, returning("150"), returning(second))
    answer = Agent(model, rounds=1, use_cache=False).ask(question)
    assert answer.verified is verified, answer.check
    assert answer.text == "150"
    assert ("agrees" if verified else "disagrees") in answer.check


def test_a_question_without_computation_is_answered_in_words(scripted):
    model = scripted("Words: Paris is the capital of France.")
    answer = Agent(model, use_cache=False).ask("What is the capital of France?")
    assert not answer.computed and not answer.verified
    assert answer.text == "Paris is the capital of France."
    assert "without computation" in answer.mark


def test_the_conversation_is_remembered(scripted):
    model = scripted(PLAN, roots_program(), "Words: they are 1, 2 and 3.")
    agent = Agent(model, use_cache=False)
    agent.ask(CUBIC)
    agent.ask("What were they again?")
    assert "x ∈ {1, 2, 3}" in model.prompts[2][1].content


def test_a_question_with_maths_is_computed_even_if_the_plan_says_words(scripted):
    model = scripted("Words: the roots are 1, 2 and 3.", roots_program())
    answer = Agent(model, use_cache=False).ask(CUBIC)
    assert answer.computed and answer.verified
    assert answer.approach == "Compute the answer with the tools."


def test_a_definite_integral_with_numeric_bounds_is_checked_by_quadrature(scripted):
    program = fence(
        'from symbolic import integrate\n\ndef answer():\n    return integrate("x**2", "x", 0, 3)'
    )
    model = scripted("Approach: integrate.", program)
    question = "Evaluate the integral of x**2 with respect to x from x = 0 to x = 3."
    answer = Agent(model, use_cache=False).ask(question)
    assert answer.verified and answer.text == "9"
    assert "quad" in answer.check


@pytest.mark.parametrize(
    ("second", "verified"), [("[[3, 1], [4, 2]]", True), ("[[1, 3], [2, 4]]", False)]
)
def test_a_grid_needs_a_second_program_that_agrees(scripted, second, verified):
    program = fence(
        "from dsl import *\n\ndef answer():\n    return rotate_90(Grid([[1, 2], [3, 4]])).to_list()"
    )
    model = scripted("Approach: rotate with the DSL.", program, returning(second))
    answer = Agent(model, rounds=1, use_cache=False).ask(
        "Rotate [[1, 2], [3, 4]] a quarter turn clockwise."
    )
    assert answer.value == [[3, 1], [4, 2]]
    assert answer.verified is verified, answer.check


def test_a_spent_budget_keeps_the_last_answer(scripted):
    wrong = roots_program('["1", "2", "4"]')
    agent = Agent(scripted(PLAN, wrong, wrong, wrong), rounds=3, use_cache=False)
    agent.budget = Budget(max_llm_calls=3)  # the plan and two programs
    answer = agent.ask(CUBIC)
    assert answer.programs == 2 and not answer.verified
    assert answer.text == "x ∈ {1, 2, 4}"
