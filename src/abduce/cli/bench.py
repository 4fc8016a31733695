"""`abduce bench`: resumable runs over suites of tasks, with scores."""

from __future__ import annotations

import re
import statistics
import time
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from abduce.agent import Solver
from abduce.agent.loop import planner_label
from abduce.bench import (
    Executor,
    Job,
    ProcessExecutor,
    RayExecutor,
    ResultLine,
    read_results,
    run_tasks,
)
from abduce.bench.cost import price_of
from abduce.bench.jobs import Fault
from abduce.bench.limits import Limits
from abduce.bench.scores import Score, family, robustness, scores_by
from abduce.bench.suites import SUITES, load_suite
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
    default_note,
    load_solver,
)
from abduce.errors import CostLimitReached, ModelServerError, UsageError
from abduce.settings import load_settings
from abduce.tasks.remap import REMAP_MODES, Remap

WorkersOption = Annotated[
    int | None,
    typer.Option(min=1, help="Tasks solved at once (default: 1, or every CPU of a Ray cluster)."),
]
ConcurrencyOption = Annotated[
    int | None,
    typer.Option(
        "--concurrency",
        help="Tasks each worker solves at once, in threads: up to that many calls in flight to "
        "a remote model (the local model takes one at a time)." + default_note("concurrency"),
    ),
]
FaultsOption = Annotated[
    int | None,
    typer.Option(
        "--max-faults",
        help="Stop after this many faults of the model server in a row; a faulted task is not "
        "recorded." + default_note("max_faults"),
    ),
]
CostOption = Annotated[
    float | None,
    typer.Option(
        "--max-cost",
        help="US dollars this run may spend: it stops (exit code 4, resumable) before the next "
        "task would likely pass them. [default: no cap]",
    ),
]
PriceInOption = Annotated[
    float | None,
    typer.Option(
        "--price-in",
        help="US dollars per million tokens sent (default: the list price of an "
        "'openai:<model>', else 0).",
    ),
]
PriceOutOption = Annotated[
    float | None,
    typer.Option("--price-out", help="US dollars per million tokens received (as --price-in)."),
]


def bench(
    suite: Annotated[
        str,
        typer.Argument(
            help=f"{', '.join(SUITES)}; or an ARC task id, a task JSON file, a directory of "
            "them, or a file listing task ids or paths, one per line."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            help="Results file, one JSON line per task (default: runs/SUITE-MODEL.jsonl)."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N tasks.")] = None,
    llm: LLMOption = None,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
    max_calls: CallsOption = None,
    max_seconds: SecondsOption = None,
    planner: PlannerOption = None,
    search_seconds: SearchOption = None,
    budget: OldSearchOption = None,
    workers: WorkersOption = None,
    concurrency: ConcurrencyOption = None,
    executor: Annotated[
        str, typer.Option(help="'process' (worker processes here) or 'ray'.")
    ] = "process",
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join: 'auto' or HOST:PORT (default: a local one)."),
    ] = None,
    remap: Annotated[
        str | None,
        typer.Option(
            help="Also solve each task with its colours permuted: 'colours' (background kept) "
            "or 'all' (all ten); reports Γ, Γ' and Δ = Γ - Γ'."
        ),
    ] = None,
    remap_seeds: Annotated[int, typer.Option(min=1, help="Permutations per task.")] = 3,
    families: Annotated[
        str | None,
        typer.Option(help="For 'generated': comma-separated family names (default: all)."),
    ] = None,
    per_family: Annotated[
        int | None, typer.Option(min=1, help="For 'generated': tasks per family (default: 20).")
    ] = None,
    max_faults: FaultsOption = None,
    max_cost: CostOption = None,
    price_in: PriceInOption = None,
    price_out: PriceOutOption = None,
    max_evaluations: EvaluationsOption = None,
    prior: PriorOption = None,
    library: LibraryOption = None,
    request_timeout: TimeoutOption = None,
    max_retries: RetriesOption = None,
) -> None:
    """Run a suite or any tasks; every finished task is one JSON line, and a rerun resumes."""
    if suite != "generated" and (families or per_family):
        raise UsageError("--families and --per-family apply to the 'generated' suite only")
    if remap is not None and remap not in REMAP_MODES:
        raise UsageError(f"--remap {remap!r}: choose one of {', '.join(REMAP_MODES)}")
    chosen = None if families in (None, "all") else [name.strip() for name in families.split(",")]
    tasks = load_suite(suite, families=chosen, per_family=per_family or 20, seed=seed)[:limit]
    flags = (llm, seed, no_cache, max_calls, max_seconds, planner, search_seconds, budget)
    options = SolverOptions.resolve(
        *flags,
        request_timeout=request_timeout,
        max_retries=max_retries,
        max_evaluations=max_evaluations,
        prior=prior,
        library=library,
    )
    make_solver, model = options.factory(), options.model_name
    settings = load_settings(
        max_faults=max_faults,
        max_cost=max_cost,
        price_in=price_in,
        price_out=price_out,
        concurrency=concurrency,
    )
    price = price_of(options.llm, settings.price_in, settings.price_out)
    limits = Limits(max_faults=settings.max_faults, max_cost=settings.max_cost, price=price)
    out = out or Path("runs") / f"{_slug(suite)}-{_slug(model)}.jsonl"
    jobs = [Job(task=task) for task in tasks]
    if remap:
        draws = [Remap.draw(remap, number) for number in range(1, remap_seeds + 1)]
        jobs += [Job(task=task, remap=draw) for draw in draws for task in tasks]
    earlier = read_results(out)
    _check_same_run(earlier, out, model, planner_label(options.planner), seed)
    threads = 1 if options.llm == "local" else settings.concurrency
    run = _executor(executor, workers, address, threads)
    lines = run_suite(jobs, make_solver, out, seed, run, earlier, limits)
    _print_scores(lines, generated=suite == "generated")


def run_suite(
    jobs: list[Job],
    make_solver: partial[Solver],
    out: Path,
    seed: int,
    executor: Executor,
    earlier: list[ResultLine],
    limits: Limits,
) -> list[ResultLine]:
    """Run the jobs not yet among the `earlier` lines of `out`, with a progress bar; return
    every line of the selection, earlier ones included."""
    keys = {job.key for job in jobs}
    earlier = [line for line in earlier if line.task_id in keys]
    done = {line.task_id for line in earlier}
    console.print(f"{len(jobs)} tasks, {len(done)} already in {out}")
    here = isinstance(executor, ProcessExecutor) and executor.workers == executor.concurrency == 1
    if here and len(done) < len(jobs):
        loaded = load_solver(make_solver)  # here, once, with a status line
        make_solver = partial(lambda solver: solver, loaded)
    started = time.monotonic()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("solved {task.fields[solved]}"), TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=console) as progress:
        bar = progress.add_task("tasks", total=len(jobs), completed=len(done), solved=0)
        solved = 0
        results: list[ResultLine] = []
        faults: list[Fault] = []

        def advance(line: ResultLine) -> None:
            nonlocal solved
            results.append(line)
            solved += bool(line.solved)
            progress.update(bar, advance=1, solved=solved)

        def fault(fault: Fault) -> None:
            faults.append(fault)
            progress.console.print(f"{fault.key}: not recorded: {fault.error}")

        try:
            run_tasks(
                jobs, make_solver, out, seed, executor=executor, limits=limits,
                on_result=advance, on_fault=fault,
            )  # fmt: skip
        except (ModelServerError, CostLimitReached):
            console.print(
                f"{len(results)} tasks finished, {len(faults)} faulted (not recorded); "
                f"{_spent(results, faults, limits)}; {out} keeps every finished task, and the "
                "same command resumes"
            )
            raise
    seconds = [line.seconds for line in results]
    median = f"{statistics.median(seconds):.1f}" if seconds else "-"
    console.print(
        f"solved {solved} of {len(results)} tasks run now ({len(done)} already in {out}); "
        f"median {median} s/task, max {max(seconds, default=0):.1f} s, "
        f"wall {time.monotonic() - started:.0f} s; {_spent(results, faults, limits)}"
    )
    lines = earlier + results
    solved_all = sum(bool(line.solved) for line in lines)
    passed = sum(line.passed_train for line in lines)
    share = f"{100 * solved_all / len(lines):.1f} %" if lines else "-"
    console.print(
        f"in {out}: {solved_all}/{len(lines)} solved ({share}), {passed} passing every train pair"
    )
    return lines


