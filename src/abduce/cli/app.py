"""The `abduce` command line: solve, arc, chat, ask, tools, mcp, models."""

from __future__ import annotations

import json
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from abduce.agent import Budget, LLMSpecError, Solver, describe_llm
from abduce.agent.loop import PLANNERS
from abduce.bench import finished_ids, run_tasks
from abduce.cli import chat, tools
from abduce.cli.config import ConfigError
from abduce.cli.options import LLMOption, NoCacheOption, SeedOption, UsageError, console
from abduce.cli.render import solution_view, task_view
from abduce.tasks import TaskError, TaskNotFoundError, load_any, load_arc
from abduce.tasks.errors import first_problem
from abduce.tools import ToolError

app = typer.Typer(
    help="abduce: a language model's guesses, checked by programs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
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


def _solver_factory(
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
    budget = Budget(max_llm_calls=max_calls, max_seconds=max_seconds, search_seconds=search_seconds)
    return partial(Solver, llm, budget=budget, seed=seed, use_cache=not no_cache, planner=planner)


def _solver(make_solver: partial[Solver]) -> Solver:
    with console.status("loading the model…"):
        return make_solver()


@app.command()
def solve(
    task: Annotated[str, typer.Argument(help="An ARC task id, a task JSON file or a directory.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON line per task.")
    ] = False,
    llm: LLMOption = None,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
    max_calls: CallsOption = 12,
    max_seconds: SecondsOption = 300.0,
    planner: PlannerOption = "both",
    budget: SearchOption = 10.0,
) -> None:
    """Solve ARC-style tasks and show the hypothesis, program, verdicts and attempts."""
    tasks = load_any(task)
    options = (llm, seed, no_cache, max_calls, max_seconds, planner, budget)
    solver = _solver(_solver_factory(*options))
    for item in tasks:
        if json_output:
            print(solver.solve(item).model_dump_json(), flush=True)
            continue
        console.rule(f"task {item.id}")
        console.print(task_view(item))
        with console.status(f"solving {item.id} with {solver.model_name}…"):
            solution = solver.solve(item)
        console.print(solution_view(item, solution))


@app.command()
def arc(
    out: Annotated[Path, typer.Option(help="Results file: one JSON line per finished task.")],
    split: Annotated[str, typer.Option(help="'training' or 'evaluation'.")] = "training",
    version: Annotated[str, typer.Option(help="'arc-agi-1' or 'arc-agi-2'.")] = "arc-agi-1",
    limit: Annotated[int | None, typer.Option(help="Only the first N tasks (by id).")] = None,
    tasks: Annotated[Path | None, typer.Option(help="File of task ids, one per line.")] = None,
    llm: LLMOption = None,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
    max_calls: CallsOption = 12,
    max_seconds: SecondsOption = 300.0,
    planner: PlannerOption = "both",
    budget: SearchOption = 10.0,
    workers: Annotated[
        int, typer.Option(min=1, help="Tasks solved at once, each in its own process.")
    ] = 1,
) -> None:
    """Solve many ARC tasks; resumes where an earlier run into the same file stopped."""
    split_tasks = load_arc(split, version)
    ids = _read_ids(tasks) if tasks else sorted(split_tasks)
    unknown = [task_id for task_id in ids if task_id not in split_tasks]
    if unknown:
        raise TaskNotFoundError(f"{unknown[0]}: not an ARC {version} {split} task")
    selected = [split_tasks[task_id] for task_id in ids[:limit]]
    done = finished_ids(out) & {task.id for task in selected}
    options = (llm, seed, no_cache, max_calls, max_seconds, planner, budget)
    make_solver = _solver_factory(*options)
    loaded = _solver(make_solver) if workers == 1 else None
    started = time.monotonic()
    solved = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("solved {task.fields[solved]}"), TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=console) as progress:
        bar = progress.add_task("ARC", total=len(selected), completed=len(done), solved=0)

        def advance(line: dict) -> None:
            nonlocal solved
            solved += bool(line["solved"])
            progress.update(bar, advance=1, solved=solved)

        results = run_tasks(
            selected,
            (lambda: loaded) if loaded else make_solver,
            out,
            seed,
            workers=workers,
            on_result=advance,
        )
    seconds = [r["seconds"] for r in results]
    console.print(
        f"solved {solved} of {len(results)} tasks run now ({len(done)} already in {out}); "
        f"median {_median(seconds)} s/task, max {max(seconds, default=0):.1f} s, "
        f"wall {time.monotonic() - started:.0f} s"
    )
    console.print(_summary(out, {task.id for task in selected}))


@app.command()
def models(llm: LLMOption = None) -> None:
    """Show which LLM is in use and where its weights are."""
    table = Table(show_header=False, box=None)
    for key, value in describe_llm(llm).items():
        table.add_row(f"[bold]{key}[/]", value)
    console.print(table)


app.command()(chat.chat)
app.command()(chat.ask)
app.add_typer(tools.tools_app, name="tools")
app.command()(tools.mcp)


def _summary(out: Path, ids: set[str]) -> str:
    """One line over every recorded task of this selection, earlier runs included."""
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
             if line.strip().endswith("}")]  # fmt: skip
    lines = [line for line in lines if line["task_id"] in ids]
    solved = sum(bool(line["solved"]) for line in lines)
    passed = sum(bool(line["passed_train"]) for line in lines)
    share = f"{100 * solved / len(lines):.1f} %" if lines else "-"
    return f"in {out}: {solved}/{len(lines)} solved ({share}), {passed} passing every train pair"


def _read_ids(path: Path) -> list[str]:
    if not path.is_file():
        raise TaskNotFoundError(f"{path}: no such file")
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "-"


def main() -> None:
    """Entry point: user errors print one line and exit 2."""
    try:
        app()
    except (TaskError, LLMSpecError, UsageError, ToolError, ConfigError) as error:
        print(f"abduce: error: {error}", file=sys.stderr)
        sys.exit(2)
    except ValidationError as error:
        print(f"abduce: error: invalid {first_problem(error)}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("abduce: interrupted", file=sys.stderr)
        sys.exit(130)
