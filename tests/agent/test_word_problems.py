"""The word-problem path with scripted models: real sandbox runs, the ballot's rule."""

import pytest
from langchain_core.caches import InMemoryCache
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import HumanMessage

from abduce.agent.answer import Agent
from abduce.agent.ballot import Ballot, Candidate, sanity_problem
from abduce.agent.channel import ModelChannel
from abduce.agent.word_problems import is_word_problem, run_program, stated_answer
from abduce.tasks.maths import generate_problems
from tests.fakes import fence

APPLES = (
    "Ann picks 8 apples a day for 3 days and gives 4 of them to Bob. "
    "How many apples does she have left?"
)


def program(body: str) -> str:
    return fence(f"def answer():\n{body}")


AS_PRODUCT = program("    picked = 8 * 3\n    return picked - 4")
AS_SUM = program("    days = 3\n    per_day = 8\n    return per_day * days - 4")
AS_SIX = program("    return 8 + 3 - 4 - 1")  # a misreading: 6


def steps(number: str) -> str:
    return f"8 * 3 = 24 apples picked.\n24 - 4 = {number}.\nAnswer: {number}"


def test_two_different_programs_and_the_steps_agreeing_are_verified(scripted):
    model = scripted(AS_PRODUCT, AS_SUM, steps("20"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.verified and answer.text == "20" and answer.value == 20
    assert answer.llm_calls == 3  # no planning call
    origins = [(c.method, c.seed, c.value) for c in answer.candidates]
    assert origins == [("program", 0, 20), ("program", 1, 20), ("step-by-step", 2, 20)]


def test_programs_agreeing_without_another_method_are_not_verified(scripted):
    """The step-by-step answer disagrees: the programs' answer stands, unverified."""
    model = scripted(AS_PRODUCT, AS_SUM, steps("6"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.text == "20" and not answer.verified and answer.llm_calls == 3
    assert "step-by-step answer must agree" in answer.check


def test_when_programs_disagree_the_majority_answers_unverified(scripted):
    model = scripted(AS_PRODUCT, AS_SIX, AS_SUM, steps("20"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.text == "20" and not answer.verified
    assert "the answers disagree: 3 of 4" in answer.check
    assert [c.value for c in answer.candidates] == [20, 6, 20, 20]


def test_identical_programs_count_once(scripted):
    """A cached or repeated reply is one program, however often it comes back."""
    model = scripted(*[AS_SIX] * 4, steps("6"), steps("6"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.text == "6" and not answer.verified
    assert [c.method for c in answer.candidates] == ["program"] * 4 + ["step-by-step"] * 2
    assert "2 of 2 answers" in answer.check  # each repeated reply counted once


def test_numbers_in_words_are_computed(scripted):
    question = "Twelve children share thirty-six apples equally. How many apples does each get?"
    share = program("    children = 12\n    apples = 36\n    return apples / children")
    share_again = program("    return 36 // 12")
    model = scripted(share, share_again, "36 / 12 = 3\nAnswer: 3")
    answer = Agent(model, use_cache=False).ask(question)
    assert answer.computed and answer.verified and answer.text == "3"


def test_a_program_that_only_adds_a_print_is_the_same_program(scripted):
    printing = AS_PRODUCT.replace("picked - 4\n", "picked - 4\n\nprint(answer())\n")
    model = scripted(AS_PRODUCT, printing, AS_PRODUCT, AS_PRODUCT, steps("20"), steps("20"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.text == "20" and not answer.verified


def test_the_reply_cache_keys_on_the_seed():
    model = FakeListChatModel(responses=["first", "second", "third"], cache=InMemoryCache())
    channel = ModelChannel(model)
    asked = [HumanMessage("the same question")]
    replies = [channel.ask(asked, seed=seed, temperature=0.7) for seed in (1, 2, 1)]
    assert replies == ["first", "second", "first"]  # seed 1 again: the cached reply


def test_a_program_that_gives_no_number_is_re_asked_not_counted(scripted):
    broken = program("    return apples_left")  # NameError
    model = scripted(AS_PRODUCT, broken, AS_SUM, steps("20"))
    answer = Agent(model, use_cache=False).ask(APPLES)
    assert answer.verified and answer.text == "20"
    assert "apples_left" in model.prompts[2][-1].content  # the re-ask says what went wrong
    assert [c.error is not None for c in answer.candidates] == [False, True, False, False]


@pytest.mark.parametrize(
    ("source", "value", "repaired"),
    [
        ("def answer():\n    return 'She has 20 apples left.'", 20, "returned a string"),
        ("def answer():\n    return '$1,250.50'", 1250.5, "returned a string"),
        ("def answer():\n    print(8 * 3 - 4)", 20, "printed instead of returning"),
        ("def solution():\n    return 8 * 3 - 4", 20, "called solution()"),
        ("picked = 8 * 3\nleft = picked - 4", 20, "read the variable left"),
        ("answer = 8 * 3 - 4", 20, None),  # a number, not a function
        ("from fractions import Fraction\ndef answer():\n    return Fraction(7, 2)", 3.5, None),
        ("def answer():\n    return 24.000000000001", 24.000000000001, None),
    ],
)
def test_slips_in_a_program_are_repaired(source, value, repaired):
    found, error, fixed = run_program(source)
    assert error is None and found == pytest.approx(value) and fixed == repaired


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("def answer(:\n    return 1", "does not parse"),
        ("def answer():\n    return [20, 24]", "returned a list"),
        ("def answer():\n    return 'twenty'", "holds no number"),
        ("def answer():\n    pass", "printed no number"),
        ("def answer():\n    return 1 / 0", "ZeroDivisionError"),
    ],
)
def test_a_program_without_a_number_says_why(source, error):
    found, reason, _ = run_program(source)
    assert found is None and error in (reason or "")


@pytest.mark.parametrize(
    ("derivation", "value"),
    [
        ("8 * 3 = 24\n24 - 4 = 20\nAnswer: 20", 20),
        ("Answer: $1,200 in total", 1200),
        ("So she has 20 apples left.", 20),
        ("answer: 3/4 of a cake", 0.75),
        ("I cannot tell.", None),
    ],
)
def test_the_stated_answer_of_a_derivation(derivation, value):
    assert stated_answer(derivation) == value


@pytest.mark.parametrize(
    ("question", "word"),
    [
        (APPLES, True),
        ("Twelve children share thirty-six apples equally. How many apples does each get?", True),
        ("A jacket costs $40 and is 25% off in the sale. What does Sam pay for two jackets?", True),
        ("What is the capital of France?", False),
        ("How many minutes are 2.5 hours?", False),  # too short to need the word path
        ("Solve x**2 - 5*x + 6 = 0 for x, and tell me how many roots there are in total.", False),
        ("Edges A-B 2, B-C 1, A-C 5. How long is the shortest path from A to C, please?", False),
    ],
)
def test_which_questions_are_word_problems(question, word):
    assert is_word_problem(question) is word


def test_only_the_maths_sets_word_problems_take_the_word_path():
    for problem in generate_problems(100, 0):
        assert is_word_problem(problem.question) is (problem.kind == "word_problem"), problem


@pytest.mark.parametrize(
    ("value", "question", "problem"),
    [
        (20, APPLES, None),
        (-4, APPLES, "negative"),
        (20.5, APPLES, "not a whole number of apples"),
        (2.5, "It takes 5 hours to paint 2 fences. How many hours per fence?", None),
        (7.5, "How many more dollars does Tom have than Ann, who has 7?", None),
        (1e12, APPLES, "far larger"),
        (-3, "The temperature was 5 degrees and fell 8 degrees below that. What is it?", None),
    ],
)
def test_sanity_checks(value, question, problem):
    found = sanity_problem(float(value), question)
    assert (found is None) if problem is None else (problem in (found or ""))


def candidate(method, seed, value):
    return Candidate(
        program_id=f"p{seed}",
        method=method,
        seed=seed,
        temperature=0.7,
        source=f"x = {seed}\nreturn {value}",  # different programs
        value=value,
    )


@pytest.mark.parametrize(
    ("votes", "verified"),
    [
        ([("program", 20), ("program", 20), ("step-by-step", 20)], True),
        ([("program", 20), ("program", 20)], False),  # one method only
        ([("program", 20), ("step-by-step", 20)], False),  # one program only
        ([("program", 20), ("program", 20), ("step-by-step", 20), ("program", 6)], False),
        ([("program", 20), ("program", 20), ("step-by-step", 20), ("step-by-step", 20)], True),
        ([("program", -20), ("program", -20), ("step-by-step", -20)], False),  # not sane
    ],
)
def test_the_verification_rule(votes, verified):
    ballot = Ballot(APPLES)
    for seed, (method, value) in enumerate(votes):
        ballot.add(candidate(method, seed, value))
    assert ballot.decision().verified is verified