def _spent(lines: list[ResultLine], faults: list[Fault], limits: Limits) -> str:
    """What this run cost, the faulted attempts included."""
    wasted = sum(limits.price.cost(fault.tokens_in, fault.tokens_out) for fault in faults)
    spent = sum(line.cost or 0.0 for line in lines) + wasted
    return f"cost ${spent:.4f} (${wasted:.4f} on faulted tasks)"


def _executor(name: str, workers: int | None, address: str | None, threads: int) -> Executor:
    if name == "process":
        if address:
            raise UsageError("--address needs --executor ray")
        return ProcessExecutor(workers or 1, threads)
    if name != "ray":
        raise UsageError(f"--executor {name!r}: choose 'process' or 'ray'")
    if threads > 1:
        raise UsageError("--concurrency needs --executor process")
    return RayExecutor(workers, address)


def _check_same_run(
    earlier: list[ResultLine], out: Path, model: str, planner: str, seed: int
) -> None:
    """Refuse to resume a file written by another model, planner (or planner version) or
    seed; lines from before planners were recorded have none."""
    for line in earlier:
        if (line.model, line.planner or planner, line.seed) != (model, planner, seed):
            raise UsageError(
                f"{out} holds results of {line.model} (planner {line.planner}) with seed "
                f"{line.seed}, not {model} (planner {planner}) with seed {seed}: choose "
                "another --out"
            )


def _print_scores(lines: list[ResultLine], generated: bool) -> None:
    console.print(_table("results", scores_by(lines)))
    if generated:
        originals = [line for line in lines if not line.remap]
        console.print(_table("by family", scores_by(originals, key=family)))
    for scores in robustness(lines):
        console.print(
            f"remap {scores.mode}: Γ {scores.gamma:.1%} on {scores.originals} tasks, "
            f"Γ' {scores.gamma_remapped:.1%} on {scores.remapped} remapped, "
            f"Δ {scores.delta:+.1%}; {len(scores.flips)} flips"
        )
        for flip in scores.flips[:20]:
            change = "lost" if flip.solved_original else "gained"
            console.print(f"  {change} {flip.task_id} under {flip.remap}")
        if len(scores.flips) > 20:
            console.print(f"  … and {len(scores.flips) - 20} more (abduce report shows all)")


def _table(title: str, scores: list[Score]) -> Table:
    table = Table(title=title)
    columns = (
        "group",
        "tasks",
        "solved",
        "rate",
        "passed train",
        "median s",
        "LLM calls",
        "cost $",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "group" else "right", no_wrap=True)
    for row in scores:
        table.add_row(
            row.group, str(row.tasks), str(row.solved), f"{row.rate:.1%}",
            str(row.passed_train), f"{row.median_seconds:.1f}", str(row.llm_calls),
            f"{row.cost:.4f}",
        )  # fmt: skip
    return table


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.+-]+", "_", Path(text).stem if "/" in text else text)
