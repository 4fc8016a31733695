"""Options and output shared by the commands."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console

from abduce.agent import Budget, Solver
from abduce.agent.loop import PLANNERS
from abduce.errors import UsageError, first_problem

console = Console()


LLMOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        "--model",
        help="'local' (default, or $ABDUCE_LLM), 'openai:<model>', "
        "'openai-compatible:<base_url>', optionally followed by '#<model>'.",
    ),
]
SeedOption = Annotated[int, typer.Option(help="Sampling seed (part of the cache key).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not reuse cached replies.")]
CallsOption = Annotated[int, typer.Option("--max-calls", help="LLM calls per task.")]
SecondsOption = Annotated[float, typer.Option("--max-seconds", help="Wall seconds per task.")]
PlannerOption = Annotated[
    str,
    typer.Option(
        help="'search' (DSL enumeration, no model), 'llm', or 'both' (search first, then the "
        "LLM loop)."
    ),
]
SearchOption = Annotated[
    float, typer.Option("--budget", help="Seconds the DSL search may take per task.")
]


def solver_factory(
    llm: str | None,
    seed: int,
    no_cache: bool,
    max_calls: int,
    max_seconds: float,
    planner: str,
    search_seconds: float,
) -> partial[Solver]:
    """A picklable recipe for the solver, so that worker processes can build their own."""
    if planner not in PLANNERS:
        raise UsageError(f"--planner {planner!r}: choose one of {', '.join(PLANNERS)}")
    try:
        budget = Budget(
            max_llm_calls=max_calls, max_seconds=max_seconds, search_seconds=search_seconds
        )
    except ValidationError as error:
        raise UsageError(f"invalid {first_problem(error)}") from None
    return partial(Solver, llm, budget=budget, seed=seed, use_cache=not no_cache, planner=planner)


def load_solver(make_solver: partial[Solver]) -> Solver:
    """Build the solver here, with a status line while the model loads."""
    with console.status("loading the model…"):
        return make_solver()
