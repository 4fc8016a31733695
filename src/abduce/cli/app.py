"""The `abduce` command line: solve, bench, report, chat, ask, tools, mcp, models, prior,
library."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from abduce.agent import describe_llm
from abduce.cli import bench, chat, report, tools
from abduce.cli.library import library_app
from abduce.cli.options import (
    CallsOption,
    EvaluationsOption,
    LibraryOption,
    LLMOption,
    NoCacheOption,
    OldSearchOption,
    PlannerOption,
    PriorOption,
    RetriesOption,
    SearchOption,
    SecondsOption,
    SeedOption,
    SolverOptions,
    TimeoutOption,
    console,
    load_solver,
)
from abduce.cli.prior import prior_app
from abduce.cli.render import hint_view, prior_view, shape_view, solution_view, task_view
from abduce.errors import AbduceError
from abduce.tasks import load_any

app = typer.Typer(
    help="abduce: a language model's guesses, checked by programs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.command()
def solve(
    task: Annotated[
        str,
        typer.Argument(
            help="An ARC task id, a task JSON file, a directory of them, or a file listing "
            "task ids or paths, one per line."
        ),
    ],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON line per task.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Also show the search's prior and output-size rule.")
    ] = False,
    llm: LLMOption = None,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
    max_calls: CallsOption = None,
    max_seconds: SecondsOption = None,
    planner: PlannerOption = None,
    search_seconds: SearchOption = None,
    budget: OldSearchOption = None,
    max_evaluations: EvaluationsOption = None,
    prior: PriorOption = None,
    library: LibraryOption = None,
    request_timeout: TimeoutOption = None,
    max_retries: RetriesOption = None,
    hint: Annotated[
        str | None,
        typer.Option(
            "--hint",
            help="Your idea of the rule in words (and any DSL names), e.g. 'crop to the "
            "largest object, then flip it': it raises those primitives in the search's prior.",
        ),
    ] = None,
) -> None:
    """Solve ARC-style tasks and show the hypothesis, program, verdicts and attempts."""
    tasks = load_any(task)
    flags = (llm, seed, no_cache, max_calls, max_seconds, planner, search_seconds, budget)
    solver = load_solver(
        SolverOptions.resolve(
            *flags,
            request_timeout=request_timeout,
            max_retries=max_retries,
            max_evaluations=max_evaluations,
            prior=prior,
            library=library,
        ).factory(hint)
    )
    for item in tasks:
        if json_output:
            print(solver.solve(item).model_dump_json(), flush=True)
            continue
        console.rule(f"task {item.id}")
        console.print(task_view(item))
        with console.status(f"solving {item.id} with {solver.model_name}…"):
            solution = solver.solve(item)
        console.print(solution_view(item, solution))
        if solver.search and solver.search.hint:
            steered_by = "the model's words" if solver.planner_name == "hybrid" else "hint"
            console.print(hint_view(solver.search.hint, steered_by))
        if verbose and solver.search:
            console.print(prior_view(solver.search, solution.program))
            console.print(shape_view(item))


@app.command()
def models(llm: LLMOption = None) -> None:
    """Show which LLM is in use and where its weights are."""
    table = Table(show_header=False, box=None)
    for key, value in describe_llm(llm).items():
        table.add_row(f"[bold]{key}[/]", value)
    console.print(table)


app.command()(bench.bench)
app.command()(chat.chat)
app.command()(chat.ask)
app.add_typer(tools.tools_app, name="tools")
app.add_typer(prior_app, name="prior")
app.add_typer(library_app, name="library")
app.command()(tools.mcp)
app.command()(report.report)


def main() -> None:
    """Entry point: abduce's errors print one line and exit with their code (see errors.py)."""
    try:
        app()
    except AbduceError as error:
        print(f"abduce: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("abduce: interrupted", file=sys.stderr)
        sys.exit(130)
