"""Options and output shared by the commands.

The solver flags of `solve` and `bench` are declared here once; a flag left out falls back
to the settings (ABDUCE_* variables, then the config file, then the defaults: see
abduce.settings), which is why their declared default is None.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from pydantic import BaseModel, ConfigDict
from rich.console import Console

from abduce.agent import Budget, Solver
from abduce.agent.llm import DEFAULT_SPEC, Server
from abduce.agent.loop import solver_name
from abduce.settings import Settings, load_settings

console = Console()


def default_note(field: str) -> str:
    """A setting's default, in --help's own format (a string `show_default` would be shown
    in parentheses; the backslash keeps rich from reading the brackets as markup)."""
    return f" \\[default: {Settings.model_fields[field].default}]"


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
CallsOption = Annotated[
    int | None,
    typer.Option("--max-calls", help="LLM calls per task." + default_note("max_calls")),
]
SecondsOption = Annotated[
    float | None,
    typer.Option("--max-seconds", help="Wall seconds per task." + default_note("max_seconds")),
]
PlannerOption = Annotated[
    str | None,
    typer.Option(
        help="'search' (DSL enumeration, no model), 'llm' (the model writes programs), "
        "'hybrid' (the model's rules and sketches steer the search), or 'both' (search with "
        "half the search budget, then hybrid with the other half, then the LLM loop; with "
        "the local model, the search with the whole budget, then the LLM loop)."
        + default_note("planner"),
    ),
]
SearchOption = Annotated[
    float | None,
    typer.Option(
        "--search-seconds",
        help="Seconds the DSL search may take per task." + default_note("search_seconds"),
    ),
]
EvaluationsOption = Annotated[
    int | None,
    typer.Option(
        "--max-evaluations",
        help="Programs the DSL search may evaluate per task, instead of --search-seconds: "
        "no clock, so results do not depend on the machine.",
    ),
]
PriorOption = Annotated[
    str | None,
    typer.Option(
        "--prior",
        help="The DSL search's prior over primitives: 'uniform', 'learned' from the task's "
        "features (trained on ARC-AGI-1 training solutions), or a file of weights that "
        "`abduce prior train --out` wrote (say, without the tasks it will score)."
        + default_note("prior"),
    ),
]
LibraryOption = Annotated[
    str | None,
    typer.Option(
        "--library",
        help="Functions learned from the corpus of solutions that the DSL search applies "
        "like primitives: 'none', 'learned' (the shipped library, `abduce library show`), or "
        "a file that `abduce library learn --out` wrote." + default_note("library"),
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--request-timeout",
        help="Seconds one request to a model server may take." + default_note("request_timeout"),
    ),
]
RetriesOption = Annotated[
    int | None,
    typer.Option(
        "--max-retries",
        help="Retries of a failed request to a model server, with backoff."
        + default_note("max_retries"),
    ),
]
OldSearchOption = Annotated[
    float | None, typer.Option("--budget", hidden=True, help="Old name of --search-seconds.")
]


class SolverOptions(BaseModel):
    """The solver that the flags of `solve` and `bench` and the settings describe."""

    model_config = ConfigDict(frozen=True)

    llm: str
    planner: str
    budget: Budget
    seed: int
    use_cache: bool
    server: Server

    @classmethod
    def resolve(
        cls,
        llm: str | None,
        seed: int,
        no_cache: bool,
        max_calls: int | None,
        max_seconds: float | None,
        planner: str | None,
        search_seconds: float | None,
        old_search_seconds: float | None = None,
        *,
        request_timeout: float | None = None,
        max_retries: int | None = None,
        max_evaluations: int | None = None,
        prior: str | None = None,
        library: str | None = None,
    ) -> SolverOptions:
        """The flags given, then the settings for those left out."""
        settings = load_settings(
            llm=llm,
            max_calls=max_calls,
            max_seconds=max_seconds,
            planner=planner,
            search_seconds=search_seconds if search_seconds is not None else old_search_seconds,
            request_timeout=request_timeout,
            max_retries=max_retries,
            max_evaluations=max_evaluations,
            prior=prior,
            library=library,
        )
        budget = Budget(
            max_llm_calls=settings.max_calls,
            max_seconds=settings.max_seconds,
            search_seconds=settings.search_seconds,
            max_evaluations=settings.max_evaluations,
            prior=settings.prior,
            library=settings.library,
        )
        return cls(
            llm=settings.llm or DEFAULT_SPEC,
            planner=settings.planner,
            budget=budget,
            seed=seed,
            use_cache=not no_cache,
            server=Server(
                request_timeout=settings.request_timeout, max_retries=settings.max_retries
            ),
        )

    @property
    def model_name(self) -> str:
        """What results record as the model (see solver_name)."""
        return solver_name(self.llm, self.planner)

    def factory(self, hint: str | None = None) -> partial[Solver]:
        """A picklable recipe for the solver, so that worker processes can build their own."""
        return partial(
            Solver,
            self.llm,
            budget=self.budget,
            seed=self.seed,
            use_cache=self.use_cache,
            planner=self.planner,
            server=self.server,
            hint=hint,
        )


def load_solver(make_solver: partial[Solver]) -> Solver:
    """Build the solver here, with a status line while the model loads."""
    with console.status("loading the model…"):
        return make_solver()
