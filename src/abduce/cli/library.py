"""`abduce library learn` and `abduce library show`: the functions learned from the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from abduce.cli.options import console
from abduce.errors import UsageError
from abduce.programs.library import LIBRARY_FILE, learn, load_library
from abduce.programs.library.learn import ARITY, ITERATIONS, corpus_tasks
from abduce.programs.search.corpus import CORPUS_FILE, load_corpus, shipped_file
from abduce.tasks.arc import load_list

library_app = typer.Typer(
    help="Functions learned from the corpus of solutions.", no_args_is_help=True
)


@library_app.command("learn")
def learn_library(
    corpus: Annotated[
        Path | None, typer.Option(help="The corpus file (default: the one shipped).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the library (default: the shipped file).")
    ] = None,
    without: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="Leave out the programs of the tasks this file lists, for a library that "
            "never saw them: use it with --out.",
        ),
    ] = None,
    iterations: Annotated[
        int, typer.Option(min=1, help="Abstractions Stitch may propose.")
    ] = ITERATIONS,
    arity: Annotated[int, typer.Option(min=0, max=4, help="Most parameters of one.")] = ARITY,
) -> None:
    """Compress the corpus's programs into new functions, verify them, and write them."""
    if without and not out:
        raise UsageError("--without needs --out: the shipped library learns from every task")
    left_out = {task.id for task in load_list(without)} if without else set()
    entries = [
        e for e in load_corpus(corpus or shipped_file(CORPUS_FILE)) if e.task not in left_out
    ]
    library = learn(entries, corpus_tasks(), iterations=iterations, arity=arity)
    path = out or shipped_file(LIBRARY_FILE)
    library.dump(path)
    console.print(
        f"{len(library.functions)} functions from {library.programs} programs of "
        f"{library.tasks} tasks; the corpus's cost {library.cost_before} → "
        f"{library.cost_after} ({library.cost_before / library.cost_after:.2f}×): {path}",
        highlight=False,
    )


@library_app.command("show")
def show_library(
    path: Annotated[
        Path | None, typer.Argument(help="A library file (default: the one shipped).")
    ] = None,
) -> None:
    """List the learned functions: signature, what they do, and how many programs use them."""
    library = load_library(path or shipped_file(LIBRARY_FILE))
    table = Table("function", "uses", "what it does", box=None)
    for function in library.functions:
        table.add_row(function.signature, str(function.uses), function.phrase)
    console.print(table)
    console.print(
        f"{library.name}: learned from {library.programs} programs of {library.tasks} tasks",
        highlight=False,
    )
