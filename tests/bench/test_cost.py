import pytest

from abduce.bench import Fault, Limits, Price, ResultLine, price_of
from abduce.bench.limits import Guard
from abduce.errors import CostLimitReached, ModelServerFailed, ModelUnreachable

# spec, --price-in, --price-out, dollars for 1M tokens in and 1M out
PRICES = [
    ("openai:gpt-4o-mini", None, None, 0.15 + 0.60),
    ("openai:gpt-4o-mini", 1.0, None, 1.0 + 0.60),
    ("openai:no-such-model", None, None, 0.0),
    ("openai-compatible:http://127.0.0.1:8000/v1#gpt-4o-mini", None, None, 0.0),
    ("openai-compatible:http://127.0.0.1:8000/v1#x", 2.0, 3.0, 5.0),
    ("local", None, None, 0.0),
]  # fmt: skip


@pytest.mark.parametrize(("spec", "usd_in", "usd_out", "dollars"), PRICES)
def test_the_price_of_a_model(spec, usd_in, usd_out, dollars):
    assert price_of(spec, usd_in, usd_out).cost(1_000_000, 1_000_000) == pytest.approx(dollars)


def line(tokens_in: int, tokens_out: int) -> ResultLine:
    return ResultLine.model_validate({
        "task_id": "t", "solved": False, "passed_train": False, "attempts": [], "hypothesis": None,
        "program": None, "stopped": "budget spent", "llm_calls": 2, "tokens_in": tokens_in,
        "tokens_out": tokens_out, "seconds": 1.0, "model": "m", "seed": 0, "prompt_hash": "h",
    })  # fmt: skip


def fault(tokens_in: int = 0, error: Exception | None = None) -> Fault:
    return Fault("t", error or ModelServerFailed("HTTP 500"), tokens_in, 0)


DOLLAR = Price(usd_in=1_000_000)  # a dollar a token in
# outcomes as they arrive, the cap, and after how many outcomes the guard stops (None: never)
CAPS = [
    ([line(1, 0)] * 5, None, None),
    ([line(1, 0)] * 5, 3.5, 3),  # at $3, the next would likely take it to $4
    ([line(1, 0)] * 5, 3.0, 3),  # reaching the cap exactly is allowed
    ([fault(1), line(1, 0), fault(1), line(1, 0)], 3.5, 3),  # faulted tokens count
    ([line(0, 0)] * 5, 0.01, None),  # cached replies cost nothing
]  # fmt: skip


@pytest.mark.parametrize(("outcomes", "cap", "stops_after"), CAPS)
def test_the_guard_stops_before_the_next_task_would_pass_the_cap(outcomes, cap, stops_after):
    guard = Guard(Limits(max_cost=cap, price=DOLLAR), jobs=9)
    stopped_at = None
    for count, outcome in enumerate(outcomes, 1):
        guard.add(outcome)
        if guard.stopped() and stopped_at is None:
            stopped_at = count
    assert stopped_at == stops_after
    assert guard.spent == sum(outcome.tokens_in for outcome in outcomes)
    assert isinstance(guard.error(), CostLimitReached) == (stops_after is not None)


# outcomes ('f' a fault, 'l' a finished task), and after how many the guard stops
FAULTS = [("ff", 2), ("flf", None), ("lffl", 3), ("flfflff", 4)]


def test_the_cap_does_not_stop_a_run_after_its_last_job():
    guard = Guard(Limits(max_cost=2.5, price=DOLLAR), jobs=2)
    guard.add(line(1, 0))
    guard.add(line(1, 0))
    assert not guard.stopped()
    assert guard.error() is None


@pytest.mark.parametrize(("outcomes", "stops_after"), FAULTS)
def test_the_guard_stops_after_max_faults_in_a_row(outcomes, stops_after):
    guard = Guard(Limits(max_faults=2), jobs=9)
    errors = {"f": ModelUnreachable("no connection"), "l": None}
    stopped_at = None
    for count, kind in enumerate(outcomes, 1):
        error = errors[kind]
        guard.add(fault(error=error) if error else line(0, 0))
        if guard.stopped() and stopped_at is None:
            stopped_at = count
    assert stopped_at == stops_after
    if stops_after is not None:
        assert guard.error() is errors["f"]
    else:
        assert f"{outcomes.count('f')} task(s) not recorded" in str(guard.error())
